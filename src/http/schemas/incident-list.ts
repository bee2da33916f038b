import { Type, type Static } from 'typebox';
import { AppError } from '../../core/errors.js';
import { defaultOrder, INCIDENT_SORTS } from '../../core/incident-list.js';
import type { IncidentFilter, IncidentListRequest } from '../../store/incident-list.js';
import { Id, PageQuery } from './common.js';
import { UrgencySchema } from './incident.js';

const repeatable = 'Repeat (status=triggered&status=acknowledged) or comma-separate (status=triggered,acknowledged)';

/** Query parameters that may be repeated or comma-separated: the route splits them before validation. */
export const LIST_QUERY_ARRAYS = ['status', 'urgency'] as const;

export const IncidentListQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(Type.Array(Type.Enum(['triggered', 'acknowledged', 'resolved']), { description: repeatable })),
    urgency: Type.Optional(Type.Array(UrgencySchema, { description: 'high, low, or both; repeated or comma-separated like status' })),
    teamId: Type.Optional(Type.String({ format: 'uuid', description: "Incidents of this team's monitors" })),
    monitorId: Type.Optional(Id),
    policyId: Type.Optional(Type.String({ format: 'uuid', description: 'Incidents paged by this escalation policy (the one in the snapshot taken when it triggered)' })),
    assigneeId: Type.Optional(Type.String({ format: 'uuid', description: 'Incidents this user was paged for (any page in its outbox) or acknowledged' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Triggered at or after' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Triggered before; after from' })),
    suppressed: Type.Optional(Type.Boolean({ description: 'true: only incidents recorded without paging (suppressed by a rule or a down parent); false: only the others' })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Text in the title, description or dedup key, any case; % and _ are plain characters' })),
    sort: Type.Enum([...INCIDENT_SORTS], { default: 'triggeredAt', description: 'triggeredAt, status (triggered, acknowledged, resolved), urgency (high, low) or title' }),
    order: Type.Optional(Type.Enum(['asc', 'desc'], { description: 'desc (newest first) for triggeredAt, asc for the others unless given' })),
  },
  { additionalProperties: false },
);
export type IncidentListQuery = Static<typeof IncidentListQuery>;

export function listRequestOf(query: IncidentListQuery): IncidentListRequest {
  return { limit: query.limit, cursor: query.cursor, sort: query.sort, order: query.order ?? defaultOrder(query.sort) };
}

export function filterOf(query: IncidentListQuery): IncidentFilter {
  const from = query.from === undefined ? undefined : Date.parse(query.from);
  const to = query.to === undefined ? undefined : Date.parse(query.to);
  if (from !== undefined && to !== undefined && !(to > from)) {
    throw new AppError('validation_failed', 'The range is empty', [{ path: '/querystring/to', message: 'must be after from' }]);
  }
  const search = query.q?.trim();
  return {
    statuses: query.status,
    urgencies: query.urgency,
    teamId: query.teamId,
    monitorId: query.monitorId,
    policyId: query.policyId,
    assigneeId: query.assigneeId,
    suppressed: query.suppressed,
    from,
    to,
    search: search === '' ? undefined : search,
  };
}
