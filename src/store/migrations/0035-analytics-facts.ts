import { sql, type Kysely } from 'kysely';

// Analytics over a quarter of 100,000 incidents took 0.4-0.9 s, most of it spent reaching
// each incident's pages through the outbox's index by incident (25,000 seeks) and its
// first acknowledgement through the timeline. Facts that never change once written are
// now kept where the figures read them, set at write time and backfilled here:
// - incidents.first_acknowledged_at: the first `acknowledged` entry of the timeline
//   (acknowledged_at holds the latest one after an ack timeout or a reassign);
// - a page's incident trigger time and monitor, so the pages of a period are one range
//   of a partial index by send time holding only pages to people.
// The trigger-time index also holds what MTTA, MTTR and the suppressed count read, so
// those come from the index alone. The indexes 0026 made for the old reads go back.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('first_acknowledged_at', 'bigint').execute();
  await sql`update incidents set first_acknowledged_at = (select min(e.at) from incident_events e where e.incident_id = incidents.id and e.kind = 'acknowledged') where acknowledged_at is not null`.execute(db);
  await db.schema.dropIndex('incidents_triggered_at').execute();
  await db.schema
    .createIndex('incidents_triggered_at')
    .on('incidents')
    .columns(['triggered_at', 'monitor_id', 'first_acknowledged_at', 'resolved_at', 'suppression'])
    .execute();
  await db.schema.dropIndex('incident_events_acknowledged').execute();

  await db.schema.alterTable('notifications').addColumn('incident_triggered_at', 'bigint').execute();
  await db.schema.alterTable('notifications').addColumn('incident_monitor_id', 'text').execute();
  await sql`update notifications set incident_triggered_at = i.triggered_at, incident_monitor_id = i.monitor_id from incidents i where i.id = notifications.incident_id`.execute(db);
  await db.schema
    .createIndex('notifications_pages')
    .on('notifications')
    .columns(['sent_at', 'user_id', 'status', 'incident_triggered_at', 'incident_monitor_id'])
    .where(sql.ref('user_id'), 'is not', null)
    .execute();
  await db.schema.dropIndex('notifications_incident').execute();
  await db.schema.createIndex('notifications_incident').on('notifications').columns(['incident_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('notifications_incident').execute();
  await db.schema.createIndex('notifications_incident').on('notifications').columns(['incident_id', 'status', 'sent_at', 'user_id']).execute();
  await db.schema.dropIndex('notifications_pages').execute();
  await db.schema.alterTable('notifications').dropColumn('incident_monitor_id').execute();
  await db.schema.alterTable('notifications').dropColumn('incident_triggered_at').execute();
  await db.schema
    .createIndex('incident_events_acknowledged')
    .on('incident_events')
    .columns(['incident_id', 'at'])
    .where(sql.ref('kind'), '=', 'acknowledged')
    .execute();
  await db.schema.dropIndex('incidents_triggered_at').execute();
  await db.schema.createIndex('incidents_triggered_at').on('incidents').column('triggered_at').execute();
  await db.schema.alterTable('incidents').dropColumn('first_acknowledged_at').execute();
}
