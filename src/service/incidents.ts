import { AppError } from '../core/errors.js';
import type { EscalationEvent, PolicySnapshot } from '../core/escalation/types.js';
import type { Transaction } from 'kysely';
import type { Dialect, Database } from '../store/database.js';
import { alone } from '../store/group-commit.js';
import { absorbIntoOpenIncident, addEvent, findOpenIncident, getIncident, insertIncident, lockIncident, type IncidentRow } from '../store/incidents.js';
import { getMonitor } from '../store/monitors.js';
import { getPolicy, snapshotOf } from '../store/policies.js';
import type { DB } from '../store/schema.js';
import { applyTransition } from './apply-transition.js';

export interface Alert {
  monitorId: string;
  title: string;
  description: string;
  /** Alerts with the same key fold into the open incident instead of opening another. */
  dedupKey: string | null;
}

export interface TriggerResult {
  incident: IncidentRow;
  /** false when the alert was absorbed by an open incident with the same dedup key. */
  created: boolean;
}

/**
 * Opens an incident for an alert, snapshotting the monitor's policy and firing step 1
 * in the same transaction, or folds it into the open incident with the same dedup key.
 * A resolved incident never reopens: a new alert opens a new incident.
 */
export function triggerAlert(database: Database, alert: Alert, now: number): Promise<TriggerResult> {
  return alone(database, (trx) => triggerIn(trx, alert, now));
}

/**
 * triggerAlert's write, inside the caller's transaction (group commit batches many). It
 * throws a unique violation when another writer opened an incident with this key after
 * the absorb looked; a fresh transaction then folds into that one.
 *
 * Folding in is the common case in an alert storm (senders repeat open alerts), so it is
 * tried first as one UPDATE, before the monitor and policy are even read.
 */
export async function triggerIn(trx: Transaction<DB>, alert: Alert, now: number): Promise<TriggerResult> {
  if (alert.dedupKey !== null) {
    const absorbed = await absorb(trx, alert, alert.dedupKey, now);
    if (absorbed) return absorbed;
  }
  const policy = await policyIn(trx, alert.monitorId);
  const row = await insertIncident(trx, { ...alert, policy }, now);
  await applyTransition(trx, row, { type: 'trigger', at: now }, now);
  return { incident: await getIncident(trx, row.id), created: true };
}

/**
 * The policy a monitor's new incident snapshots, read once per transaction: a group
 * commit of an Alertmanager notification opens hundreds of incidents for one monitor.
 */
const policies = new WeakMap<Transaction<DB>, Map<string, Promise<PolicySnapshot>>>();

function policyIn(trx: Transaction<DB>, monitorId: string): Promise<PolicySnapshot> {
  let read = policies.get(trx);
  if (!read) policies.set(trx, (read = new Map()));
  let policy = read.get(monitorId);
  if (!policy) {
    policy = getMonitor(trx, monitorId).then(async (monitor) => snapshotOf(await getPolicy(trx, monitor.policy_id)));
    read.set(monitorId, policy);
  }
  return policy;
}

/**
 * The timeline notes the 2nd, 4th, 8th, 16th… alert an incident absorbs, so a storm of
 * n repeats writes about log2(n) entries, not n; alertCount counts every one.
 */
const notedOnTimeline = (alertCount: number) => (alertCount & (alertCount - 1)) === 0;

async function absorb(db: Transaction<DB>, alert: Alert, dedupKey: string, now: number): Promise<TriggerResult | undefined> {
  const incident = await absorbIntoOpenIncident(db, alert.monitorId, dedupKey, now);
  if (!incident) return undefined;
  if (notedOnTimeline(incident.alert_count)) {
    await addEvent(db, incident.id, { at: now, kind: 'alert_absorbed', data: { title: alert.title, alertCount: incident.alert_count } });
  }
  return { incident, created: false };
}

export type IncidentAction =
  | { type: 'acknowledge'; by: string | null }
  | { type: 'resolve'; by: string | null }
  | { type: 'escalate'; by: string }
  | { type: 'reassign'; by: string; userId: string };

/** Applies a responder's action; resolved incidents refuse everything. */
export function actOnIncident(database: Database, incidentId: string, action: IncidentAction, now: number): Promise<IncidentRow> {
  return database.db.transaction().execute((trx) => actIn(trx, database.dialect, incidentId, action, now));
}

async function actIn(trx: Transaction<DB>, dialect: Dialect, incidentId: string, action: IncidentAction, now: number): Promise<IncidentRow> {
  const row = await lockIncident(trx, dialect, incidentId);
  if (row.status === 'resolved') throw new AppError('incident_resolved');
  const event = { ...action, at: now } as EscalationEvent;
  await applyTransition(trx, row, event, now);
  return getIncident(trx, incidentId);
}

export async function commentOnIncident({ db }: Database, incidentId: string, by: string, text: string, now: number): Promise<void> {
  await getIncident(db, incidentId);
  await addEvent(db, incidentId, { at: now, kind: 'comment', actorId: by, data: { text } });
}

/**
 * What an alert source says about an alert it sent before: acknowledge or resolve the
 * open incident with that dedup key. Unknown keys and finished incidents are ignored:
 * sources repeat themselves.
 */
export function settleAlert(database: Database, monitorId: string, dedupKey: string, action: SourceAction, now: number): Promise<IncidentRow | null> {
  return database.db.transaction().execute((trx) => settleIn(trx, database.dialect, monitorId, dedupKey, action, now));
}

type SourceAction = 'acknowledge' | 'resolve';

/** settleAlert's write, inside the caller's transaction (group commit batches many). */
export async function settleIn(trx: Transaction<DB>, dialect: Dialect, monitorId: string, dedupKey: string, action: SourceAction, now: number): Promise<IncidentRow | null> {
  const open = await findOpenIncident(trx, monitorId, dedupKey);
  if (!open || (action === 'acknowledge' && open.status === 'acknowledged')) return open ?? null;
  return actIn(trx, dialect, open.id, { type: action, by: null }, now);
}
