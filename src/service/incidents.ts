import { AppError } from '../core/errors.js';
import type { EscalationEvent } from '../core/escalation/types.js';
import { isUniqueViolation, type Database } from '../store/database.js';
import { absorbIntoOpenIncident, addEvent, findOpenIncident, getIncident, insertIncident, lockIncident, type IncidentRow } from '../store/incidents.js';
import { getMonitor } from '../store/monitors.js';
import { getPolicy, snapshotOf } from '../store/policies.js';
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
 *
 * Folding in is the common case in an alert storm (senders repeat open alerts), so it is
 * tried first as one UPDATE, before the monitor and policy are even read.
 */
export async function triggerAlert({ db }: Database, alert: Alert, now: number): Promise<TriggerResult> {
  if (alert.dedupKey !== null) {
    const absorbed = await absorb(db, alert, alert.dedupKey, now);
    if (absorbed) return absorbed;
  }
  const monitor = await getMonitor(db, alert.monitorId);
  const policy = snapshotOf(await getPolicy(db, monitor.policy_id));
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const row = await insertIncident(trx, { ...alert, policy }, now);
        await applyTransition(trx, row, { type: 'trigger', at: now }, now);
        return { incident: await getIncident(trx, row.id), created: true };
      });
    } catch (err) {
      // Another alert with this key opened the incident first (incidents_open_dedup): fold into it.
      if (!isUniqueViolation(err) || alert.dedupKey === null || attempt >= 3) throw err;
      const absorbed = await absorb(db, alert, alert.dedupKey, now);
      if (absorbed) return absorbed;
    }
  }
}

/**
 * The timeline notes the 2nd, 4th, 8th, 16th… alert an incident absorbs, so a storm of
 * n repeats writes about log2(n) entries, not n; alertCount counts every one.
 */
const notedOnTimeline = (alertCount: number) => (alertCount & (alertCount - 1)) === 0;

async function absorb(db: Database['db'], alert: Alert, dedupKey: string, now: number): Promise<TriggerResult | undefined> {
  const incident = await absorbIntoOpenIncident(db, alert.monitorId, dedupKey, now);
  if (!incident) return undefined;
  // Outside the count's statement: a crash in between loses a note, never the count.
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
export async function actOnIncident({ db, dialect }: Database, incidentId: string, action: IncidentAction, now: number): Promise<IncidentRow> {
  return db.transaction().execute(async (trx) => {
    const row = await lockIncident(trx, dialect, incidentId);
    if (row.status === 'resolved') throw new AppError('incident_resolved');
    const event = { ...action, at: now } as EscalationEvent;
    await applyTransition(trx, row, event, now);
    return getIncident(trx, incidentId);
  });
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
export async function settleAlert(database: Database, monitorId: string, dedupKey: string, action: 'acknowledge' | 'resolve', now: number): Promise<IncidentRow | null> {
  const open = await findOpenIncident(database.db, monitorId, dedupKey);
  if (!open || (action === 'acknowledge' && open.status === 'acknowledged')) return open ?? null;
  return actOnIncident(database, open.id, { type: action, by: null }, now);
}
