import type { Kysely } from 'kysely';
import type { Snapshot } from '../core/audit/redact.js';
import type { DB } from './schema.js';
import { readLayout } from './status-pages.js';

/** The kinds of entity the audit log follows. */
export const auditEntityTypes = ['user', 'team', 'schedule', 'layer', 'override', 'fixed_shift', 'policy', 'monitor', 'api_token', 'two_factor', 'setting', 'cover_request', 'intended_gap', 'time_off', 'time_off_calendar', 'status_page', 'status_incident', 'status_maintenance', 'status_subscriber'] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

// Bookkeeping that changes on its own (timestamps, the checker's state, token use) is
// left out, so a snapshot shows what a person configured and a diff only what they changed.
const ignored = new Set(['id', 'created_at', 'updated_at', 'last_used_at', 'heartbeat_due_at', 'next_check_at', 'check_state', 'last_step']);
const jsonColumns = new Set(['steps', 'config', 'layer_ids']);

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * A row as the audit log shows it: every column but bookkeeping, in camelCase, JSON
 * columns parsed. Whole rows, so a column someone adds later (a secret included: the
 * core redacts by name) is followed without changing this file.
 */
function rowSnapshot(row: object | undefined): Snapshot | null {
  if (!row) return null;
  return Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => !ignored.has(column))
      .map(([column, value]) => [camel(column), jsonColumns.has(column) && typeof value === 'string' ? (JSON.parse(value) as unknown) : value]),
  );
}

async function teamSnapshot(db: Kysely<DB>, id: string): Promise<Snapshot | null> {
  const team = rowSnapshot(await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst());
  if (!team) return null;
  const members = await db.selectFrom('team_members').select(['user_id', 'role']).where('team_id', '=', id).orderBy('user_id').execute();
  // Keyed by user id, so adding one member reads as one field, not a changed list.
  return { ...team, members: Object.fromEntries(members.map((m) => [m.user_id, m.role])) };
}

async function scheduleSnapshot(db: Kysely<DB>, id: string): Promise<Snapshot | null> {
  const schedule = rowSnapshot(await db.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst());
  if (!schedule) return null;
  const structure = await db.selectFrom('schedule_structures').select(['effective_from', 'layer_ids']).where('schedule_id', '=', id).orderBy('effective_from', 'desc').executeTakeFirst();
  return { ...schedule, layerOrder: structure ? { effectiveFrom: structure.effective_from, layerIds: JSON.parse(structure.layer_ids) as string[] } : null };
}

/** A layer with its latest version: an edit always writes the version that ends up latest. */
async function layerSnapshot(db: Kysely<DB>, id: string): Promise<Snapshot | null> {
  const layer = rowSnapshot(await db.selectFrom('schedule_layers').selectAll().where('id', '=', id).executeTakeFirst());
  if (!layer) return null;
  const version = await db.selectFrom('layer_versions').select(['effective_from', 'config']).where('layer_id', '=', id).orderBy('effective_from', 'desc').executeTakeFirst();
  return { ...layer, version: version ? { effectiveFrom: version.effective_from, ...(JSON.parse(version.config) as object) } : null };
}

/** A user's two-factor: the (sealed) secret, when it was confirmed, and the recovery codes left. */
async function twoFactorSnapshot(db: Kysely<DB>, userId: string): Promise<Snapshot | null> {
  const totp = rowSnapshot(await db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst());
  if (!totp) return null;
  const codes = await db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', userId).where('used_at', 'is', null).orderBy('code_hash').execute();
  // Listed so that new codes compare as a change; the name makes the core redact them.
  return { ...totp, recoveryCodes: codes.map((c) => c.code_hash) };
}

/**
 * A user's time-off calendar, by user id. A private iCal address carries its own access
 * token, so the log keeps only its host and whether the address changed.
 */
async function timeOffCalendarSnapshot(db: Kysely<DB>, userId: string): Promise<Snapshot | null> {
  const row = await db.selectFrom('time_off_calendars').select('url').where('user_id', '=', userId).executeTakeFirst();
  return row ? { host: URL.canParse(row.url) ? new URL(row.url).host : '', secretUrl: row.url } : null;
}

/** Organisation-wide settings live in one row per area; the entity id names the area. */
export const identitySettings = 'identity';
/** The global event rules are a setting of the organisation; a monitor's are part of the monitor. */
export const eventRulesSetting = 'event-rules';

/** A list of event rules as saved, in order; monitorId null: the global list. Read here so the log and the rules agree. */
export async function savedEventRules(db: Kysely<DB>, monitorId: string | null): Promise<Snapshot[]> {
  const rows = await db
    .selectFrom('event_rules')
    .select(['name', 'rule'])
    .$if(monitorId === null, (q) => q.where('monitor_id', 'is', null))
    .$if(monitorId !== null, (q) => q.where('monitor_id', '=', monitorId as string))
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ name: r.name, ...(JSON.parse(r.rule) as Snapshot) }));
}

