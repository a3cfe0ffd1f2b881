// A person's own profile (/ecrire/profil): the name and biography the site shows of them, and the language of
// their back office ('' follows the site's). Their email and
// password need their current password and have operations of their own (change-email.ts, change-password.ts);
// their role and sections are an administrator's business (update-user.ts).
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { User } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { slugify } from '../../kernel/slug.ts';
import { parseInput } from '../../kernel/validation.ts';
import { pathFor, setCurrentPath, uniqueSlug } from '../../urls/index.ts';
import { userUpdateSchema } from './update-user.ts';

const profileSchema = userUpdateSchema.pick({ name: true, bio: true }).extend({
  // Absent (a form without the field): unchanged.
  lang: z.string().refine((lang) => lang === '' || lang === 'fr' || lang === 'en', 'errors.field.interfaceLang').optional(),
});
const labels = { name: 'errors.label.name', bio: 'errors.label.bio', lang: 'errors.label.lang' } as const;

export type ProfileInput = z.input<typeof profileSchema>;

export async function updateProfile(db: Db, userId: number, input: ProfileInput): Promise<User> {
  const data = parseInput(profileSchema, input, labels);
  return db.write(async (trx) => {
    const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user) throw new TisseError('NOT_FOUND', 'errors.users.notFound');
    // The author page's address follows the name, as when an administrator renames the account.
    const slug = data.name === user.name ? user.slug : await uniqueSlug(trx, 'author', slugify(data.name), userId);
    const updated = await trx.updateTable('users').set({ name: data.name, bio: data.bio, slug, lang: data.lang ?? user.lang }).where('id', '=', userId).returningAll().executeTakeFirstOrThrow();
    if (slug !== user.slug) await setCurrentPath(trx, 'author', userId, pathFor('author', slug));
    return updated;
  });
}
