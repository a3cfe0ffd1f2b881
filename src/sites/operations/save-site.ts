// Creates or edits a referenced site: name, address, description, section, status, and its feed with syndication
// on or off. Turning syndication on (for a published site) queues a fetch at once; off, the waiting fetch finds
// it off and ends. Addresses must be http(s); whether the feed's host is private is decided when it is fetched
// (a name may resolve differently later), where it is refused.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { SiteStatus } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import type { Site } from '../sites.ts';
import { queueSyndication } from './syndicate-site.ts';

const httpUrl = (message: 'errors.sites.urlInvalid' | 'errors.sites.feedInvalid') =>
  z
    .string()
    .trim()
    .max(500, message)
    .refine((value) => {
      if (value === '') return true;
      if (!/^https?:\/\/\S+$/i.test(value)) return false;
      try {
        new URL(value);
        return true;
      } catch {
        return false;
      }
    }, message);

export const siteSchema = z.object({
  sectionId: z.number({ error: 'errors.sites.sectionRequired' }).int().positive('errors.sites.sectionRequired'),
  name: z.string().trim().min(1, 'errors.field.titleRequired').max(200, 'errors.field.atMost200'),
  url: httpUrl('errors.sites.urlInvalid').refine((v) => v !== '', 'errors.sites.urlInvalid'),
  description: z.string().max(10_000).default(''),
  status: z.enum(['proposed', 'published', 'refused', 'trash']).default('published'),
  feedUrl: httpUrl('errors.sites.feedInvalid').default(''),
  syndication: z.boolean().default(false),
});

export type SiteInput = z.input<typeof siteSchema>;

export async function saveSite(db: Db, input: SiteInput, id?: number, now = new Date()): Promise<Site> {
  const data = parseInput(siteSchema, input, { name: 'errors.label.title', description: 'errors.label.description' });
  if (data.syndication && !data.feedUrl) throw new TisseError('BAD_INPUT', 'errors.sites.feedRequired', { fields: { feedUrl: 'errors.sites.feedRequired' } });
  const at = now.toISOString();
  return db.write(async (trx) => {
    const section = await trx.selectFrom('sections').select('id').where('id', '=', data.sectionId).executeTakeFirst();
    if (!section) throw new TisseError('BAD_INPUT', 'errors.sites.sectionRequired', { fields: { sectionId: 'errors.sites.sectionRequired' } });
    const values = {
      section_id: data.sectionId, name: data.name, url: data.url, description: data.description, status: data.status as SiteStatus,
      feed_url: data.feedUrl, syndication: data.syndication ? 1 : 0, updated_at: at,
    };
    let site: Site;
    if (id === undefined) {
      site = await trx.insertInto('sites').values({ ...values, syndicated_at: null, syndication_error: '', created_at: at }).returningAll().executeTakeFirstOrThrow();
    } else {
      const updated = await trx.updateTable('sites').set(values).where('id', '=', id).returningAll().executeTakeFirst();
      if (!updated) throw new TisseError('NOT_FOUND', 'errors.sites.notFound');
      site = updated;
    }
    if (site.syndication === 1 && site.status === 'published') await queueSyndication(trx, site.id, now);
    return site;
  });
}
