import type { Kysely } from 'kysely';
import { transition } from '../core/escalation/machine.js';
import type { EscalationEvent, Recipient, Transition } from '../core/escalation/types.js';
import { rulesOf } from '../store/contacts.js';
import { addEvents, policyOf, saveState, stateOf, type IncidentRow, type NewIncidentEvent } from '../store/incidents.js';
import { cancelPending, enqueue, type OutboxEntry } from '../store/notifications.js';
import type { DB } from '../store/schema.js';
import { loadResolver } from './target-resolver.js';
import { fallbackIfNobodyReached } from './unreached.js';

const actorOf = (event: EscalationEvent): string | null => ('by' in event ? event.by : null);

/**
 * Runs one state-machine transition for a locked incident and writes everything it
 * implies in the caller's transaction: new state, timeline entries, outbox rows.
 * Idempotency keys carry the incident's transition number, so a transition is
 * enqueued exactly once even if a crashed node's work is retried. Timeline entries are
 * gathered and written in one statement (on PostgreSQL each statement is a round trip,
 * and an alert storm opens thousands of incidents).
 */
export async function applyTransition(trx: Kysely<DB>, row: IncidentRow, event: EscalationEvent, now: number): Promise<Transition> {
  const policy = policyOf(row);
  const targets = policy.steps.flatMap((s) => s.targets);
  if (event.type === 'reassign') targets.push({ type: 'user', userId: event.userId });
  const resolve = await loadResolver(trx, targets, event.at);
  const before = stateOf(row);
  const result = transition(policy, before, event, resolve);
  // The machine hands back the same state object when the event changes nothing.
  if (result.effects.length === 0 && result.state === before) return result;

  const patch: Partial<IncidentRow> = {};
  if (event.type === 'acknowledge' && result.state.status === 'acknowledged') Object.assign(patch, { acknowledged_at: event.at, acknowledged_by: event.by });
  if (event.type === 'resolve') Object.assign(patch, { resolved_at: event.at, resolved_by: event.by });

  let state = result.state;
  let reachedNobody = false;
  let exhausted = false;
  const timeline: NewIncidentEvent[] = [];
  for (const [index, effect] of result.effects.entries()) {
    if (effect.type === 'log') {
      const { kind, ...data } = effect.entry;
      if (kind === 'exhausted') exhausted = true;
      timeline.push({ at: event.at, kind, actorId: actorOf(event), data });
    } else if (effect.type === 'cancel_pending_notifications') {
      await cancelPending(trx, row.id);
    } else {
      const enqueued = await enqueueNotify(trx, row, `${row.id}:${row.seq}:${index}`, effect.recipients, event.at, now, timeline);
      if (enqueued === 0) reachedNobody = true;
    }
  }
  // People were found but none can be paged (no verified method with a rule): the step
  // reached nobody, so the next one fires now rather than after its wait.
  if (reachedNobody && state.status === 'triggered' && state.nextActionAt !== null && state.nextActionAt > event.at) {
    timeline.push({ at: event.at, kind: 'step_unreached', data: { reason: 'no one in the step can be paged' } });
    state = { ...state, nextActionAt: event.at };
  }
  await addEvents(trx, row.id, timeline);
  await saveState(trx, row, state, patch, now);
  if (exhausted && state.status === 'triggered') await fallbackIfNobodyReached(trx, row, event.at, now);
  return { ...result, state };
}

/**
 * Expands recipients into outbox rows: a user's notification rules, or a channel target
 * directly; returns how many. Users without rules are noted on `timeline`.
 */
async function enqueueNotify(trx: Kysely<DB>, row: IncidentRow, keyPrefix: string, recipients: Recipient[], at: number, now: number, timeline: NewIncidentEvent[]): Promise<number> {
  const users = recipients.flatMap((r) => (r.kind === 'user' ? [r.userId] : []));
  const rules = await rulesOf(trx, users);
  const entries: OutboxEntry[] = [];
  for (const r of recipients) {
    if (r.kind !== 'user') {
      entries.push({ idempotencyKey: `${keyPrefix}:${r.kind}:${r.url}`, incidentId: row.id, userId: null, contactMethodId: null, channel: r.kind, address: r.url, dueAt: at });
      continue;
    }
    const own = rules.filter((rule) => rule.userId === r.userId);
    if (own.length === 0) {
      timeline.push({ at, kind: 'no_notification_rules', data: { userId: r.userId } });
      continue;
    }
    for (const rule of own) {
      entries.push({
        idempotencyKey: `${keyPrefix}:${r.userId}:${rule.ruleId}`,
        incidentId: row.id,
        userId: r.userId,
        contactMethodId: rule.contactMethodId,
        channel: rule.kind,
        address: rule.address,
        dueAt: at + rule.delaySeconds * 1000,
      });
    }
  }
  await enqueue(trx, entries, now);
  return entries.length;
}
