import type { AlertDetails } from '../core/alert/details.js';
import type { AlertGroup } from '../core/alert-grouping/types.js';
import { AppError } from '../core/errors.js';
import type { EscalationEvent, PolicySnapshot } from '../core/escalation/types.js';
import { incidentUrgency, type MonitorUrgency, type Urgency } from '../core/escalation/urgency.js';
import { parentsFirst } from '../core/monitor/dependencies.js';
import type { Suppression } from '../core/incident/suppression.js';
import type { Transaction } from 'kysely';
import type { Dialect, Database } from '../store/database.js';
import { alone } from '../store/group-commit.js';
import { perTransaction } from '../store/per-transaction.js';
import { alertWrites, moveAlerts } from '../store/incident-alerts.js';
import { writeAtomically, type Write } from '../store/atomic-writes.js';
import { absorbIntoOpenIncidents, addAlertCount, addEvent, addEventsOf, eventWrites, findOpenIncident, getIncident, lockIncident, lockIncidents, setUrgency, type IncidentRow, type NewIncidentEvent } from '../store/incidents.js';
import { policyIdOf } from '../store/monitors.js';
import { monitorTermsIn } from '../store/monitor-terms.js';
import { parentsOf } from '../store/monitor-dependencies.js';
import { findPolicy, snapshotOf } from '../store/policies.js';
import type { DB } from '../store/schema.js';
import { applyTransition, applyTransitionToAll, planOpening } from './apply-transition.js';
import { holdReleasedChildren, parentSuppression } from './monitor-dependencies.js';
import { recordSuppressed } from './suppression.js';
import { foldGrouped, groupedIncidentOf, lockGroupedMonitors, othersStillFiring } from './alert-grouping.js';
import { transact } from '../store/transact.js';

