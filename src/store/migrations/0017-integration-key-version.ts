import { PostgresAdapter, sql, type Kysely } from 'kysely';

// One token for everything an ingest endpoint reads about the monitor behind an
// integration key (the key itself, kind, paused, config with the rate limit; deleting
// the monitor). Nodes keep the monitors of recent keys in memory and confirm them in the
// transaction that writes the event: one read of this row per transaction, not one
// lookup per event. Triggers, not application code, so no write path can forget it;
// random, not a counter, so a rolled-back edit's token can never come back for other data.

const WATCHED = 'integration_key_hash, kind, paused, config';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('integration_key_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO integration_key_version (id, version) VALUES (1, 'initial')`.execute(db);
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION touch_integration_key_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE integration_key_version SET version = gen_random_uuid()::text WHERE id = 1;
        RETURN NULL;
      END $$`.execute(db);
    await sql
      .raw(`CREATE TRIGGER monitors_integration_key_version AFTER DELETE OR UPDATE OF ${WATCHED} ON monitors FOR EACH STATEMENT EXECUTE FUNCTION touch_integration_key_version()`)
      .execute(db);
  } else {
    const touch = `UPDATE integration_key_version SET version = lower(hex(randomblob(16))) WHERE id = 1;`;
    await sql.raw(`CREATE TRIGGER monitors_integration_key_version_update AFTER UPDATE OF ${WATCHED} ON monitors BEGIN ${touch} END`).execute(db);
    await sql.raw(`CREATE TRIGGER monitors_integration_key_version_delete AFTER DELETE ON monitors BEGIN ${touch} END`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER monitors_integration_key_version ON monitors`.execute(db);
    await sql`DROP FUNCTION touch_integration_key_version()`.execute(db);
  } else {
    await sql.raw('DROP TRIGGER monitors_integration_key_version_update').execute(db);
    await sql.raw('DROP TRIGGER monitors_integration_key_version_delete').execute(db);
  }
  await db.schema.dropTable('integration_key_version').execute();
}
