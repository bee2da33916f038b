import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Every custom domain with its page's slug (few rows: read whole by each node). */
export async function statusPageDomains(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('status_pages').select(['custom_domain', 'slug']).where('custom_domain', 'is not', null).execute();
  return new Map(rows.map((r) => [r.custom_domain as string, r.slug]));
}
