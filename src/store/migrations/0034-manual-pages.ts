import { PostgresAdapter, sql, type Kysely } from 'kysely';

// "Page someone now" opens incidents without any monitor of the user's making: each team
// gets one system monitor, "Manual pages", made on first use. It has no policy of its own
// (each page brings its target's), so policy_id becomes nullable; `system` marks it, and a
// partial unique index lets two first pages of a team racing each other make only one.

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('monitors')
    .addColumn('system', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('monitors_manual_pages')
    .on('monitors')
    .column('team_id')
    .unique()
    .where(sql.ref('system'), '=', sql.lit(1))
    .execute();
  if (isPostgres(db)) await sql`ALTER TABLE monitors ALTER COLUMN policy_id DROP NOT NULL`.execute(db);
  else await dropNotNullOnSqlite(db, 'monitors', '"policy_id" text not null', '"policy_id" text');
}

/**
 * SQLite cannot drop a NOT NULL: the table is rebuilt from its own definition (whatever
 * columns other migrations gave it), as SQLite's documentation describes, with foreign
 * keys off so that dropping the old table does not cascade into the rows pointing at it.
 * Its indexes and triggers are made again from their definitions.
 */
async function dropNotNullOnSqlite(db: Kysely<unknown>, table: string, from: string, to: string): Promise<void> {
  const definitions = await sql<{ type: string; name: string; sql: string }>`
    SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ${table} AND sql IS NOT NULL`.execute(db);
  const create = definitions.rows.find((d) => d.type === 'table');
  if (!create?.sql.includes(from)) throw new Error(`${table}: expected ${from} in ${create?.sql ?? 'no definition'}`);
  const rebuilt = `${table}_rebuilt`;
  const others = definitions.rows.filter((d) => d.type !== 'table');
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  // Renaming must not rewrite other tables' references (they already name the table).
  await sql`PRAGMA legacy_alter_table = ON`.execute(db);
  try {
    await sql`BEGIN`.execute(db);
    try {
      await sql.raw(create.sql.replace(from, to).replace(/^CREATE TABLE "?\w+"?/, `CREATE TABLE "${rebuilt}"`)).execute(db);
      await sql.raw(`INSERT INTO "${rebuilt}" SELECT * FROM "${table}"`).execute(db);
      await sql.raw(`DROP TABLE "${table}"`).execute(db);
      await sql.raw(`ALTER TABLE "${rebuilt}" RENAME TO "${table}"`).execute(db);
      for (const d of others) await sql.raw(d.sql).execute(db);
      const broken = await sql`PRAGMA foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`${table}: rebuilding broke foreign keys: ${JSON.stringify(broken.rows.slice(0, 5))}`);
      await sql`COMMIT`.execute(db);
    } catch (err) {
      await sql`ROLLBACK`.execute(db);
      throw err;
    }
  } finally {
    await sql`PRAGMA legacy_alter_table = OFF`.execute(db);
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('monitors_manual_pages').execute();
  // The manual-pages monitors (and their incidents) go with the column that marks them.
  await sql`DELETE FROM monitors WHERE system = 1`.execute(db);
  if (isPostgres(db)) await sql`ALTER TABLE monitors ALTER COLUMN policy_id SET NOT NULL`.execute(db);
  else await dropNotNullOnSqlite(db, 'monitors', '"policy_id" text', '"policy_id" text not null');
  await db.schema.alterTable('monitors').dropColumn('system').execute();
}
