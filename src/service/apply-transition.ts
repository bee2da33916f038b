import type { Kysely } from 'kysely';
import { transition } from '../core/escalation/machine.js';
import type { EscalationEvent, EscalationState, PolicySnapshot, Recipient, Transition } from '../core/escalation/types.js';
import { pageTime } from '../core/escalation/low-urgency-hours.js';
import { ruleApplies, type Urgency } from '../core/escalation/urgency.js';
import { rulesOf } from '../store/contacts.js';
import { addEventsOf, eventWrites, incidentWrites, newIncidentRow, policyOf, saveStates, stateOf, type IncidentRow, type NewIncident, type NewIncidentEvent } from '../store/incidents.js';
import { writeAtomically, type Write } from '../store/atomic-writes.js';
import { cancelPending, enqueue, outboxWrites, type OutboxEntry } from '../store/notifications.js';
import type { DB } from '../store/schema.js';
import { lowUrgencyHoursOfUsers } from '../store/users.js';
import { loadResolver } from './target-resolver.js';
import { releaseChildrenOf } from './monitor-dependencies.js';
import { fallbackIfNobodyReached } from './unreached.js';

const actorOf = (event: EscalationEvent): string | null => ('by' in event ? (event.by ?? null) : null);

/** An outbox row of a transition, before it is tied to an incident. */
type PlannedPage = Omit<OutboxEntry, 'idempotencyKey' | 'incidentId'> & { key: string };

/**
 * Everything one transition writes, worked out before it is tied to an incident: new
 * incidents of one monitor opened at one instant share it, so a storm's incidents are
 * written with a few statements for all of them instead of several each.
 */
interface TransitionPlan {
  result: Transition;
  patch: Partial<IncidentRow>;
  timeline: NewIncidentEvent[];
  pages: PlannedPage[];
  cancelsPending: boolean;
  /** The policy ran out in this transition. */
  exhausted: boolean;
}

async function planTransition(trx: Kysely<DB>, policy: PolicySnapshot, urgency: Urgency, before: EscalationState, event: EscalationEvent): Promise<TransitionPlan> {
  const targets = policy.steps.flatMap((s) => s.targets);
  if (event.type === 'reassign') targets.push({ type: 'user', userId: event.userId });
  if (event.type === 'add_responders') targets.push(...event.userIds.map((userId) => ({ type: 'user' as const, userId })));
  const resolve = await loadResolver(trx, targets, event.at);
  const result = transition(policy, before, event, resolve);

  const patch: Partial<IncidentRow> = {};
  if ((event.type === 'acknowledge' || event.type === 'snooze') && result.state.status === 'acknowledged' && result.effects.length > 0) {
    Object.assign(patch, { acknowledged_at: event.at, acknowledged_by: event.by });
  }
  if (event.type === 'resolve') Object.assign(patch, { resolved_at: event.at, resolved_by: event.by });
  if (result.effects.some((effect) => effect.type === 'log' && effect.entry.kind === 'acknowledged')) patch.first_acknowledged_at = event.at;
  // Paged at last (escalated by hand, or released): no longer suppressed.
  if (result.effects.some((effect) => effect.type === 'notify')) patch.suppression = null;

  const plan: TransitionPlan = { result, patch, timeline: [], pages: [], cancelsPending: false, exhausted: false };
  let reachedNobody = false;
  for (const [index, effect] of result.effects.entries()) {
    if (effect.type === 'log') {
      const { kind, ...data } = effect.entry;
      if (kind === 'exhausted') plan.exhausted = true;
      plan.timeline.push({ at: event.at, kind, actorId: actorOf(event), data });
    } else if (effect.type === 'cancel_pending_notifications') {
      plan.cancelsPending = true;
    } else {
      const pages = await pagesOf(trx, index, effect.recipients, urgency, event.at, plan.timeline);
      if (pages.length === 0) reachedNobody = true;
      plan.pages.push(...pages);
    }
  }
  // People were found but none can be paged (no verified method with a rule): the step
  // reached nobody, so the next one fires now rather than after its wait.
  const { state } = result;
  if (reachedNobody && state.status === 'triggered' && state.nextActionAt !== null && state.nextActionAt > event.at) {
    plan.timeline.push({ at: event.at, kind: 'step_unreached', data: { reason: 'no one in the step can be paged' } });
    plan.result = { ...result, state: { ...state, nextActionAt: event.at } };
  }
  return plan;
}

