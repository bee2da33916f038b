import { sql, type Kysely } from 'kysely';

// Cover requests: someone on call asks their teammates to take a span over; the first of
// those asked to accept gets a replace override. Who was asked is stored, not recomputed,
// so "requests I can accept" is what each person was told about. Also the per-user lead
// time of the "you are on call from … in 24 h" notice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cover_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    // No foreign key: a removed layer's past stays answerable, and so does a request about it.
    .addColumn('layer_id', 'text')
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'accepted', 'withdrawn')`))
    .addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('override_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .execute();
  await db.schema.createIndex('cover_requests_schedule').on('cover_requests').columns(['schedule_id', 'status']).execute();
  await db.schema
    .createTable('cover_request_candidates')
    .addColumn('request_id', 'text', (c) => c.notNull().references('cover_requests.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('cover_request_candidates_pk', ['request_id', 'user_id'])
    .execute();
  await db.schema.createIndex('cover_request_candidates_user').on('cover_request_candidates').column('user_id').execute();
  await db.schema.alterTable('users').addColumn('handoff_lead_minutes', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('handoff_lead_minutes').execute();
  await db.schema.dropTable('cover_request_candidates').execute();
  await db.schema.dropTable('cover_requests').execute();
}
