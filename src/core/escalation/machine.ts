import type { EscalationEvent, EscalationState, Effect, Instant, PolicySnapshot, ResolveTargets, Transition } from './types.js';

export const initialState: EscalationState = { status: 'triggered', step: -1, pass: 0, nextActionAt: null };

const SECOND = 1000;

/**
 * Fires step `step` of pass `pass` at `at`, skipping steps that reach nobody (each
 * skip is logged and the following step fires at once, as if its wait had passed).
 * Returns the state waiting for the step after it, or the exhausted state.
 */
function fireFrom(policy: PolicySnapshot, step: number, pass: number, at: Instant, resolve: ResolveTargets, by: string | null, effects: Effect[]): EscalationState {
  const total = policy.steps.length;
  // Every step of every remaining pass may be skipped; that bounds the loop.
  for (let guard = 0; guard <= total * (policy.repeat + 1); guard++) {
    if (step >= total) {
      if (pass >= policy.repeat || total === 0) {
        effects.push({ type: 'log', entry: { kind: 'exhausted', passes: pass + 1 } });
        return { status: 'triggered', step: total - 1, pass, nextActionAt: null };
      }
      step = 0;
      pass += 1;
    }
    const recipients = resolve((policy.steps[step] as PolicySnapshot['steps'][number]).targets, at);
    if (recipients.length === 0) {
      effects.push({ type: 'log', entry: { kind: 'step_skipped', step, pass, reason: 'nobody' } });
      step += 1;
      continue;
    }
    effects.push({ type: 'log', entry: { kind: 'escalated', step, pass, by } });
    effects.push({ type: 'notify', step, pass, recipients });
    return { status: 'triggered', step, pass, nextActionAt: at + waitBefore(policy, step + 1) * SECOND };
  }
  effects.push({ type: 'log', entry: { kind: 'exhausted', passes: pass + 1 } });
  return { status: 'triggered', step: total - 1, pass, nextActionAt: null };
}

/**
 * The wait before step `next` fires; past the last step, step 1's wait precedes the
 * repeat (or, with none left, the moment the policy is declared exhausted).
 */
function waitBefore(policy: PolicySnapshot, next: number): number {
  return (policy.steps[next < policy.steps.length ? next : 0]?.waitSeconds ?? 0);
}

/**
 * The escalation state machine: state + event → state + effects. Pure: recipients come
 * from `resolve`, time from the event. An incident's policy is the snapshot taken when
 * it triggered.
 */
export function transition(policy: PolicySnapshot, state: EscalationState, event: EscalationEvent, resolve: ResolveTargets): Transition {
  const effects: Effect[] = [];
  const done = (next: EscalationState): Transition => ({ state: next, effects });

  if (state.status === 'resolved') return done(state);

  switch (event.type) {
    case 'trigger':
      if (state.step >= 0) return done(state);
      effects.push({ type: 'log', entry: { kind: 'triggered' } });
      return done(fireFrom(policy, 0, 0, event.at, resolve, null, effects));

    case 'tick': {
      if (state.nextActionAt === null || event.at < state.nextActionAt) return done(state);
      if (state.status === 'acknowledged') {
        // The acknowledgement lapsed: page again from the top.
        effects.push({ type: 'log', entry: { kind: 'ack_timeout' } });
        return done(fireFrom(policy, 0, 0, event.at, resolve, null, effects));
      }
      const last = state.step + 1 >= policy.steps.length;
      if (last && state.pass >= policy.repeat) {
        effects.push({ type: 'log', entry: { kind: 'exhausted', passes: state.pass + 1 } });
        return done({ ...state, nextActionAt: null });
      }
      return done(fireFrom(policy, state.step + 1, state.pass, event.at, resolve, null, effects));
    }

    case 'acknowledge':
      if (state.status === 'acknowledged') return done(state);
      effects.push({ type: 'log', entry: { kind: 'acknowledged', by: event.by } });
      effects.push({ type: 'cancel_pending_notifications' });
      return done({
        ...state,
        status: 'acknowledged',
        nextActionAt: policy.ackTimeoutSeconds === null ? null : event.at + policy.ackTimeoutSeconds * SECOND,
      });

    case 'resolve':
      effects.push({ type: 'log', entry: { kind: 'resolved', by: event.by } });
      effects.push({ type: 'cancel_pending_notifications' });
      return done({ ...state, status: 'resolved', nextActionAt: null });

    case 'escalate': {
      // A manual escalation re-triggers an acknowledged incident and wraps after the last step.
      const next = state.step + 1 >= policy.steps.length ? 0 : state.step + 1;
      return done(fireFrom(policy, next, state.pass, event.at, resolve, event.by, effects));
    }

    case 'reassign':
    case 'add_responders': {
      const userIds = event.type === 'reassign' ? [event.userId] : [...new Set(event.userIds)];
      effects.push({
        type: 'log',
        entry: event.type === 'reassign' ? { kind: 'reassigned', by: event.by, userId: event.userId } : { kind: 'responders_added', by: event.by, userIds },
      });
      effects.push({ type: 'notify', step: Math.max(state.step, 0), pass: state.pass, recipients: userIds.map((userId) => ({ kind: 'user', userId })) });
      // Paging someone on an acknowledged incident hands it over unacknowledged: escalation resumes.
      const resumeAt = state.status === 'acknowledged' ? event.at + waitBefore(policy, state.step + 1) * SECOND : state.nextActionAt;
      return done({ ...state, status: 'triggered', nextActionAt: resumeAt });
    }

    case 'snooze':
      // A snooze that ends before it starts would page at once: it is refused at the edge.
      if (event.until <= event.at) return done(state);
      effects.push({ type: 'log', entry: { kind: 'snoozed', by: event.by, until: event.until } });
      effects.push({ type: 'cancel_pending_notifications' });
      return done({ ...state, status: 'acknowledged', nextActionAt: event.until });
  }
}