/**
 * Expands a notify effect's recipients into outbox rows: a user's notification rules for
 * the incident's urgency, or a channel target directly. Users without such rules are
 * noted on `timeline`.
 */
async function pagesOf(trx: Kysely<DB>, effectIndex: number, recipients: Recipient[], urgency: Urgency, at: number, timeline: NewIncidentEvent[]): Promise<PlannedPage[]> {
  const users = recipients.flatMap((r) => (r.kind === 'user' ? [r.userId] : []));
  const rules = await rulesOf(trx, users);
  // Only low-urgency pages wait for anyone's hours: high urgency costs no extra read.
  const hours = urgency === 'low' ? await lowUrgencyHoursOfUsers(trx, users) : new Map<string, never>();
  const pages: PlannedPage[] = [];
  for (const r of recipients) {
    if (r.kind !== 'user') {
      const address = 'channelId' in r ? r.channelId : r.url;
      pages.push({ key: `${effectIndex}:${r.kind}:${address}`, userId: null, contactMethodId: null, channel: r.kind, address, dueAt: at });
      continue;
    }
    const own = rules.filter((rule) => rule.userId === r.userId && ruleApplies(rule.urgency, urgency));
    const held = hours.get(r.userId);
    if (own.length === 0) {
      // The urgency is named only when it is why: the user has rules, for the other one.
      const forOtherUrgency = rules.some((rule) => rule.userId === r.userId);
      timeline.push({ at, kind: 'no_notification_rules', data: { userId: r.userId, ...(forOtherUrgency && { urgency }) } });
      continue;
    }
    for (const rule of own) {
      const due = at + rule.delaySeconds * 1000;
      pages.push({
        key: `${effectIndex}:${r.userId}:${rule.ruleId}`,
        userId: r.userId,
        contactMethodId: rule.contactMethodId,
        channel: rule.kind,
        address: rule.address,
        dueAt: held ? pageTime(due, urgency, held.hours, held.timeZone) : due,
      });
    }
  }
  return pages;
}

/**
 * The plan's outbox rows for one incident. Idempotency keys carry the incident's
 * transition number, so a transition is enqueued exactly once even if a crashed node's
 * work is retried.
 */
const outboxOf = (plan: TransitionPlan, incident: Pick<IncidentRow, 'id' | 'seq' | 'triggered_at' | 'monitor_id'>): OutboxEntry[] =>
  plan.pages.map(({ key, ...page }) => ({
    ...page,
    idempotencyKey: `${incident.id}:${incident.seq}:${key}`,
    incidentId: incident.id,
    incident: { triggered_at: incident.triggered_at, monitor_id: incident.monitor_id },
  }));

/**
 * Runs one state-machine transition for a locked incident and writes everything it
 * implies in the caller's transaction: new state, timeline entries, outbox rows.
 */
export async function applyTransition(trx: Kysely<DB>, row: IncidentRow, event: EscalationEvent, now: number): Promise<Transition> {
  return (await applyTransitionToAll(trx, [row], event, now))[0] as Transition;
}

/**
 * applyTransition for many locked incidents at once: incidents with the same policy
 * snapshot in the same state go through the same transition, so it is worked out once
 * per such group and written for all of them in a few statements (in a storm the
 * engine advances hundreds of incidents whose step timed out together).
 */
