// Issue 22. A person's `lang` is now the language of their back office, '' meaning "the site's" (followed when the
// site changes language). Until now no form set it: every value equal to the site's language was a default, not a
// choice, and becomes ''. A different value (an imported SPIP author who worked in English) stays their choice.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  // Settings hold JSON: the site's language is stored as '"en"'; no row means French.
  await sql`update users set lang = '' where lang = coalesce((select case value when '"en"' then 'en' else 'fr' end from settings where key = 'lang'), 'fr')`.execute(db);
}
