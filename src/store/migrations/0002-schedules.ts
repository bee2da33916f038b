import type { Kysely } from 'kysely';

// Layer configuration (rotation, restriction, members, turn bookkeeping) is stored
// as JSON text: it is always read and written whole, and both databases agree on text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedules_team').on('schedules').column('team_id').execute();

  await db.schema
    .createTable('schedule_layers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedule_layers_schedule').on('schedule_layers').column('schedule_id').execute();

  await db.schema
    .createTable('layer_versions')
    .addColumn('layer_id', 'text', (c) => c.notNull().references('schedule_layers.id').onDelete('cascade'))
    .addColumn('effective_from', 'bigint', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('layer_versions_pk', ['layer_id', 'effective_from'])
    .execute();

  // Which layers exist and in what order, from an instant on: adding, deleting and
  // reordering layers are versions too, so the past keeps resolving as it was.
  await db.schema
    .createTable('schedule_structures')
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('effective_from', 'bigint', (c) => c.notNull())
    .addColumn('layer_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('schedule_structures_pk', ['schedule_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('schedule_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('layer_id', 'text', (c) => c.references('schedule_layers.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('schedule_overrides_span').on('schedule_overrides').columns(['schedule_id', 'end_at']).execute();

  await db.schema
    .createTable('fixed_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('layer_id', 'text', (c) => c.notNull().references('schedule_layers.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fixed_shifts_span').on('fixed_shifts').columns(['schedule_id', 'end_at']).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('schedule_id', 'text', (c) => c.references('schedules.id').onDelete('cascade'))
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['calendar_feeds', 'fixed_shifts', 'schedule_overrides', 'schedule_structures', 'layer_versions', 'schedule_layers', 'schedules']) {
    await db.schema.dropTable(table).execute();
  }
}