export async function applyTransitionToAll(trx: Kysely<DB>, rows: IncidentRow[], event: EscalationEvent, now: number): Promise<Transition[]> {
  const results: Transition[] = new Array(rows.length);
  const groups = new Map<string, number[]>();
  for (const [index, row] of rows.entries()) {
    const key = JSON.stringify([row.status, row.step, row.pass, row.next_action_at, row.urgency, row.policy]);
    groups.set(key, [...(groups.get(key) ?? []), index]);
  }
  const cancelled: string[] = [];
  const outbox: OutboxEntry[] = [];
  const timeline: (NewIncidentEvent & { incidentId: string })[] = [];
  const exhausted: IncidentRow[] = [];
  const resolved: string[] = [];
  for (const indexes of groups.values()) {
    const group = indexes.map((i) => rows[i] as IncidentRow);
    const before = stateOf(group[0] as IncidentRow);
    const plan = await planTransition(trx, policyOf(group[0] as IncidentRow), (group[0] as IncidentRow).urgency, before, event);
    for (const i of indexes) results[i] = plan.result;
    const { state } = plan.result;
    // The machine hands back the same state object when the event changes nothing.
    if (plan.result.effects.length === 0 && state === before) continue;
    if (plan.cancelsPending) cancelled.push(...group.map((row) => row.id));
    outbox.push(...group.flatMap((row) => outboxOf(plan, row)));
    timeline.push(...group.flatMap((row) => plan.timeline.map((entry) => ({ ...entry, incidentId: row.id }))));
    await saveStates(
      trx,
      group.map((row) => row.id),
      state,
      plan.patch,
      now,
    );
    if (plan.exhausted && state.status === 'triggered') exhausted.push(...group);
    if (state.status === 'resolved') resolved.push(...group.filter((row) => row.status !== 'resolved').map((row) => row.id));
  }
  // Pending pages are cancelled before this transition's own are queued.
  await cancelPending(trx, cancelled);
  await enqueue(trx, outbox, now);
  await addEventsOf(trx, timeline);
  await fallbackIfNobodyReached(trx, exhausted, event.at, now);
  // However it resolved (its source, a person, a recovery, a bulk action or a merge).
  await releaseChildrenOf(trx, resolved, event.at, now);
  return results;
}

/**
 * Opens incidents of one policy and urgency at one instant, each already through its
 * trigger (step 1 fired): the trigger's plan is worked out once and written for all of
 * them together. `by`: the person who paged by hand, named on the `triggered` entry.
 */
export async function openIncidents(trx: Kysely<DB>, policy: PolicySnapshot, urgency: Urgency, inputs: Omit<NewIncident, 'policy' | 'urgency'>[], now: number, by?: string): Promise<IncidentRow[]> {
  const opening = await planOpening(trx, policy, urgency, inputs, now, by);
  // The incidents, their pages and their timelines in one statement on PostgreSQL.
  await writeAtomically(trx, opening.writes);
  await opening.afterWrites?.();
  return opening.rows;
}

/**
 * openIncidents without its writes: the rows, the writes that open them (which a caller
 * may send in one statement with writes of its own, see writeAtomically), and what to run
 * once they are written, if anything.
 */
export async function planOpening(
  trx: Kysely<DB>,
  policy: PolicySnapshot,
  urgency: Urgency,
  inputs: Omit<NewIncident, 'policy' | 'urgency'>[],
  now: number,
  by?: string,
): Promise<{ rows: IncidentRow[]; writes: Write[]; afterWrites: (() => Promise<unknown>) | null }> {
  if (inputs.length === 0) return { rows: [], writes: [], afterWrites: null };
  const fresh = inputs.map((input) => newIncidentRow({ ...input, policy, urgency }, now));
  const plan = await planTransition(trx, policy, urgency, stateOf(fresh[0] as IncidentRow), { type: 'trigger', at: now, ...(by !== undefined && { by }) });
  const { state } = plan.result;
  const rows = fresh.map((row) => ({
    ...row,
    ...plan.patch,
    status: state.status,
    step: state.step,
    pass: state.pass,
    next_action_at: state.nextActionAt,
    seq: row.seq + 1,
  }));
  const writes = [
    ...incidentWrites(rows),
    ...(await outboxWrites(
      trx,
      fresh.flatMap((row) => outboxOf(plan, row)),
      now,
    )),
    ...eventWrites(rows.flatMap((row) => plan.timeline.map((event) => ({ ...event, incidentId: row.id })))),
  ];
  const exhausted = plan.exhausted && state.status === 'triggered';
  return { rows, writes, afterWrites: exhausted ? () => fallbackIfNobodyReached(trx, rows, now, now) : null };
}
