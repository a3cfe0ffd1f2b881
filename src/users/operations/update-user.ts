// Edits an account: name, email, role, and the sections of a restricted administrator (an administrator
// with sections manages only those and their sub-sections; without, the whole site). The site must keep
// at least one full administrator: the change that would remove the last one is refused. Setting the role
// 'disabled' closes the account's sessions (see disable-user.ts).
import { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { User } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { slugify } from '../../kernel/slug.ts';
import { pathFor, setCurrentPath, uniqueSlug } from '../../urls/index.ts';
import { parseInput } from '../../kernel/validation.ts';

export const userUpdateSchema = z.object({
  name: z.string().trim().min(1, 'errors.field.nameRequired').max(200, 'errors.field.atMost200'),
  email: z.string().trim().toLowerCase().email('errors.field.invalidEmail'),
  role: z.enum(['administrator', 'editor', 'visitor', 'disabled']),
  sections: z.array(z.number().int().positive()).default([]),
  bio: z.string().max(20_000).default(''),
  website: z
    .string()
    .trim()
    .max(500)
    .refine((url) => url === '' || /^https?:\/\//i.test(url), 'errors.field.httpAddress')
    .default(''),
});

export const userLabels = { name: 'errors.label.name', email: 'errors.label.email', role: 'errors.label.role', sections: 'errors.label.sections', bio: 'errors.label.bio', website: 'errors.label.website' } as const;

export type UserUpdateInput = z.input<typeof userUpdateSchema>;

export async function updateUser(db: Db, id: number, input: UserUpdateInput): Promise<User> {
  const data = parseInput(userUpdateSchema, input, userLabels);
  return db.write(async (trx) => {
    const user = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!user) throw new TisseError('NOT_FOUND', 'errors.users.notFound');
    const taken = await trx.selectFrom('users').select('id').where('email', '=', data.email).executeTakeFirst();
    if (taken && taken.id !== id) throw new TisseError('CONFLICT', { key: 'errors.users.emailTaken', params: { email: data.email } }, { fields: { email: 'errors.field.alreadyUsedFem' } });
    const sections = data.role === 'administrator' ? [...new Set(data.sections)] : [];
    if (sections.length > 0) {
      const known = await trx.selectFrom('sections').select('id').where('id', 'in', sections).execute();
      if (known.length !== sections.length) throw new TisseError('BAD_INPUT', 'errors.users.unknownSection', { fields: { sections: 'errors.field.unknownFem' } });
    }
    const staysFullAdmin = data.role === 'administrator' && sections.length === 0;
    if (!staysFullAdmin) await keepOneFullAdministrator(trx, id);

    const slug = data.name === user.name ? user.slug : await uniqueSlug(trx, 'author', slugify(data.name), id);
    const updated = await trx
      .updateTable('users')
      .set({ name: data.name, email: data.email, login: data.email, role: data.role, bio: data.bio, website: data.website, slug })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (slug !== user.slug) await setCurrentPath(trx, 'author', id, pathFor('author', slug));
    await trx.deleteFrom('user_sections').where('user_id', '=', id).execute();
    for (const sectionId of sections) await trx.insertInto('user_sections').values({ user_id: id, section_id: sectionId }).execute();
    if (data.role === 'disabled' && user.role !== 'disabled') await closeSessions(trx, id);
    return updated;
  });
}

/** Refuses a change to `userId` when it is the only administrator of the whole site. */
export async function keepOneFullAdministrator(trx: Trx, userId: number): Promise<void> {
  const fullAdmins = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'administrator')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('user_sections').select('section_id').whereRef('user_sections.user_id', '=', 'users.id'))))
    .execute();
  if (fullAdmins.length === 1 && fullAdmins[0]!.id === userId) {
    throw new TisseError('CONFLICT', 'errors.users.lastAdmin', { fields: { role: 'errors.field.lastAdmin' } });
  }
}

export async function closeSessions(trx: Trx, userId: number): Promise<void> {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await trx.deleteFrom('edit_locks').where('user_id', '=', userId).execute();
}