export interface Alert {
  monitorId: string;
  title: string;
  description: string;
  /** Alerts with the same key fold into the open incident instead of opening another. */
  dedupKey: string | null;
  /** What its sender said beyond the title, normalised (core/alert); kept with the incident. */
  details?: AlertDetails | undefined;
  /** What the event says (its severity); a dynamic monitor's incident takes it. */
  urgency?: Urgency | undefined;
  /** An event rule's urgency: beats the monitor's, fixed or dynamic, and the event's. */
  ruleUrgency?: Urgency | undefined;
  /** Page through this policy instead of the monitor's (an event rule routed it). */
  policyId?: string | undefined;
  /** Record the incident without paging anyone (an event rule, or a parent monitor down). */
  suppression?: Suppression | undefined;
  /** Its group when its monitor groups alerts: it may fold into an open incident of the group. */
  group?: AlertGroup | undefined;
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
 */
export async function triggerIn(trx: Transaction<DB>, alert: Alert, now: number): Promise<TriggerResult> {
  return (await triggerAllIn(trx, [alert], now))[0] as TriggerResult;
}

/**
 * Many alerts' writes at once, as if triggered one after another, in a handful of
 * statements whatever their number: alerts with a dedup key first fold into open
 * incidents (one UPDATE per monitor), and the rest open incidents that share their
 * monitor's trigger plan (openIncidents). Repeats of a key in the batch count into the
 * incident its first alert opened or found. Folding in is the common case in an alert
 * storm (senders repeat open alerts), so it is tried before the policy is even read.
 * A key whose first alert here is `presumedNew` is not looked for: if it has an open
 * incident after all, the unique index on open keys fails the insert, and with it the
 * transaction (its caller runs it again without the presumption: SeenKeys).
 */
export async function triggerAllIn(trx: Transaction<DB>, alerts: Alert[], now: number, presumedNew: (alert: Alert) => boolean = () => false): Promise<TriggerResult[]> {
  const results: TriggerResult[] = new Array(alerts.length);
  /** Alerts by monitor, then by dedup key; each unkeyed alert stands alone. */
  const byMonitor = new Map<string, Map<string | symbol, number[]>>();
  for (const [index, alert] of alerts.entries()) {
    let keys = byMonitor.get(alert.monitorId);
    if (!keys) byMonitor.set(alert.monitorId, (keys = new Map()));
    const key = alert.dedupKey ?? Symbol('unkeyed');
    keys.set(key, [...(keys.get(key) ?? []), index]);
  }
  const notes: (NewIncidentEvent & { incidentId: string })[] = [];
  const noteAbsorbed = (incident: IncidentRow, indexes: number[]) => {
    const first = incident.alert_count - indexes.length;
    for (const [n, index] of indexes.entries()) {
      const alertCount = first + n + 1;
      if (notedOnTimeline(alertCount)) notes.push({ incidentId: incident.id, at: now, kind: 'alert_absorbed', data: { title: (alerts[index] as Alert).title, alertCount } });
    }
  };
  // New incidents' writes wait for the batch's last statement (one round trip fewer on
  // PostgreSQL), except where a read must see them first.
  const pending: Write[] = [];
  const flush = async () => {
    if (pending.length > 0) await writeAtomically(trx, pending.splice(0));
  };
  await lockGroupedMonitors(trx, alerts);
  // A parent's first alert may come in the same batch as its child's: the parent's
  // incident opens first, so the child is suppressed as it would be a moment later.
  const monitorIds = [...byMonitor.keys()];
  const ordered = monitorIds.length > 1 ? parentsFirst(monitorIds, await parentsOf(trx, monitorIds)) : monitorIds;
  for (const monitorId of ordered) {
    const keys = byMonitor.get(monitorId) as Map<string | symbol, number[]>;
    const toOpen = new Map(keys);
    // One UPDATE per distinct number of repeats: nearly always just one.
    const byRepeats = new Map<number, string[]>();
    for (const [key, indexes] of keys) {
      if (typeof key === 'string' && !presumedNew(alerts[indexes[0] as number] as Alert)) byRepeats.set(indexes.length, [...(byRepeats.get(indexes.length) ?? []), key]);
    }
    for (const [repeats, dedupKeys] of byRepeats) {
      for (const incident of await absorbIntoOpenIncidents(trx, monitorId, dedupKeys, repeats, now)) {
        const indexes = keys.get(incident.dedup_key as string) as number[];
        toOpen.delete(incident.dedup_key as string);
        for (const index of indexes) results[index] = { incident, created: false };
        noteAbsorbed(incident, indexes);
      }
    }
    for (const { incident, indexes } of await foldGrouped(trx, monitorId, alerts, toOpen, now)) {
      for (const index of indexes) results[index] = { incident, created: false };
      noteAbsorbed(incident, indexes);
    }
    if (toOpen.size === 0) continue;
    const monitor = await monitorIn(trx, monitorId);
    // While a monitor it depends on is down, its new incidents page nobody; an event
    // rule's suppression, if any, is the one recorded.
    const parent = await parentSuppression(trx, monitorId);
    const suppressionOf = (alert: Alert) => alert.suppression ?? parent;
    // Pages depend on the policy and the urgency (rules per urgency): incidents alike in
    // both share a trigger plan; suppressed ones page nobody and need none.
    const batches = new Map<string, { policyId: string | undefined; urgency: Urgency; suppressed: boolean; firsts: number[][] }>();
    for (const indexes of toOpen.values()) {
      const alert = alerts[indexes[0] as number] as Alert;
      const urgency = alert.ruleUrgency ?? incidentUrgency(monitor.urgency, alert.urgency);
      const suppressed = suppressionOf(alert) !== undefined;
      const key = JSON.stringify([alert.policyId ?? null, urgency, suppressed]);
      const batch = batches.get(key) ?? { policyId: alert.policyId, urgency, suppressed, firsts: [] };
      batch.firsts.push(indexes);
      batches.set(key, batch);
    }
    const openedHere: IncidentRow[] = [];
    for (const { policyId, urgency, suppressed, firsts } of batches.values()) {
      const policy = policyId === undefined ? monitor.policy : await policyIn(trx, policyId, monitor.policy);
      const inputs = firsts.map((indexes) => {
        const alert = alerts[indexes[0] as number] as Alert;
        return { ...alert, suppression: suppressionOf(alert), alertCount: indexes.length };
      });
      let opened: IncidentRow[];
      if (suppressed) opened = await recordSuppressed(trx, policy, urgency, inputs, now);
      else {
        const opening = await planOpening(trx, policy, urgency, inputs, now);
        pending.push(...opening.writes);
        if (opening.afterWrites) {
          await flush();
          await opening.afterWrites();
        }
        opened = opening.rows;
      }
      openedHere.push(...opened);
      for (const [n, incident] of opened.entries()) {
        const [first, ...repeats] = firsts[n] as number[];
        results[first as number] = { incident, created: true };
        for (const index of repeats) results[index] = { incident, created: false };
        if (repeats.length > 0) noteAbsorbed(incident, repeats);
      }
    }
    // Children see their parents' new incidents: those holding them, and those later in
    // this batch (parents come first) whose suppression reads them.
    if (monitor.links.hasChildren) {
      await flush();
      await holdReleasedChildren(trx, monitorId, openedHere, now);
    }
  }
  // Every alert is kept, absorbed ones too: one multi-row statement for the whole batch,
  // with the timeline's notes and the new incidents (one statement for all on PostgreSQL).
  await writeAtomically(trx, [
    ...pending,
    ...eventWrites(notes),
    ...alertWrites(
      alerts.map((alert, index) => ({ incidentId: (results[index] as TriggerResult).incident.id, at: now, title: alert.title, details: alert.details, dedupKey: alert.group ? alert.dedupKey : null })),
    ),
  ]);
  return results;
}

/** What a monitor's new incidents take from it. */
interface NewIncidentTerms {
  policy: PolicySnapshot;
  urgency: MonitorUrgency;
  links: { hasChildren: boolean };
}

/**
 * The policy a monitor's new incident snapshots (and its urgency), read once per
 * transaction (monitorTermsIn): a group commit of an Alertmanager notification opens
 * hundreds of incidents for one monitor.
 */
async function monitorIn(trx: Transaction<DB>, monitorId: string): Promise<NewIncidentTerms> {
  const terms = await monitorTermsIn(trx, monitorId);
  if (!terms) throw new AppError('not_found', `No monitor ${monitorId}`);
  const policyId = policyIdOf(terms);
  if (!terms.policy) throw new AppError('not_found', `No escalation policy ${policyId}`);
  return { policy: terms.policy, urgency: terms.urgency, links: terms.links };
}

/**
 * A policy an event rule routes to, read once per transaction. One deleted since the
 * rule was saved falls back to the monitor's: an alert is never lost to a stale rule.
 */
const routedPolicy = perTransaction(async (trx, policyId) => {
  const row = await findPolicy(trx, policyId);
  return row ? snapshotOf(row) : null;
});

async function policyIn(trx: Transaction<DB>, policyId: string, fallback: PolicySnapshot): Promise<PolicySnapshot> {
  return (await routedPolicy(trx, policyId)) ?? fallback;
}

/**
 * The timeline notes the 2nd, 4th, 8th, 16th… alert an incident absorbs, so a storm of
 * n repeats writes about log2(n) entries, not n; alertCount counts every one.
 */
const notedOnTimeline = (alertCount: number) => (alertCount & (alertCount - 1)) === 0;

export type IncidentAction =
  | { type: 'acknowledge'; by: string | null }
  | { type: 'resolve'; by: string | null }
  | { type: 'escalate'; by: string }
  | { type: 'reassign'; by: string; userId: string }
  | { type: 'add_responders'; by: string; userIds: string[] }
  | { type: 'snooze'; by: string; until: number };

/** Applies a responder's action; resolved incidents refuse everything. */
export function actOnIncident(database: Database, incidentId: string, action: IncidentAction, now: number): Promise<IncidentRow> {
  return transact(database.db, (trx) => actIn(trx, database.dialect, incidentId, action, now));
}

async function actIn(trx: Transaction<DB>, dialect: Dialect, incidentId: string, action: IncidentAction, now: number): Promise<IncidentRow> {
  const row = await lockIncident(trx, dialect, incidentId);
  if (row.status === 'resolved') throw new AppError('incident_resolved');
  const event = { ...action, at: now } as EscalationEvent;
  await applyTransition(trx, row, event, now);
  return getIncident(trx, incidentId);
}

/**
 * Merges open incidents into another open one: each is resolved (by whoever merged, with
 * a `merged_into` entry), its alerts and alert count move to the target, and the target's
 * timeline says what joined it. All in one transaction: a merge happens whole or not at all.
 */
export function mergeIncidents(database: Database, targetId: string, sourceIds: string[], by: string, now: number): Promise<IncidentRow> {
  return transact(database.db, async (trx) => {
    const rows = await lockIncidents(trx, database.dialect, [targetId, ...sourceIds]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const target = byId.get(targetId);
    if (!target) throw new AppError('not_found', `No incident ${targetId}`);
    if (target.status === 'resolved') throw new AppError('incident_resolved');
    const problems = sourceIds.flatMap((id, i) => {
      const row = byId.get(id);
      const message = id === targetId ? 'is the incident merged into' : !row ? 'is not an incident' : row.status === 'resolved' ? 'is resolved: only open incidents merge' : null;
      return message ? [{ path: `/body/incidentIds/${i}`, message }] : [];
    });
    if (problems.length > 0) throw new AppError('validation_failed', 'These incidents cannot be merged', problems);
    const sources = sourceIds.map((id) => byId.get(id) as IncidentRow);
    await applyTransitionToAll(trx, sources, { type: 'resolve', at: now, by }, now);
    await addEventsOf(trx, sources.map((s) => ({ incidentId: s.id, at: now, kind: 'merged_into', actorId: by, data: { incidentId: targetId } })));
    await moveAlerts(trx, sourceIds, targetId);
    const alerts = sources.reduce((sum, s) => sum + s.alert_count, 0);
    await addAlertCount(trx, targetId, alerts, now);
    await addEvent(trx, targetId, { at: now, kind: 'merged', actorId: by, data: { incidentIds: sourceIds, titles: sources.map((s) => s.title), alerts } });
    return getIncident(trx, targetId);
  });
}

/**
 * Changes an open incident's urgency. Pages already queued stay as they were planned;
 * later steps, repeats and reassignments page by the rules of the new urgency.
 */
export function changeUrgency(database: Database, incidentId: string, urgency: Urgency, by: string, now: number): Promise<IncidentRow> {
  return transact(database.db, async (trx) => {
    const row = await lockIncident(trx, database.dialect, incidentId);
    if (row.status === 'resolved') throw new AppError('incident_resolved');
    if (row.urgency === urgency) return row;
    await setUrgency(trx, incidentId, urgency, now);
    await addEvent(trx, incidentId, { at: now, kind: 'urgency_changed', actorId: by, data: { from: row.urgency, to: urgency } });
    return getIncident(trx, incidentId);
  });
}

/** A note on the timeline; allowed on resolved incidents too (they stay closed to state changes). */
export async function noteOnIncident({ db }: Database, incidentId: string, kind: 'comment' | 'status_update', by: string, text: string, now: number): Promise<void> {
  await getIncident(db, incidentId);
  await addEvent(db, incidentId, { at: now, kind, actorId: by, data: { text } });
}

/**
 * What an alert source says about an alert it sent before: acknowledge or resolve the
 * open incident with that dedup key, or the open grouped incident where an alert with
 * that key is firing. A grouped incident resolves only once all its alerts are resolved.
 * Unknown keys and finished incidents are ignored: sources repeat themselves.
 */
export function settleAlert(database: Database, monitorId: string, dedupKey: string, action: SourceAction, now: number): Promise<IncidentRow | null> {
  return transact(database.db, (trx) => settleIn(trx, database.dialect, monitorId, dedupKey, action, now));
}

type SourceAction = 'acknowledge' | 'resolve';

/** settleAlert's write, inside the caller's transaction (group commit batches many). */
export async function settleIn(trx: Transaction<DB>, dialect: Dialect, monitorId: string, dedupKey: string, action: SourceAction, now: number): Promise<IncidentRow | null> {
  const open = (await findOpenIncident(trx, monitorId, dedupKey)) ?? (await groupedIncidentOf(trx, monitorId, dedupKey));
  if (!open || (action === 'acknowledge' && open.status === 'acknowledged')) return open ?? null;
  if (action === 'resolve' && open.group_key !== null && (await othersStillFiring(trx, dialect, open.id, dedupKey, now))) return getIncident(trx, open.id);
  return actIn(trx, dialect, open.id, { type: action, by: null }, now);
}
