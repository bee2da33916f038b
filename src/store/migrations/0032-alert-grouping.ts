import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Alert grouping: a pushed monitor's grouping (JSON, null: ungrouped) folds its alerts
// into fewer incidents, each opened for a group (group_key; null: not opened under
// grouping). Each grouped alert keeps its own dedup key and the time its sender resolved
// it, so a grouped incident resolves once all its alerts have. Other alerts leave the key
// null (it is their incident's): the index of keys then costs ungrouped ingest nothing.
const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

// Ingest reads a monitor's grouping from the monitor it keeps in memory behind each
// integration key (0017), so a change to it must change the version as the others do.
const watched = (columns: string) => `integration_key_hash, kind, paused, config${columns}`;

async function watch(db: Kysely<unknown>, columns: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER monitors_integration_key_version ON monitors`.execute(db);
    await sql
      .raw(`CREATE TRIGGER monitors_integration_key_version AFTER DELETE OR UPDATE OF ${watched(columns)} ON monitors FOR EACH STATEMENT EXECUTE FUNCTION touch_integration_key_version()`)
      .execute(db);
  } else {
    const touch = `UPDATE integration_key_version SET version = lower(hex(randomblob(16))) WHERE id = 1;`;
    await sql.raw('DROP TRIGGER monitors_integration_key_version_update').execute(db);
    await sql.raw(`CREATE TRIGGER monitors_integration_key_version_update AFTER UPDATE OF ${watched(columns)} ON monitors BEGIN ${touch} END`).execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('monitors').addColumn('grouping', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('group_key', 'text').execute();
  await db.schema.alterTable('incident_alerts').addColumn('dedup_key', 'text').execute();
  await db.schema.alterTable('incident_alerts').addColumn('resolved_at', 'bigint').execute();
  // The open incidents of a monitor's groups, found by ingest for every grouped batch.
  await db.schema
    .createIndex('incidents_open_group')
    .on('incidents')
    .columns(['monitor_id', 'group_key'])
    .where(sql.ref('status'), '<>', 'resolved')
    .where(sql.ref('group_key'), 'is not', null)
    .execute();
  // A repeat or a resolve of a grouped alert finds its incident by the key: without this
  // index every batch read all alerts of the monitor's open grouped incidents (ingest went
  // from 28 to 100 µs an alert as a storm repeated 10 times: grouping benchmark).
  await db.schema.createIndex('incident_alerts_grouped').on('incident_alerts').columns(['incident_id', 'dedup_key']).where(sql.ref('dedup_key'), 'is not', null).execute();
  await watch(db, ', grouping');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await watch(db, '');
  await db.schema.dropIndex('incident_alerts_grouped').execute();
  await db.schema.dropIndex('incidents_open_group').execute();
  await db.schema.alterTable('incident_alerts').dropColumn('resolved_at').execute();
  await db.schema.alterTable('incident_alerts').dropColumn('dedup_key').execute();
  await db.schema.alterTable('incidents').dropColumn('group_key').execute();
  await db.schema.alterTable('monitors').dropColumn('grouping').execute();
}
