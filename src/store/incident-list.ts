import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { AppError } from '../core/errors.js';
import { containsPattern, idOrder, LIKE_ESCAPE, STATUS_RANK, URGENCY_RANK, type IncidentSort, type SortOrder } from '../core/incident-list.js';
import type { Urgency } from '../core/escalation/urgency.js';
import type { Dialect } from './database.js';
import type { IncidentRow } from './incidents.js';
import type { Page } from './page.js';
import type { DB } from './schema.js';

export interface IncidentFilter {
  statuses?: IncidentRow['status'][] | undefined;
  urgencies?: Urgency[] | undefined;
  teamId?: string | undefined;
  monitorId?: string | undefined;
  /** The policy in the incident's snapshot (the one it was paged by, even if since changed). */
  policyId?: string | undefined;
  /** Someone paged for the incident (a row in its outbox) or who acknowledged it. */
  assigneeId?: string | undefined;
  /** Recorded without paging (true) or not (false). */
  suppressed?: boolean | undefined;
  /** Triggered at or after. */
  from?: number | undefined;
  /** Triggered before. */
  to?: number | undefined;
  /** Text contained in the title, description or dedup key, any case. */
  search?: string | undefined;
}

export interface IncidentListRequest {
  limit: number;
  cursor?: string | undefined;
  sort: IncidentSort;
  order: SortOrder;
}

type Eb = ExpressionBuilder<DB, 'incidents'>;
type SortValue = number | string;

/** The cursor names the sort it was made for, so one from another sort is refused rather than misread. */
interface Cursor {
  s: IncidentSort;
  o: SortOrder;
  v: SortValue;
  i: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(raw: string, request: IncidentListRequest): Cursor {
  let cursor: Partial<Cursor> | undefined;
  try {
    cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    cursor = undefined;
  }
  const valueType = request.sort === 'title' ? 'string' : 'number';
  if (cursor?.s !== request.sort || cursor.o !== request.order || typeof cursor.v !== valueType || typeof cursor.i !== 'string' || !/^[0-9a-f-]{36}$/.test(cursor.i)) {
    throw new AppError('validation_failed', 'The cursor is not one this server issued for this sort', [
      { path: '/querystring/cursor', message: 'must be the nextCursor of a previous page with the same sort and order' },
    ]);
  }
  return cursor as Cursor;
}

function rankOf(column: 'status' | 'urgency', ranks: Record<string, number>) {
  const cases = Object.entries(ranks).map(([value, rank]) => sql`when ${sql.lit(value)} then ${sql.lit(rank)}`);
  return sql<number>`(case ${sql.ref(column)} ${sql.join(cases, sql` `)} end)`;
}

/**
 * The sort key as SQL; the cursor keeps the value the database computed, so it compares
 * exactly as the ORDER BY did. Titles compare lower-cased and, on PostgreSQL, by code
 * point: the same order as SQLite's, whatever the database's collation.
 */
function sortKey(sort: IncidentSort, dialect: Dialect): Expression<SortValue> {
  switch (sort) {
    case 'triggeredAt':
      return sql<number>`${sql.ref('triggered_at')}`;
    case 'status':
      return rankOf('status', STATUS_RANK);
    case 'urgency':
      return rankOf('urgency', URGENCY_RANK);
    case 'title':
      return dialect === 'postgres' ? sql<string>`(lower(${sql.ref('title')}) collate "C")` : sql<string>`lower(${sql.ref('title')})`;
  }
}

const lower = (column: 'title' | 'description' | 'dedup_key') => sql`lower(${sql.ref(column)})`;

function filterBy(eb: Eb, filter: IncidentFilter, dialect: Dialect): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.statuses?.length) conditions.push(eb('status', 'in', filter.statuses));
  if (filter.urgencies?.length) conditions.push(eb('urgency', 'in', filter.urgencies));
  if (filter.monitorId !== undefined) conditions.push(eb('monitor_id', '=', filter.monitorId));
  if (filter.suppressed !== undefined) conditions.push(eb('suppression', filter.suppressed ? 'is not' : 'is', null));
  if (filter.teamId !== undefined) conditions.push(eb('monitor_id', 'in', eb.selectFrom('monitors').select('id').where('team_id', '=', filter.teamId)));
  if (filter.policyId !== undefined) {
    const policyId = dialect === 'postgres' ? sql`(${sql.ref('policy')}::json ->> 'id')` : sql`json_extract(${sql.ref('policy')}, '$.id')`;
    conditions.push(eb(policyId, '=', filter.policyId));
  }
  if (filter.assigneeId !== undefined) {
    const userId = filter.assigneeId;
    conditions.push(
      eb.or([
        eb('acknowledged_by', '=', userId),
        eb.exists(eb.selectFrom('notifications').select(sql.lit(1).as('one')).whereRef('notifications.incident_id', '=', 'incidents.id').where('notifications.user_id', '=', userId)),
      ]),
    );
  }
  if (filter.from !== undefined) conditions.push(eb('triggered_at', '>=', filter.from));
  if (filter.to !== undefined) conditions.push(eb('triggered_at', '<', filter.to));
  if (filter.search !== undefined && filter.search !== '') {
    const pattern = containsPattern(filter.search);
    const escape = sql.lit(LIKE_ESCAPE);
    conditions.push(eb.or((['title', 'description', 'dedup_key'] as const).map((column) => sql<SqlBool>`${lower(column)} like ${pattern} escape ${escape}`)));
  }
  return eb.and(conditions);
}

/** Rows after the cursor in the list's order: past it in the sort key, or level with it and past it in id. */
function after(eb: Eb, key: Expression<SortValue>, cursor: Cursor): Expression<SqlBool> {
  const keyPast = cursor.o === 'asc' ? '>' : '<';
  const idPast = idOrder(cursor.s, cursor.o) === 'asc' ? '>' : '<';
  return eb.or([eb(key, keyPast, cursor.v), eb.and([eb(key, '=', cursor.v), eb('id', idPast, cursor.i)])]);
}

/**
 * One page of the incident list, filtered and sorted, by keyset: the cursor carries the
 * last row's sort value and id, so a page continues exactly after the previous one while
 * incidents are opened or change.
 */
export async function listIncidentPage(db: Kysely<DB>, dialect: Dialect, request: IncidentListRequest, filter: IncidentFilter): Promise<Page<IncidentRow>> {
  const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor, request);
  const key = sortKey(request.sort, dialect);
  const rows = await db
    .selectFrom('incidents')
    .selectAll()
    .select(sql<SortValue>`${key}`.as('sort_value'))
    .where((eb) => filterBy(eb, filter, dialect))
    .$if(cursor !== undefined, (q) => q.where((eb) => after(eb, key, cursor as Cursor)))
    .orderBy(key, request.order)
    .orderBy('id', idOrder(request.sort, request.order))
    .limit(request.limit + 1)
    .execute();
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  const more = rows.length > request.limit && last !== undefined;
  return {
    items: page.map(({ sort_value: _, ...row }) => row),
    nextCursor: more ? encodeCursor({ s: request.sort, o: request.order, v: last.sort_value, i: last.id }) : null,
  };
}
