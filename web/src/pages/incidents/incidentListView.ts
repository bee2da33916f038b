import type { IncidentStatus } from '../../api/incidentTypes';
import { addDays, fromLocalInput } from '../../time/zoned';

export const SORTS = ['triggeredAt', 'status', 'urgency', 'title'] as const;
export type Sort = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';
export type Urgency = 'high' | 'low';

const STATUSES: IncidentStatus[] = ['triggered', 'acknowledged', 'resolved'];
const URGENCIES: Urgency[] = ['high', 'low'];
/** What the list shows with no status in the address: what still needs someone. */
export const OPEN: IncidentStatus[] = ['triggered', 'acknowledged'];
export const isOpenOnly = (statuses: IncidentStatus[]): boolean => statuses.length === OPEN.length && OPEN.every((s) => statuses.includes(s));

/** Everything the incident list shows, as kept in the address so a link or Back reproduces it. */
export interface IncidentListView {
  /** Empty: every status. */
  statuses: IncidentStatus[];
  urgencies: Urgency[];
  teamId: string | null;
  monitorId: string | null;
  policyId: string | null;
  assigneeId: string | null;
  /** true: only incidents that paged nobody (suppressed); false: only the others; null: both. */
  suppressed: boolean | null;
  /** Local dates 'YYYY-MM-DD', both days included. */
  from: string | null;
  to: string | null;
  q: string;
  sort: Sort;
  order: Order;
}

export const defaultOrder = (sort: Sort): Order => (sort === 'triggeredAt' ? 'desc' : 'asc');

const listOf = <T extends string>(raw: string | null, allowed: readonly T[]): T[] =>
  (raw ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
const flag = (raw: string | null) => (raw === 'true' ? true : raw === 'false' ? false : null);
const date = (raw: string | null) => (raw !== null && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null);

/** Reads the view from the address; anything unknown falls back to the default rather than failing. */
export function viewOf(params: URLSearchParams): IncidentListView {
  const status = params.get('status');
  const sort = SORTS.find((s) => s === params.get('sort')) ?? 'triggeredAt';
  const order = params.get('order');
  return {
    statuses: status === null ? OPEN : status === 'any' ? [] : listOf(status, STATUSES),
    urgencies: listOf(params.get('urgency'), URGENCIES),
    teamId: params.get('team'),
    monitorId: params.get('monitor'),
    policyId: params.get('policy'),
    assigneeId: params.get('assignee'),
    suppressed: flag(params.get('suppressed')),
    from: date(params.get('from')),
    to: date(params.get('to')),
    q: params.get('q') ?? '',
    sort,
    order: order === 'asc' || order === 'desc' ? order : defaultOrder(sort),
  };
}

/** The address of a view, leaving defaults out so a plain link stays plain. */
export function paramsOf(view: IncidentListView): URLSearchParams {
  const params = new URLSearchParams();
  if (!isOpenOnly(view.statuses)) params.set('status', view.statuses.length === 0 ? 'any' : view.statuses.join(','));
  if (view.urgencies.length > 0) params.set('urgency', view.urgencies.join(','));
  for (const [key, value] of [
    ['team', view.teamId],
    ['monitor', view.monitorId],
    ['policy', view.policyId],
    ['assignee', view.assigneeId],
    ['from', view.from],
    ['to', view.to],
  ] as const) {
    if (value !== null) params.set(key, value);
  }
  if (view.suppressed !== null) params.set('suppressed', String(view.suppressed));
  if (view.q.trim() !== '') params.set('q', view.q);
  if (view.sort !== 'triggeredAt') params.set('sort', view.sort);
  if (view.order !== defaultOrder(view.sort)) params.set('order', view.order);
  return params;
}

/** The API's query string for a view: local dates become the instants that start them in the viewer's zone. */
export function apiQueryOf(view: IncidentListView, zone: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of view.statuses) params.append('status', status);
  for (const urgency of view.urgencies) params.append('urgency', urgency);
  for (const [key, value] of [
    ['teamId', view.teamId],
    ['monitorId', view.monitorId],
    ['policyId', view.policyId],
    ['assigneeId', view.assigneeId],
  ] as const) {
    if (value !== null) params.set(key, value);
  }
  if (view.suppressed !== null) params.set('suppressed', String(view.suppressed));
  if (view.from !== null) params.set('from', fromLocalInput(view.from, zone));
  if (view.to !== null) params.set('to', fromLocalInput(addDays(view.to, 1), zone));
  if (view.q.trim() !== '') params.set('q', view.q.trim());
  params.set('sort', view.sort);
  params.set('order', view.order);
  return params;
}

/** How many filters narrow the list besides the default statuses: the Filters button says so. */
export function activeFilters(view: IncidentListView): number {
  return [!isOpenOnly(view.statuses), view.urgencies.length > 0, view.teamId, view.monitorId, view.policyId, view.assigneeId, view.suppressed !== null, view.from ?? view.to].filter(Boolean).length;
}
