import type { Kysely } from 'kysely';

// Status pages (issue 20): a team's public page of ordered sections of components, each
// one or several monitors (worst state wins) or set by hand; public incidents with their
// history of updates, and scheduled maintenance. Rows hang off the page, so its team_id
// is every row's team. Deleting a monitor drops it from components; a team with pages
// cannot be deleted (the foreign key), like one with schedules.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('status_pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('accent_color', 'text', (c) => c.notNull())
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    // Lower-case host name; unique so one Host header names one page.
    .addColumn('custom_domain', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // Bumped by every change the public could see (settings, layout, logo, incidents,
    // their updates, maintenance): public caches on any node compare this one number.
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_pages_team').on('status_pages').column('team_id').execute();

  // Kept apart so reading a page (on every public request's cache check) never reads the image.
  await db.schema
    .createTable('status_page_logos')
    .addColumn('page_id', 'text', (c) => c.primaryKey().references('status_pages.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    // Base64: the same text column on both databases; logos are at most 256 KiB.
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('status_sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_sections_page').on('status_sections').columns(['page_id', 'position']).execute();

  await db.schema
    .createTable('status_components')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id').onDelete('cascade'))
    .addColumn('section_id', 'text', (c) => c.notNull().references('status_sections.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // Set by hand (a ComponentState) when the component has no monitors; null otherwise.
    .addColumn('manual_state', 'text')
    .execute();
  await db.schema.createIndex('status_components_page').on('status_components').columns(['page_id', 'position']).execute();
  await db.schema.createIndex('status_components_section').on('status_components').column('section_id').execute();

  await db.schema
    .createTable('status_component_monitors')
    .addColumn('component_id', 'text', (c) => c.notNull().references('status_components.id').onDelete('cascade'))
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('status_component_monitors_pk', ['component_id', 'monitor_id'])
    .execute();
  await db.schema.createIndex('status_component_monitors_monitor').on('status_component_monitors').column('monitor_id').execute();

  await db.schema
    .createTable('status_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id').onDelete('cascade'))
    // The Vigil incident it tells the public about, if any; never shown on the page.
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // When its latest entry said resolved; null while open (kept with each entry).
    .addColumn('resolved_at', 'bigint')
    .execute();
  await db.schema.createIndex('status_incidents_page').on('status_incidents').columns(['page_id', 'created_at']).execute();
  await db.schema.createIndex('status_incidents_incident').on('status_incidents').column('incident_id').execute();

  await db.schema
    .createTable('status_incident_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status_incident_id', 'text', (c) => c.notNull().references('status_incidents.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_incident_entries_incident').on('status_incident_entries').columns(['status_incident_id', 'at']).execute();

  await db.schema
    .createTable('status_incident_components')
    .addColumn('status_incident_id', 'text', (c) => c.notNull().references('status_incidents.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('status_components.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('status_incident_components_pk', ['status_incident_id', 'component_id'])
    .execute();

  await db.schema
    .createTable('status_maintenances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_maintenances_page').on('status_maintenances').columns(['page_id', 'ends_at']).execute();

  await db.schema
    .createTable('status_maintenance_components')
    .addColumn('maintenance_id', 'text', (c) => c.notNull().references('status_maintenances.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('status_components.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('status_maintenance_components_pk', ['maintenance_id', 'component_id'])
    .execute();

  // Checks inside a monitor's maintenance windows, per hour: the status page counts them as
  // up and flags the day as maintenance (checks/up keep leaving them out, as before).
  await db.schema
    .alterTable('check_rollups')
    .addColumn('maintenance', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('check_rollups').dropColumn('maintenance').execute();
  for (const table of [
    'status_maintenance_components',
    'status_maintenances',
    'status_incident_components',
    'status_incident_entries',
    'status_incidents',
    'status_component_monitors',
    'status_components',
    'status_sections',
    'status_page_logos',
    'status_pages',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
