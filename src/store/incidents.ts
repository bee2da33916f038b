import { PostgresAdapter, sql, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import { emptyDetails, type AlertDetails } from '../core/alert/details.js';
import { AppError } from '../core/errors.js';
import type { EscalationState, PolicySnapshot } from '../core/escalation/types.js';
import type { Urgency } from '../core/escalation/urgency.js';
import type { Suppression } from '../core/incident/suppression.js';
import type { Dialect } from './database.js';
import { chunksOf } from './chunks.js';
import { newId } from './ids.js';
import type { DB, IncidentEventsTable, IncidentsTable } from './schema.js';
import type { DueTime } from './next-due.js';
import { writeEach, type Write } from './atomic-writes.js';
import { claimedOnce } from './claimed-once.js';
import { prepared, preparedPerLength } from './prepared.js';
import { insertRows } from './row-inserts.js';
import { insertAlerts } from './incident-alerts.js';
import { transact } from './transact.js';

export type IncidentRow = IncidentsTable;
export type IncidentEventRow = IncidentEventsTable;

export interface NewIncident {
  monitorId: string;
  title: string;
  description: string;
  dedupKey: string | null;
  policy: PolicySnapshot;
  urgency: Urgency;
  /** Alerts it starts with: more than one when repeats arrived in the same batch. */
  alertCount?: number;
  /** Recorded without paging anyone (recordSuppressed). */
  suppression?: Suppression | undefined;
  /** The group it opens for, when its monitor groups alerts. */
  group?: { key: string } | undefined;
}

/**
 * The open-incident condition, with 'resolved' written into the SQL rather than bound.
 * It is the partial index incidents_open_dedup's own condition; when a bound value
 * decides whether a partial index applies, SQLite recompiles the statement on every run
 * (a dedup hit cost 61 µs of SQLite CPU instead of 17 µs).
 */
const RESOLVED = sql.lit<IncidentRow['status']>('resolved');

export function stateOf(row: IncidentRow): EscalationState {
  return { status: row.status, step: row.step, pass: row.pass, nextActionAt: row.next_action_at };
}

export function policyOf(row: IncidentRow): PolicySnapshot {
  return JSON.parse(row.policy) as PolicySnapshot;
}

/** A new incident's row, before its first transition (the trigger) has run. */
export function newIncidentRow(input: NewIncident, now: number): IncidentRow {
  return {
    id: newId(),
    monitor_id: input.monitorId,
    title: input.title,
    description: input.description,
    dedup_key: input.dedupKey,
    status: 'triggered',
    policy: JSON.stringify(input.policy),
    step: -1,
    pass: 0,
    next_action_at: null,
    lease_until: null,
    lease_owner: null,
    alert_count: input.alertCount ?? 1,
    seq: 0,
    triggered_at: now,
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    resolved_by: null,
    updated_at: now,
    urgency: input.urgency,
    suppression: input.suppression ? JSON.stringify(input.suppression) : null,
    parent_incident_id: input.suppression?.by === 'parent' ? input.suppression.incidentId : null,
    group_key: input.group?.key ?? null,
    first_acknowledged_at: null,
  };
}

export function suppressionOf(row: IncidentRow): Suppression | null {
  return row.suppression === null ? null : (JSON.parse(row.suppression) as Suppression);
}

/** Inserts rows as they are, many per statement (an alert storm opens hundreds at once). */
export async function insertIncidents(db: Kysely<DB>, rows: IncidentRow[]): Promise<void> {
  await writeEach(db, incidentWrites(rows));
}

/** insertIncidents' statements, for writeAtomically. */
export function incidentWrites(rows: IncidentRow[]): Write[] {
  return chunksOf(rows).map((chunk) => insertRows('incidents', chunk));
}

export async function getIncident(db: Kysely<DB>, id: string): Promise<IncidentRow> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No incident ${id}`);
  return row;
}

/**
 * Reads an incident for update: PostgreSQL locks the row; SQLite writes one transaction at
 * a time. Incidents are locked FOR NO KEY UPDATE, never FOR UPDATE: a timeline entry or a
 * page being written for the incident holds a KEY SHARE lock on it (its foreign key),
 * which FOR UPDATE waits for, and a batch holding several incidents could then deadlock
 * with a batch of timeline entries (found by the storm benchmark: pages 1 s late, the
 * deadlock timeout). Vigil never changes an incident's id.
 */
export async function lockIncident(trx: Transaction<DB>, dialect: Dialect, id: string): Promise<IncidentRow> {
  const [row] = await lockIncidents(trx, dialect, [id]);
  if (!row) throw new AppError('not_found', `No incident ${id}`);
  return row;
}

/**
 * Reads incidents for update (as lockIncident does), in id order so that two writers
 * locking overlapping sets on PostgreSQL take the locks in the same order. Missing ids
 * are left out.
 */
export async function lockIncidents(trx: Transaction<DB>, dialect: Dialect, ids: string[]): Promise<IncidentRow[]> {
  const rows: IncidentRow[] = [];
  for (const chunk of chunksOf([...ids].sort())) {
    rows.push(
      ...(await trx
        .selectFrom('incidents')
        .selectAll()
        .where('id', 'in', chunk)
        .orderBy('id')
        .$if(dialect === 'postgres', (q) => q.forNoKeyUpdate())
        .execute()),
    );
  }
  return rows;
}

/** Gives claims back without a transition: the action they were claimed for is no longer due. */
export async function releaseIncidents(trx: Kysely<DB>, ids: string[]): Promise<void> {
  for (const chunk of chunksOf(ids)) await trx.updateTable('incidents').set({ lease_until: null, lease_owner: null }).where('id', 'in', chunk).execute();
}

export function findOpenIncident(db: Kysely<DB>, monitorId: string, dedupKey: string): Promise<IncidentRow | undefined> {
  return db
    .selectFrom('incidents')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .where('dedup_key', '=', dedupKey)
    .where('status', '<>', RESOLVED)
    .executeTakeFirst();
}

/**
 * Writes the state a transition left incidents in, and hands back their claims. A
 * first_acknowledged_at in the patch is written only where none is yet: the first stays.
 */
export async function saveStates(trx: Kysely<DB>, ids: string[], state: EscalationState, patch: Partial<IncidentRow>, now: number): Promise<void> {
  const { first_acknowledged_at: acknowledgedAt, ...rest } = patch;
  for (const chunk of chunksOf(ids)) {
    await trx
      .updateTable('incidents')
      .set((eb) => ({
        ...rest,
        ...(acknowledgedAt !== undefined && { first_acknowledged_at: eb.fn.coalesce('first_acknowledged_at', eb.val(acknowledgedAt)) }),
        status: state.status,
        step: state.step,
        pass: state.pass,
        next_action_at: state.nextActionAt,
        lease_until: null,
        lease_owner: null,
        seq: eb('seq', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', chunk)
      .execute();
  }
}

export async function addAlertCount(trx: Kysely<DB>, id: string, alerts: number, now: number): Promise<void> {
  await trx
    .updateTable('incidents')
    .set((eb) => ({ alert_count: eb('alert_count', '+', alerts), updated_at: now }))
    .where('id', '=', id)
    .execute();
}

export async function setUrgency(trx: Kysely<DB>, id: string, urgency: Urgency, now: number): Promise<void> {
  await trx.updateTable('incidents').set({ urgency, updated_at: now }).where('id', '=', id).execute();
}

export interface NewIncidentEvent {
  at: number;
  kind: string;
  actorId?: string | null;
  data?: Record<string, unknown>;
}

export function addEvent(db: Kysely<DB>, incidentId: string, event: NewIncidentEvent): Promise<void> {
  return addEvents(db, incidentId, [event]);
}

/** Several timeline entries of one incident in one statement, in this order (ids are time-ordered). */
export function addEvents(db: Kysely<DB>, incidentId: string, events: NewIncidentEvent[]): Promise<void> {
  return addEventsOf(db, events.map((event) => ({ ...event, incidentId })));
}

/** Timeline entries of any incidents, many per statement, in this order. */
export async function addEventsOf(db: Kysely<DB>, events: (NewIncidentEvent & { incidentId: string })[]): Promise<void> {
  await writeEach(db, eventWrites(events));
}

/** addEventsOf's statements, for writeAtomically. */
export function eventWrites(events: (NewIncidentEvent & { incidentId: string })[]): Write[] {
  return chunksOf(events).map((chunk) =>
    insertRows(
      'incident_events',
      chunk.map((event) => ({ id: newId(), incident_id: event.incidentId, at: event.at, kind: event.kind, actor_id: event.actorId ?? null, data: JSON.stringify(event.data ?? {}) })),
    ),
  );
}

export function listEvents(db: Kysely<DB>, incidentId: string): Promise<IncidentEventRow[]> {
  return db.selectFrom('incident_events').selectAll().where('incident_id', '=', incidentId).orderBy('id').execute();
}

/**
 * Counts `alerts` more alerts into each open incident of the monitor with one of these
 * dedup keys, in one statement (the partial unique index incidents_open_dedup finds the
 * rows): the incidents after the count. Keys with no open incident are not returned.
 */
export async function absorbIntoOpenIncidents(db: Kysely<DB>, monitorId: string, dedupKeys: string[], alerts: number, now: number): Promise<IncidentRow[]> {
  const rows: IncidentRow[] = [];
  for (const chunk of chunksOf(dedupKeys)) rows.push(...(await absorbInto(db, chunk, monitorId, alerts, now)));
  return rows;
}

/** The update counting `alerts` more alerts into the monitor's open incidents with these keys. */
const countInto = (db: QueryCreator<DB>, dedupKeys: string[], monitorId: string, alerts: number, now: number) =>
  db
    .updateTable('incidents')
    .set((eb) => ({ alert_count: eb('alert_count', '+', alerts), updated_at: now }))
    .where('monitor_id', '=', monitorId)
    .where('dedup_key', 'in', dedupKeys)
    .where('status', '<>', RESOLVED);

// Every batch of an alert storm runs it (prepared.ts).
const absorbInto = preparedPerLength((db: Kysely<DB>, dedupKeys: string[], monitorId: string, alerts: number, now: number) => countInto(db, dedupKeys, monitorId, alerts, now).returningAll());

/**
 * absorbIntoOpenIncidents for repeats that need nothing written but their count and their
 * alerts (kept like every alert), atomic without a transaction around it: on PostgreSQL
 * one statement (the alerts in a data-modifying WITH), which saves BEGIN, a read and
 * COMMIT, two of a dedup batch's three round trips; elsewhere, or inside a transaction,
 * the update and the insert in one transaction. An incident is counted only while the
 * monitors' version is still `version` (so what the caller knew of the monitor, not
 * paused, not grouped, its key still valid, is still true) and while its count passes no
 * power of two (those counts go on the timeline, see notedOnTimeline in
 * service/incidents.ts: the bit length of the count changes exactly when it passes one,
 * and then count XOR new count exceeds count). Each key's alerts number `alerts`. Keys
 * not returned need the full path.
 */
export async function absorbPlainRepeats(db: Kysely<DB>, monitorId: string, version: string, alertsByKey: Map<string, RepeatAlert[]>, alerts: number, now: number): Promise<IncidentRow[]> {
  const rows: IncidentRow[] = [];
  for (const dedupKeys of chunksOf([...alertsByKey.keys()])) {
    if (!db.isTransaction && db.getExecutor().adapter instanceof PostgresAdapter) {
      rows.push(...(await absorbWithAlerts(db, monitorId, version, dedupKeys, alertsByKey, alerts, now)));
      continue;
    }
    rows.push(
      ...(await transact(db, async (trx) => {
        const hit = await absorbPlain(trx, dedupKeys, monitorId, alerts, version, now);
        await insertAlerts(trx, hit.flatMap((row) => (alertsByKey.get(row.dedup_key as string) ?? []).map((a) => ({ incidentId: row.id, at: now, title: a.title, details: a.details, dedupKey: null }))));
        return hit;
      })),
    );
  }
  return rows;
}

/** What is kept of a repeat: its own title and details. */
export interface RepeatAlert {
  title: string;
  details: AlertDetails | undefined;
}

/** The update that counts repeats, with what the transaction would have checked. */
const countRepeats = (db: QueryCreator<DB>, dedupKeys: string[], monitorId: string, alerts: number, version: string, now: number) =>
  countInto(db, dedupKeys, monitorId, alerts, now)
    // XOR, written with what both databases have (SQLite has no XOR operator).
    .where(sql<boolean>`(alert_count | (alert_count + ${alerts})) - (alert_count & (alert_count + ${alerts})) <= alert_count`)
    .where((eb) => eb.selectFrom('integration_key_version').select('version').where('id', '=', sql.lit(1)), '=', version)
    .returningAll();

const absorbPlain = preparedPerLength(countRepeats);

/**
 * countRepeats and the alerts of the incidents it counted, as one PostgreSQL statement.
 * The alerts travel as arrays, so its text depends on the number of keys only.
 */
const countRepeatsKeepingAlerts = preparedPerLength(
  (db: Kysely<DB>, dedupKeys: string[], monitorId: string, alerts: number, version: string, now: number, ids: string[], keys: string[], titles: string[], details: string[]) => {
    const kept = sql<{ id: string; dedup_key: string; title: string; details: string }>`unnest(${ids}::text[], ${keys}::text[], ${titles}::text[], ${details}::text[])`.as<'v'>(sql`v(id, dedup_key, title, details)`);
    return db
      .with('hit', (w) => countRepeats(w, dedupKeys, monitorId, alerts, version, now))
      .with('kept', (w) =>
        w
          .insertInto('incident_alerts')
          .columns(['id', 'incident_id', 'at', 'title', 'details'])
          .expression((eb) => eb.selectFrom('hit').innerJoin(kept, 'v.dedup_key', 'hit.dedup_key').select(['v.id', 'hit.id as incident_id', sql<number>`${now}::bigint`.as('at'), 'v.title', 'v.details'])),
      )
      .selectFrom('hit')
      .selectAll();
  },
);

function absorbWithAlerts(db: Kysely<DB>, monitorId: string, version: string, dedupKeys: string[], alertsByKey: Map<string, RepeatAlert[]>, alerts: number, now: number): Promise<IncidentRow[]> {
  const kept = dedupKeys.flatMap((key) => (alertsByKey.get(key) ?? []).map((a) => ({ key, ...a })));
  return countRepeatsKeepingAlerts(
    db,
    dedupKeys,
    monitorId,
    alerts,
    version,
    now,
    kept.map(() => newId()),
    kept.map((a) => a.key),
    kept.map((a) => a.title),
    kept.map((a) => JSON.stringify(a.details ?? emptyDetails())),
  );
}

/**
 * Claims incidents whose next action is due, with a lease so that another node (or this
 * one after a crash) takes them over only when the lease has run out.
 */
export async function claimDueIncidents(db: Kysely<DB>, dialect: Dialect, owner: string, now: number, leaseMs: number, limit: number): Promise<string[]> {
  if (dialect === 'postgres') {
    const claimed = await claimDueOnPostgres(db, now, now + leaseMs, owner, limit);
    return claimed.sort((a, b) => Number(a.next_action_at) - Number(b.next_action_at)).map((r) => r.id);
  }
  return transact(db, async (trx) => {
    const ids = (await dueIncidents(trx, now, limit)).map((r) => r.id);
    if (ids.length > 0) await trx.updateTable('incidents').set({ lease_until: now + leaseMs, lease_owner: owner }).where('id', 'in', ids).execute();
    return ids;
  });
}

const due = (db: Kysely<DB>, now: number, limit: number) =>
  db
    .selectFrom('incidents')
    .select('id')
    .where('next_action_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_action_at')
    .limit(limit);

// The engine claims every pass: the same statements each time (prepared.ts).
const dueIncidents = prepared(due);
const claimDueOnPostgres = prepared((db: Kysely<DB>, now: number, leaseUntil: number, owner: string, limit: number) =>
  db
    .updateTable('incidents')
    .set({ lease_until: leaseUntil, lease_owner: owner })
    .where(claimedOnce(due(db, now, limit).forNoKeyUpdate().skipLocked()))
    .returning(['id', 'next_action_at']),
);

/** When an incident next needs the engine: a due action, or a lease running out (store/next-due.ts reads them). */
export function incidentDueTimes(db: Kysely<DB>, now: number): DueTime[] {
  return [
    db
      .selectFrom('incidents')
      .select((eb) => eb.fn.min('next_action_at').as('at'))
      .where('next_action_at', 'is not', null)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])),
    db.selectFrom('incidents').select((eb) => eb.fn.min('lease_until').as('at')).where('next_action_at', 'is not', null).where('lease_until', '>=', now),
  ];
}

/** Which of these monitors have an open incident. */
export async function monitorsWithOpenIncidents(db: Kysely<DB>, monitorIds: string[]): Promise<Set<string>> {
  if (monitorIds.length === 0) return new Set();
  const rows = await db.selectFrom('incidents').select('monitor_id').distinct().where('monitor_id', 'in', monitorIds).where('status', '<>', RESOLVED).execute();
  return new Set(rows.map((r) => r.monitor_id));
}
