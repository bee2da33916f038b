import { sql } from 'kysely';
import type { Database } from '../store/database.js';

/** Names of the migrations the database has run (Kysely's own table), oldest first; none on a new database. */
export async function appliedMigrations({ db }: Database): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}
