import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialState, transition } from './machine.js';
import type { EscalationEvent, EscalationState, PolicySnapshot, Recipient, ResolveTargets, Target } from './types.js';

const MIN = 60_000;
const sched = (id: string): Target => ({ type: 'schedule', scheduleId: id });
// Schedules resolve to a fixed person here; L_EMPTY has nobody on call.
const people: Record<string, string | null> = { L1: 'alice', L2: 'bob', L3: 'carol', L_EMPTY: null };
const resolve: ResolveTargets = (targets) =>
  targets.flatMap((t): Recipient[] => {
    if (t.type === 'schedule') return people[t.scheduleId] ? [{ kind: 'user', userId: people[t.scheduleId] as string }] : [];
    if (t.type === 'user') return [{ kind: 'user', userId: t.userId }];
    return [];
  });

const policy = (steps: [number, Target[]][], repeat = 0, ackTimeoutSeconds: number | null = null): PolicySnapshot => ({
  id: 'p',
  name: 'p',
  steps: steps.map(([waitSeconds, targets]) => ({ waitSeconds, targets })),
  repeat,
  ackTimeoutSeconds,
});
const seed = policy([
  [900, [sched('L1')]],
  [900, [sched('L2')]],
]);

/** Runs events in order and collects who was notified when. */
function run(p: PolicySnapshot, events: EscalationEvent[]) {
  let state: EscalationState = initialState;
  const notified: [number, string][] = [];
  const log: string[] = [];
  for (const event of events) {
    const t = transition(p, state, event, resolve);
    state = t.state;
    for (const e of t.effects) {
      if (e.type === 'notify') for (const r of e.recipients) notified.push([event.at, r.kind === 'user' ? r.userId : 'channelId' in r ? r.channelId : r.url]);
      if (e.type === 'log') log.push(e.entry.kind);
    }
  }
  return { state, notified, log };
}
const tick = (at: number): EscalationEvent => ({ type: 'tick', at });

