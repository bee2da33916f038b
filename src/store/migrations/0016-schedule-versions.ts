import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Each schedule's version: a random token that changes in the same transaction as
// anything its "who is on call" answer reads (layers, their versions, the layer order,
// overrides, fixed shifts, the time zone). A node keeps compiled schedules in memory and
// uses one only while its token is still the stored one, so an edit made through any node,
// by the command line, or by a cascade (deleting a user deletes their overrides) is seen
// at the next resolution. Triggers, not application code, so no write path can forget it;
// random, not a counter, so a rolled-back edit's token can never come back for other data.

/** What the triggers watch, and how a row names its schedule. */
const watched = [
  { table: 'schedule_layers', scheduleOf: (row: string) => `${row}.schedule_id` },
  { table: 'layer_versions', scheduleOf: (row: string) => `(SELECT schedule_id FROM schedule_layers WHERE id = ${row}.layer_id)` },
  { table: 'schedule_structures', scheduleOf: (row: string) => `${row}.schedule_id` },
  { table: 'schedule_overrides', scheduleOf: (row: string) => `${row}.schedule_id` },
  { table: 'fixed_shifts', scheduleOf: (row: string) => `${row}.schedule_id` },
] as const;

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('schedule_versions')
    .addColumn('schedule_id', 'text', (c) => c.primaryKey().references('schedules.id').onDelete('cascade'))
    .addColumn('version', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO schedule_versions (schedule_id, version) SELECT id, id FROM schedules`.execute(db);
  if (isPostgres(db)) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION add_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO schedule_versions (schedule_id, version) VALUES (NEW.id, gen_random_uuid()::text);
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER schedules_version_add AFTER INSERT ON schedules FOR EACH ROW EXECUTE FUNCTION add_schedule_version()`.execute(db);
  // TG_ARGV[0] names the column that leads to the schedule: its id, or a layer's id.
  await sql`CREATE FUNCTION touch_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      touched jsonb[] := ARRAY[]::jsonb[];
      r jsonb;
      schedule text;
    BEGIN
      IF TG_OP <> 'INSERT' THEN touched := touched || to_jsonb(OLD); END IF;
      IF TG_OP <> 'DELETE' THEN touched := touched || to_jsonb(NEW); END IF;
      FOREACH r IN ARRAY touched LOOP
        schedule := r ->> TG_ARGV[0];
        IF TG_ARGV[0] = 'layer_id' THEN
          SELECT schedule_id INTO schedule FROM schedule_layers WHERE id = schedule;
        END IF;
        UPDATE schedule_versions SET version = gen_random_uuid()::text WHERE schedule_id = schedule;
      END LOOP;
      RETURN NULL;
    END $$`.execute(db);
  for (const { table } of watched) {
    const column = table === 'layer_versions' ? 'layer_id' : 'schedule_id';
    await sql`CREATE TRIGGER ${sql.raw(`${table}_version`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION touch_schedule_version(${sql.lit(column)})`.execute(db);
  }
  await sql`CREATE TRIGGER schedules_version_time_zone AFTER UPDATE OF time_zone ON schedules FOR EACH ROW EXECUTE FUNCTION touch_schedule_version('id')`.execute(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const token = 'lower(hex(randomblob(16)))';
  const touch = (schedule: string) => `UPDATE schedule_versions SET version = ${token} WHERE schedule_id = ${schedule};`;
  await sql
    .raw(`CREATE TRIGGER schedules_version_add AFTER INSERT ON schedules BEGIN INSERT INTO schedule_versions (schedule_id, version) VALUES (NEW.id, ${token}); END`)
    .execute(db);
  for (const { table, scheduleOf } of watched) {
    await sql.raw(`CREATE TRIGGER ${table}_version_insert AFTER INSERT ON ${table} BEGIN ${touch(scheduleOf('NEW'))} END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_version_update AFTER UPDATE ON ${table} BEGIN ${touch(scheduleOf('OLD'))} ${touch(scheduleOf('NEW'))} END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_version_delete AFTER DELETE ON ${table} BEGIN ${touch(scheduleOf('OLD'))} END`).execute(db);
  }
  await sql.raw(`CREATE TRIGGER schedules_version_time_zone AFTER UPDATE OF time_zone ON schedules BEGIN ${touch('NEW.id')} END`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const { table } of watched) await sql`DROP TRIGGER ${sql.raw(`${table}_version`)} ON ${sql.table(table)}`.execute(db);
    await sql`DROP TRIGGER schedules_version_time_zone ON schedules`.execute(db);
    await sql`DROP TRIGGER schedules_version_add ON schedules`.execute(db);
    await sql`DROP FUNCTION touch_schedule_version()`.execute(db);
    await sql`DROP FUNCTION add_schedule_version()`.execute(db);
  } else {
    for (const { table } of watched) for (const op of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER ${table}_version_${op}`).execute(db);
    await sql.raw('DROP TRIGGER schedules_version_time_zone').execute(db);
    await sql.raw('DROP TRIGGER schedules_version_add').execute(db);
  }
  await db.schema.dropTable('schedule_versions').execute();
}
