// The forum's anti-spam thresholds. Defaults suit a small site; an operator may tune them in the settings
// table under the key 'forumPolicy' (JSON), e.g. to let a load test post from few addresses.
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { memoByVersion } from '../db/memo.ts';

const windowSchema = z.object({ count: z.number().int().min(1), minutes: z.number().min(1) });

export const forumPolicySchema = z.object({
  perIp: windowSchema.default({ count: 5, minutes: 10 }),
  perEmail: windowSchema.default({ count: 5, minutes: 10 }),
  /** Links in a message (shortcuts and bare addresses); SPIP's NoSPAM holds 4 and more. */
  maxLinks: z.number().int().min(0).default(3),
  minTextLength: z.number().int().min(1).default(3),
  maxTextLength: z.number().int().min(1).default(20_000),
  /** The same text by the same email on the same article within this many hours is a duplicate. */
  duplicateHours: z.number().min(0).default(24),
  /** How long a displayed form stays valid. */
  tokenHours: z.number().min(1).default(8),
});

export type ForumPolicy = z.infer<typeof forumPolicySchema>;

export const POLICY_KEY = 'forumPolicy';

/** Read by every post and form token: kept until a write (db/memo.ts). */
export const loadForumPolicy = memoByVersion(async (db: Db): Promise<ForumPolicy> => {
  const row = await db.kysely.selectFrom('settings').select('value').where('key', '=', POLICY_KEY).executeTakeFirst();
  const parsed = forumPolicySchema.safeParse(row ? JSON.parse(row.value) : {});
  return parsed.success ? parsed.data : forumPolicySchema.parse({});
});