/** The monitors a monitor depends on, by id: part of the monitor in its log entries. */
async function parentIdsOf(db: Kysely<DB>, monitorId: string): Promise<string[]> {
  const rows = await db.selectFrom('monitor_dependencies').select('depends_on_id').where('monitor_id', '=', monitorId).orderBy('depends_on_id').execute();
  return rows.map((r) => r.depends_on_id);
}

async function monitorSnapshot(db: Kysely<DB>, id: string): Promise<Snapshot | null> {
  const monitor = rowSnapshot(await db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirst());
  return monitor && { ...monitor, eventRules: await savedEventRules(db, id), dependsOn: await parentIdsOf(db, id) };
}

async function settingSnapshot(db: Kysely<DB>, id: string): Promise<Snapshot | null> {
  if (id === identitySettings) return rowSnapshot(await db.selectFrom('identity_settings').selectAll().where('id', '=', 1).executeTakeFirst());
  if (id === eventRulesSetting) return { rules: await savedEventRules(db, null) };
  return null;
}

/** A status page with its layout and logo's hash; its version is bookkeeping. */
async function statusPageSnapshot(db: Kysely<DB>, id: string): Promise<Snapshot | null> {
  const page = rowSnapshot(await db.selectFrom('status_pages').selectAll().where('id', '=', id).executeTakeFirst());
  if (!page) return null;
  const logo = await db.selectFrom('status_page_logos').select(['content_type', 'sha256']).where('page_id', '=', id).executeTakeFirst();
  delete page.version;
  return { ...page, logo: logo ? { contentType: logo.content_type, sha256: logo.sha256 } : null, layout: await readLayout(db, id) };
}

async function statusIncidentSnapshot(db: Kysely<DB>, id: string): Promise<Snapshot | null> {
  const incident = rowSnapshot(await db.selectFrom('status_incidents').selectAll().where('id', '=', id).executeTakeFirst());
  if (!incident) return null;
  const entries = await db.selectFrom('status_incident_entries').select(['id', 'status', 'body', 'at']).where('status_incident_id', '=', id).orderBy('at').orderBy('id').execute();
  const components = await db.selectFrom('status_incident_components').select('component_id').where('status_incident_id', '=', id).orderBy('component_id').execute();
  return { ...incident, componentIds: components.map((c) => c.component_id), entries };
}

async function statusMaintenanceSnapshot(db: Kysely<DB>, id: string): Promise<Snapshot | null> {
  const maintenance = rowSnapshot(await db.selectFrom('status_maintenances').selectAll().where('id', '=', id).executeTakeFirst());
  if (!maintenance) return null;
  const components = await db.selectFrom('status_maintenance_components').select('component_id').where('maintenance_id', '=', id).orderBy('component_id').execute();
  return { ...maintenance, componentIds: components.map((c) => c.component_id) };
}

const loaders: Record<AuditEntityType, (db: Kysely<DB>, id: string) => Promise<Snapshot | null>> = {
  user: async (db, id) => rowSnapshot(await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()),
  team: teamSnapshot,
  schedule: scheduleSnapshot,
  layer: layerSnapshot,
  override: async (db, id) => rowSnapshot(await db.selectFrom('schedule_overrides').selectAll().where('id', '=', id).executeTakeFirst()),
  fixed_shift: async (db, id) => rowSnapshot(await db.selectFrom('fixed_shifts').selectAll().where('id', '=', id).executeTakeFirst()),
  policy: async (db, id) => rowSnapshot(await db.selectFrom('escalation_policies').selectAll().where('id', '=', id).executeTakeFirst()),
  monitor: monitorSnapshot,
  api_token: async (db, id) => rowSnapshot(await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst()),
  two_factor: twoFactorSnapshot,
  cover_request: async (db, id) => rowSnapshot(await db.selectFrom('cover_requests').selectAll().where('id', '=', id).executeTakeFirst()),
  intended_gap: async (db, id) => rowSnapshot(await db.selectFrom('intended_gaps').selectAll().where('id', '=', id).executeTakeFirst()),
  time_off: async (db, id) => rowSnapshot(await db.selectFrom('time_off').selectAll().where('id', '=', id).executeTakeFirst()),
  time_off_calendar: timeOffCalendarSnapshot,
  setting: settingSnapshot,
  status_page: statusPageSnapshot,
  status_incident: statusIncidentSnapshot,
  status_maintenance: statusMaintenanceSnapshot,
  status_subscriber: async (db, id) => rowSnapshot(await db.selectFrom('status_subscribers').select(['id', 'page_id', 'kind', 'address', 'confirmed_at', 'created_at']).where('id', '=', id).executeTakeFirst()),
};

/** The entity as it stands in `db` (a transaction, to see its own writes); null if it does not exist. */
export function loadSnapshot(db: Kysely<DB>, type: AuditEntityType, id: string): Promise<Snapshot | null> {
  return loaders[type](db, id);
}