describe('escalation state machine', () => {
  it('runs the seed flow: L1 at once, L2 after 15 minutes without ack, then stops', () => {
    const r = run(seed, [{ type: 'trigger', at: 0 }, tick(14 * MIN), tick(15 * MIN), tick(30 * MIN), tick(45 * MIN)]);
    expect(r.notified).toEqual([
      [0, 'alice'],
      [15 * MIN, 'bob'],
    ]);
    expect(r.log).toEqual(['triggered', 'escalated', 'escalated', 'exhausted']);
    expect(r.state).toMatchObject({ status: 'triggered', nextActionAt: null });
  });

  it('stops escalating and cancels pending notifications on acknowledge', () => {
    const p = run(seed, [{ type: 'trigger', at: 0 }]);
    const ack = transition(seed, p.state, { type: 'acknowledge', at: 5 * MIN, by: 'alice' }, resolve);
    expect(ack.state).toMatchObject({ status: 'acknowledged', nextActionAt: null });
    expect(ack.effects).toContainEqual({ type: 'cancel_pending_notifications' });
    expect(transition(seed, ack.state, tick(15 * MIN), resolve).effects).toEqual([]);
  });

  it('ignores everything once resolved', () => {
    const r = run(seed, [{ type: 'trigger', at: 0 }, { type: 'resolve', at: MIN, by: null }, tick(15 * MIN), { type: 'escalate', at: 16 * MIN, by: 'x' }]);
    expect(r.notified).toEqual([[0, 'alice']]);
    expect(r.state.status).toBe('resolved');
  });

  it("repeats the policy, waiting step 1's wait before starting over", () => {
    const p = policy(
      [
        [600, [sched('L1')]],
        [300, [sched('L2')]],
      ],
      1,
    );
    const r = run(p, [{ type: 'trigger', at: 0 }, tick(5 * MIN), tick(15 * MIN), tick(20 * MIN), tick(30 * MIN)]);
    expect(r.notified).toEqual([
      [0, 'alice'],
      [5 * MIN, 'bob'],
      [15 * MIN, 'alice'],
      [20 * MIN, 'bob'],
    ]);
    expect(r.log.at(-1)).toBe('exhausted');
  });

  it('skips a step that reaches nobody at once, logging it', () => {
    const p = policy([
      [0, [sched('L_EMPTY')]],
      [900, [sched('L2')]],
    ]);
    const r = run(p, [{ type: 'trigger', at: 0 }]);
    expect(r.notified).toEqual([[0, 'bob']]);
    expect(r.log).toEqual(['triggered', 'step_skipped', 'escalated']);
  });

  it('is exhausted at once when every step reaches nobody, even with repeats', () => {
    const p = policy([[60, [sched('L_EMPTY')]]], 3);
    const r = run(p, [{ type: 'trigger', at: 0 }]);
    expect(r.notified).toEqual([]);
    expect(r.log.filter((l) => l === 'step_skipped')).toHaveLength(4);
    expect(r.log.at(-1)).toBe('exhausted');
    expect(r.state.nextActionAt).toBeNull();
  });

  it('returns an acknowledged incident to triggered when the ack times out', () => {
    const p = policy([[0, [sched('L1')]], [900, [sched('L2')]]], 0, 1800);
    const r = run(p, [{ type: 'trigger', at: 0 }, { type: 'acknowledge', at: MIN, by: 'alice' }, tick(30 * MIN), tick(31 * MIN), tick(46 * MIN)]);
    expect(r.log).toEqual(['triggered', 'escalated', 'acknowledged', 'ack_timeout', 'escalated', 'escalated']);
    expect(r.notified).toEqual([
      [0, 'alice'],
      [31 * MIN, 'alice'],
      [46 * MIN, 'bob'],
    ]);
  });

  it('escalates manually to the next step at once, wrapping after the last', () => {
    const r = run(seed, [{ type: 'trigger', at: 0 }, { type: 'escalate', at: MIN, by: 'alice' }, { type: 'escalate', at: 2 * MIN, by: 'bob' }]);
    expect(r.notified).toEqual([
      [0, 'alice'],
      [MIN, 'bob'],
      [2 * MIN, 'alice'],
    ]);
    expect(r.state.nextActionAt).toBe(2 * MIN + 900_000);
  });

  it('reassigns: pages the new person now and resumes escalation if it was acknowledged', () => {
    const r = run(seed, [
      { type: 'trigger', at: 0 },
      { type: 'acknowledge', at: MIN, by: 'alice' },
      { type: 'reassign', at: 2 * MIN, by: 'alice', userId: 'carol' },
    ]);
    expect(r.notified).toEqual([
      [0, 'alice'],
      [2 * MIN, 'carol'],
    ]);
    expect(r.state).toMatchObject({ status: 'triggered', nextActionAt: 2 * MIN + 900_000 });
  });

  it('adds responders: pages each of them once now, and resumes escalation if it was acknowledged', () => {
    const r = run(seed, [
      { type: 'trigger', at: 0 },
      { type: 'acknowledge', at: MIN, by: 'alice' },
      { type: 'add_responders', at: 2 * MIN, by: 'alice', userIds: ['carol', 'dave', 'carol'] },
    ]);
    expect(r.log.at(-1)).toBe('responders_added');
    expect(r.notified).toEqual([
      [0, 'alice'],
      [2 * MIN, 'carol'],
      [2 * MIN, 'dave'],
    ]);
    expect(r.state).toMatchObject({ status: 'triggered', nextActionAt: 2 * MIN + 900_000 });
  });

  it('snoozes: acknowledged until then, pending pages cancelled, then step 1 pages again', () => {
    const snoozed = transition(seed, transition(seed, initialState, { type: 'trigger', at: 0 }, resolve).state, { type: 'snooze', at: MIN, by: 'alice', until: 61 * MIN }, resolve);
    expect(snoozed.state).toMatchObject({ status: 'acknowledged', nextActionAt: 61 * MIN });
    expect(snoozed.effects.map((e) => e.type)).toEqual(['log', 'cancel_pending_notifications']);
    const r = run(seed, [{ type: 'trigger', at: 0 }, { type: 'snooze', at: MIN, by: 'alice', until: 61 * MIN }, tick(16 * MIN), tick(61 * MIN), tick(76 * MIN)]);
    expect(r.log).toEqual(['triggered', 'escalated', 'snoozed', 'ack_timeout', 'escalated', 'escalated']);
    expect(r.notified).toEqual([
      [0, 'alice'],
      [61 * MIN, 'alice'],
      [76 * MIN, 'bob'],
    ]);
  });

  it('a snooze that ends before it starts changes nothing', () => {
    const start = transition(seed, initialState, { type: 'trigger', at: 0 }, resolve).state;
    expect(transition(seed, start, { type: 'snooze', at: MIN, by: 'alice', until: MIN }, resolve)).toEqual({ state: start, effects: [] });
  });

  it('a tick before the due time changes nothing', () => {
    const start = transition(seed, initialState, { type: 'trigger', at: 0 }, resolve).state;
    expect(transition(seed, start, tick(10 * MIN), resolve)).toEqual({ state: start, effects: [] });
  });

  it('never notifies while acknowledged or after resolve, and never schedules into the past (property)', () => {
    const target = fc.constantFrom(sched('L1'), sched('L2'), sched('L_EMPTY'), { type: 'user' as const, userId: 'dave' });
    const arbPolicy = fc.record({
      steps: fc.array(fc.record({ waitSeconds: fc.integer({ min: 0, max: 3600 }), targets: fc.array(target, { maxLength: 2 }) }), { minLength: 1, maxLength: 4 }),
      repeat: fc.integer({ min: 0, max: 3 }),
      ackTimeoutSeconds: fc.option(fc.integer({ min: 60, max: 7200 }), { nil: null }),
    });
    const arbEvent = fc.oneof(
      fc.constant('tick' as const),
      fc.constant('acknowledge' as const),
      fc.constant('resolve' as const),
      fc.constant('escalate' as const),
      fc.constant('reassign' as const),
      fc.constant('add_responders' as const),
      fc.constant('snooze' as const),
    );
    fc.assert(
      fc.property(arbPolicy, fc.array(fc.tuple(arbEvent, fc.integer({ min: 0, max: 3600_000 })), { maxLength: 30 }), (pol, raw) => {
        const p: PolicySnapshot = { id: 'p', name: 'p', ...pol };
        let state = transition(p, initialState, { type: 'trigger', at: 0 }, resolve).state;
        let at = 0;
        /** Whether the current acknowledgement ends by itself: a snooze does. */
        let snoozed = false;
        for (const [kind, dt] of raw) {
          at += dt;
          const event: EscalationEvent =
            kind === 'tick'
              ? { type: 'tick', at: Math.max(at, state.nextActionAt ?? at) }
              : kind === 'reassign'
                ? { type: kind, at, by: 'u', userId: 'erin' }
                : kind === 'add_responders'
                  ? { type: kind, at, by: 'u', userIds: ['erin', 'dave'] }
                  : kind === 'snooze'
                    ? { type: kind, at, by: 'u', until: at + dt + 1 }
                    : { type: kind, at, by: 'u' };
          at = event.at;
          const before = state;
          const t = transition(p, before, event, resolve);
          const notifies = t.effects.filter((e) => e.type === 'notify');
          if (before.status === 'resolved') expect(t.effects).toEqual([]);
          if (before.status === 'acknowledged' && event.type === 'tick' && p.ackTimeoutSeconds === null && !snoozed) expect(notifies).toEqual([]);
          if (event.type === 'acknowledge' || event.type === 'resolve' || event.type === 'snooze') expect(notifies).toEqual([]);
          if (event.type === 'snooze' && before.status !== 'resolved') expect(t.state).toMatchObject({ status: 'acknowledged', nextActionAt: event.until });
          if (event.type === 'snooze' && before.status !== 'resolved') snoozed = true;
          if (event.type === 'acknowledge' && before.status !== 'acknowledged') snoozed = false;
          if (t.state.nextActionAt !== null && t.state.nextActionAt !== before.nextActionAt) expect(t.state.nextActionAt).toBeGreaterThanOrEqual(at);
          if (t.state.status === 'resolved') expect(t.state.nextActionAt).toBeNull();
          state = t.state;
        }
      }),
      { numRuns: 300 },
    );
  });
});
