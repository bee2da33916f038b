import { sql, type Kysely } from 'kysely';

// Analytics reads a period's incidents by trigger time (for the organisation, a team, or
// one monitor), and each one's first acknowledgement; without these a request scanned
// every incident ever opened and read every event of each. The acknowledgement index is
// partial: it costs a write only for the one or two events per incident it holds.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('incidents_triggered_at').on('incidents').column('triggered_at').execute();
  await db.schema.createIndex('incidents_monitor_triggered_at').on('incidents').columns(['monitor_id', 'triggered_at']).execute();
  await db.schema
    .createIndex('incident_events_acknowledged')
    .on('incident_events')
    .columns(['incident_id', 'at'])
    .where(sql.ref('kind'), '=', 'acknowledged')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['incident_events_acknowledged', 'incidents_monitor_triggered_at', 'incidents_triggered_at']) await db.schema.dropIndex(index).execute();
}
