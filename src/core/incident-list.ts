/**
 * What the incident list can be ordered by, and the pure parts of its query: how each
 * sort key orders its values, which way a key runs unless told, and how typed search
 * text becomes a LIKE pattern. The store turns these into SQL for either database.
 */
export const INCIDENT_SORTS = ['triggeredAt', 'status', 'urgency', 'title'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

/** Newest first by time; the others start with what needs a responder most (triggered, high) or A to Z. */
export function defaultOrder(sort: IncidentSort): SortOrder {
  return sort === 'triggeredAt' ? 'desc' : 'asc';
}

/** Statuses and urgencies sort by meaning, not by spelling: open work before closed, high before low. */
export const STATUS_RANK = { triggered: 0, acknowledged: 1, resolved: 2 } as const;
export const URGENCY_RANK = { high: 0, low: 1 } as const;

/**
 * Rows equal in the sort key are ordered by id (time-ordered): with the key itself when
 * sorting by time, newest first otherwise, so an equal status or title lists the latest
 * incident first in either direction.
 */
export function idOrder(sort: IncidentSort, order: SortOrder): SortOrder {
  return sort === 'triggeredAt' ? order : 'desc';
}

/** Escape character of the LIKE patterns below; the same on SQLite and PostgreSQL. */
export const LIKE_ESCAPE = '\\';

/**
 * A LIKE pattern matching text that contains `needle` literally, lower-cased (the column
 * is lower-cased too): `%` and `_` typed by a person are characters, not wildcards.
 */
export function containsPattern(needle: string): string {
  return `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c)}%`;
}
