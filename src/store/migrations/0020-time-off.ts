import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Time off: a member away over a span, entered by hand or imported from their calendar
// (keyed by the event's UID so a re-import updates instead of duplicating). Resolution
// reads it, so a change must bump the version (migration 0016) of every schedule whose
// layers name the user in any version: triggers again, so no write path can forget it.
// Members live in the layer's JSON config; json_each / jsonb find them on each database.

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('time_off')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual').check(sql`source in ('manual', 'calendar')`))
    .addColumn('external_uid', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('time_off_user_span').on('time_off').columns(['user_id', 'end_at']).execute();
  await db.schema.createIndex('time_off_external').on('time_off').columns(['user_id', 'external_uid']).unique().execute();

  // One calendar to import per user, and how its last fetch went.
  await db.schema
    .createTable('time_off_calendars')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('synced_at', 'bigint')
    .addColumn('error', 'text')
    .execute();

  if (isPostgres(db)) {
    await sql`CREATE FUNCTION touch_member_schedules() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        member text;
      BEGIN
        FOREACH member IN ARRAY ARRAY[OLD.user_id, NEW.user_id] LOOP
          CONTINUE WHEN member IS NULL;
          UPDATE schedule_versions SET version = gen_random_uuid()::text
          WHERE schedule_id IN (
            SELECT l.schedule_id FROM layer_versions v JOIN schedule_layers l ON l.id = v.layer_id
            WHERE (v.config::jsonb -> 'members') ? member OR v.config::jsonb #>> '{carryOver,userId}' = member
          );
        END LOOP;
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE TRIGGER time_off_version AFTER INSERT OR UPDATE OR DELETE ON time_off FOR EACH ROW EXECUTE FUNCTION touch_member_schedules()`.execute(db);
  } else {
    const touch = (row: string) =>
      `UPDATE schedule_versions SET version = lower(hex(randomblob(16))) WHERE schedule_id IN (
        SELECT l.schedule_id FROM layer_versions v JOIN schedule_layers l ON l.id = v.layer_id
        WHERE EXISTS (SELECT 1 FROM json_each(v.config, '$.members') WHERE value = ${row}.user_id)
          OR json_extract(v.config, '$.carryOver.userId') = ${row}.user_id);`;
    await sql.raw(`CREATE TRIGGER time_off_version_insert AFTER INSERT ON time_off BEGIN ${touch('NEW')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER time_off_version_update AFTER UPDATE ON time_off BEGIN ${touch('OLD')} ${touch('NEW')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER time_off_version_delete AFTER DELETE ON time_off BEGIN ${touch('OLD')} END`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER time_off_version ON time_off`.execute(db);
    await sql`DROP FUNCTION touch_member_schedules()`.execute(db);
  } else {
    for (const op of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER time_off_version_${op}`).execute(db);
  }
  await db.schema.dropTable('time_off_calendars').execute();
  await db.schema.dropTable('time_off').execute();
}
