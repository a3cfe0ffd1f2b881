// Creates an account (back office, CLI `tisse user add`, first start). Email is the login.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { User, UserRole } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { userLabels } from './update-user.ts';
import { generatePassword, hashPassword } from '../passwords.ts';
import { slugify } from '../../kernel/slug.ts';
import { pathFor, setCurrentPath, uniqueSlug } from '../../urls/index.ts';

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email('adresse email invalide'),
  name: z.string().trim().min(1, 'errors.field.nameRequired').max(200),
  role: z.enum(['administrator', 'editor', 'visitor']),
  password: z.string().min(8, 'errors.field.atLeast8').max(200).optional(),
  sections: z.array(z.number().int().positive()).default([]),
});

export type NewUserInput = z.input<typeof newUserSchema>;

/** Returns the user and the password it was given (generated when none was passed). */
export async function createUser(db: Db, input: NewUserInput): Promise<{ user: User; password: string }> {
  const data = parseInput(newUserSchema, input, { ...userLabels, password: 'errors.label.password' });
  const password = data.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const user = await db.write(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('email', '=', data.email).executeTakeFirst();
    if (taken) throw new TisseError('CONFLICT', { key: 'errors.users.emailTaken', params: { email: data.email } }, { fields: { email: 'errors.field.alreadyUsedFem' } });
    const slug = await uniqueSlug(trx, 'author', slugify(data.name));
    const created = await trx
      .insertInto('users')
      .values({
        email: data.email,
        name: data.name,
        slug,
        login: data.email,
        password_hash: passwordHash,
        role: data.role as UserRole,
        bio: '',
        website: '',
        // The interface follows the site's language until the person chooses one (their profile).
        lang: '',
        must_reset_password: 0,
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const sectionId of data.sections) {
      await trx.insertInto('user_sections').values({ user_id: created.id, section_id: sectionId }).execute();
    }
    await setCurrentPath(trx, 'author', created.id, pathFor('author', slug));
    return created;
  });
  return { user, password };
}
