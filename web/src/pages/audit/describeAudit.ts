import type { AuditAction, AuditEntityType, AuditEntry } from '../../api/audit';

export const entityLabels: Record<AuditEntityType, string> = {
  user: 'user',
  team: 'team',
  schedule: 'schedule',
  layer: 'schedule layer',
  override: 'override',
  fixed_shift: 'fixed shift',
  policy: 'escalation policy',
  monitor: 'monitor',
  api_token: 'API token',
  two_factor: 'two-factor of',
  setting: 'settings:',
  cover_request: 'cover request',
  intended_gap: 'intended coverage gap',
  time_off: 'time off',
  time_off_calendar: 'time-off calendar',
  status_page: 'status page',
  status_incident: 'public incident',
  status_maintenance: 'status page maintenance',
  status_subscriber: 'status page subscriber',
};

export const actionLabels: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  add_member: 'Added a member to',
  change_member: "Changed a member's role in",
  remove_member: 'Removed a member from',
  rotate_integration_key: 'New integration key for',
  revoke: 'Revoked',
  enable_two_factor: 'Turned on',
  disable_two_factor: 'Turned off',
  replace_recovery_codes: 'New recovery codes for',
};

/** The entity's name as it was last known: deleted entities keep theirs from before. */
export function entityName(entry: AuditEntry, names: Map<string, string>): string {
  // Two-factor is keyed by its user; settings by their area.
  if (entry.entityType === 'two_factor') return names.get(entry.entityId) ?? entry.entityId.slice(0, 8);
  if (entry.entityType === 'setting') return entry.entityId;
  const snapshot = entry.after ?? entry.before ?? {};
  const name = snapshot.name ?? snapshot.email;
  return typeof name === 'string' ? name : entry.entityId.slice(0, 8);
}

/** Where the entity can be seen now; null when it is gone or has no page of its own. */
export function entityPath(entry: AuditEntry): string | null {
  const snapshot = entry.after ?? entry.before ?? {};
  const scheduleId = typeof snapshot.scheduleId === 'string' ? snapshot.scheduleId : null;
  if (entry.action === 'delete' && (entry.entityType !== 'layer' || scheduleId === null)) return null;
  switch (entry.entityType) {
    case 'team':
      return `/teams/${entry.entityId}`;
    case 'schedule':
      return `/schedules/${entry.entityId}`;
    case 'layer':
    case 'override':
    case 'fixed_shift':
    case 'cover_request':
    case 'intended_gap':
      return scheduleId === null ? null : `/schedules/${scheduleId}`;
    case 'policy':
      return `/escalation-policies/${entry.entityId}`;
    case 'monitor':
      return `/monitors/${entry.entityId}`;
    case 'user':
      return '/users';
    case 'two_factor':
    case 'time_off':
    case 'time_off_calendar':
      return '/users';
    case 'status_page':
      return `/status-pages/${entry.entityId}`;
    case 'status_incident':
    case 'status_maintenance':
    case 'status_subscriber':
      return typeof snapshot.pageId === 'string' ? `/status-pages/${snapshot.pageId}` : null;
    case 'api_token':
    case 'setting':
      return null;
  }
}

// Snapshots keep instants as epoch milliseconds; these fields are shown as dates.
const instantField = /(At|From)$/;

/** A value of the diff as text: instants as dates, lists and objects as compact JSON, nothing as a dash. */
export function formatValue(path: string, value: unknown, formatInstant: (ms: number) => string, names: Map<string, string>): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && instantField.test(path)) return formatInstant(value);
  if (typeof value === 'string') return names.get(value) ?? value;
  return JSON.stringify(value);
}

/** "/members/<user id>" reads better as "members › Alice". */
export function formatPath(path: string, names: Map<string, string>): string {
  return path
    .slice(1)
    .split('/')
    .map((part) => names.get(part.replace(/~1/g, '/').replace(/~0/g, '~')) ?? part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join(' › ');
}
