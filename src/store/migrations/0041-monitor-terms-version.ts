import { randomUUID } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The version of migration 0017 now also covers what opening an incident reads of its
// monitor (store/monitor-terms.ts): the monitor's name, urgency and policy, that policy,
// and the monitor's dependency links. Nodes keep those terms in memory by version, so an
// alert storm's transactions read the version (which ingest reads anyway) instead of the
// monitor, its policy and its links. Edits to policies and dependencies are rare; a key
// lookup they make stale costs one read.
const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

const KEY_COLUMNS = 'integration_key_hash, kind, paused, config, grouping';
const TERM_COLUMNS = 'name, urgency, policy_id';
const POLICY_COLUMNS = 'name, steps, repeat, ack_timeout_seconds';
const touch = `UPDATE integration_key_version SET version = lower(hex(randomblob(16))) WHERE id = 1;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER monitors_integration_key_version ON monitors`.execute(db);
    for (const statement of [
      `CREATE TRIGGER monitors_integration_key_version AFTER DELETE OR UPDATE OF ${KEY_COLUMNS}, ${TERM_COLUMNS} ON monitors FOR EACH STATEMENT EXECUTE FUNCTION touch_integration_key_version()`,
      `CREATE TRIGGER escalation_policies_integration_key_version AFTER DELETE OR UPDATE OF ${POLICY_COLUMNS} ON escalation_policies FOR EACH STATEMENT EXECUTE FUNCTION touch_integration_key_version()`,
      `CREATE TRIGGER monitor_dependencies_integration_key_version AFTER INSERT OR UPDATE OR DELETE ON monitor_dependencies FOR EACH STATEMENT EXECUTE FUNCTION touch_integration_key_version()`,
    ])
      await sql.raw(statement).execute(db);
  } else {
    await sql.raw('DROP TRIGGER monitors_integration_key_version_update').execute(db);
    for (const statement of [
      `CREATE TRIGGER monitors_integration_key_version_update AFTER UPDATE OF ${KEY_COLUMNS}, ${TERM_COLUMNS} ON monitors BEGIN ${touch} END`,
      `CREATE TRIGGER escalation_policies_integration_key_version_update AFTER UPDATE OF ${POLICY_COLUMNS} ON escalation_policies BEGIN ${touch} END`,
      `CREATE TRIGGER escalation_policies_integration_key_version_delete AFTER DELETE ON escalation_policies BEGIN ${touch} END`,
      ...['INSERT', 'UPDATE', 'DELETE'].map((event) => `CREATE TRIGGER monitor_dependencies_integration_key_version_${event.toLowerCase()} AFTER ${event} ON monitor_dependencies BEGIN ${touch} END`),
    ])
      await sql.raw(statement).execute(db);
  }
  // Every database starts from its own version, not 0017's shared 'initial'.
  await sql`UPDATE integration_key_version SET version = ${`migrated-${randomUUID()}`} WHERE id = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER monitor_dependencies_integration_key_version ON monitor_dependencies`.execute(db);
    await sql`DROP TRIGGER escalation_policies_integration_key_version ON escalation_policies`.execute(db);
    await sql`DROP TRIGGER monitors_integration_key_version ON monitors`.execute(db);
    await sql
      .raw(`CREATE TRIGGER monitors_integration_key_version AFTER DELETE OR UPDATE OF ${KEY_COLUMNS} ON monitors FOR EACH STATEMENT EXECUTE FUNCTION touch_integration_key_version()`)
      .execute(db);
  } else {
    for (const name of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER monitor_dependencies_integration_key_version_${name}`).execute(db);
    await sql.raw('DROP TRIGGER escalation_policies_integration_key_version_delete').execute(db);
    await sql.raw('DROP TRIGGER escalation_policies_integration_key_version_update').execute(db);
    await sql.raw('DROP TRIGGER monitors_integration_key_version_update').execute(db);
    await sql.raw(`CREATE TRIGGER monitors_integration_key_version_update AFTER UPDATE OF ${KEY_COLUMNS} ON monitors BEGIN ${touch} END`).execute(db);
  }
}
