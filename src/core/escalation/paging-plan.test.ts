import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resolution } from '../schedule/types.js';
import { initialState, transition } from './machine.js';
import { pagingPlan, recipientsOf, type ChannelKind, type PagingPlan, type Person, type PlanPolicy, type PlanWorld } from './paging-plan.js';
import type { EscalationState, Instant, Recipient, Target } from './types.js';

const MIN = 60_000;
const T = Date.UTC(2026, 2, 2, 12);
const all = new Set<ChannelKind>(['email', 'sms', 'voice', 'webhook', 'slack']);

const onCall = (userId: string | null, shadows: string[] = []): Resolution => ({
  primary: userId ? { userId, layerId: 'l1', source: 'rotation' } : null,
  shadows,
  layers: [{ layerId: 'l1', userId, source: userId ? 'rotation' : 'none', active: true, shadows, until: Infinity }],
  until: Infinity,
});

/** Alice: email at once, SMS after 2 minutes. Bob: SMS at once. */
const alice: Person = {
  id: 'alice',
  name: 'Alice',
  methods: [
    { id: 'a-mail', kind: 'email', label: 'work', verified: true },
    { id: 'a-sms', kind: 'sms', label: 'phone', verified: true },
  ],
  rules: [
    { id: 'a2', contactMethodId: 'a-sms', delaySeconds: 120 },
    { id: 'a1', contactMethodId: 'a-mail', delaySeconds: 0 },
  ],
};
const bob: Person = { id: 'bob', name: 'Bob', methods: [{ id: 'b-sms', kind: 'sms', label: '', verified: true }], rules: [{ id: 'b1', contactMethodId: 'b-sms', delaySeconds: 0 }] };

function world(overrides: Partial<PlanWorld> & { people?: Person[]; schedules?: Record<string, string | null> } = {}): PlanWorld {
  const people = new Map((overrides.people ?? [alice, bob]).map((p) => [p.id, p]));
  const schedules = overrides.schedules ?? { L1: 'alice', L2: 'bob', EMPTY: null };
  return {
    schedule: (id) => (id in schedules ? onCall(schedules[id] ?? null) : null),
    team: () => null,
    person: (id) => people.get(id),
    configured: all,
    ...overrides,
  };
}

const sched = (scheduleId: string): Target => ({ type: 'schedule', scheduleId });
const policy = (steps: [number, Target[]][], repeat = 0): PlanPolicy => ({ steps: steps.map(([waitSeconds, targets]) => ({ waitSeconds, targets })), repeat });
const codes = (plan: PagingPlan) => plan.warnings.map((w) => `${w.step}:${w.code}`);

describe('paging plan', () => {
  it('times each step after the waits before it, and each rule after its delay', () => {
    const plan = pagingPlan(
      policy([
        [900, [sched('L1')]],
        [900, [sched('L2')]],
      ]),
      T,
      world(),
    );
    expect(plan.steps.map((s) => [s.index, s.at - T, s.skipped, s.reachable])).toEqual([
      [0, 0, false, true],
      [1, 15 * MIN, false, true],
    ]);
    expect(plan.steps[0]?.recipients).toEqual([
      {
        kind: 'user',
        userId: 'alice',
        name: 'Alice',
        reachable: true,
        notifications: [
          { ruleId: 'a1', contactMethodId: 'a-mail', kind: 'email', label: 'work', delaySeconds: 0, at: T, status: 'pages' },
          { ruleId: 'a2', contactMethodId: 'a-sms', kind: 'sms', label: 'phone', delaySeconds: 120, at: T + 2 * MIN, status: 'pages' },
        ],
      },
    ]);
    expect(plan.steps[0]?.targets).toEqual([{ target: sched('L1'), userIds: ['alice'] }]);
    expect(plan.warnings).toEqual([]);
    expect(plan.repeats).toEqual([]);
    // Step 1's wait precedes exhaustion, as it would precede a repeat.
    expect(plan.exhaustedAt - T).toBe(30 * MIN);
  });

  it('warns that nobody is on call and the step is skipped, and fires the next one at once', () => {
    const plan = pagingPlan(
      policy([
        [0, [sched('EMPTY')]],
        [600, [sched('L2')]],
      ]),
      T,
      world(),
    );
    expect(plan.steps.map((s) => [s.at - T, s.skipped])).toEqual([
      [0, true],
      [0, false],
    ]);
    expect(codes(plan)).toEqual(['0:nobody_on_call', '0:step_skipped']);
    expect(plan.warnings[0]).toMatchObject({ target: 0, message: 'Nobody is on call here at that time' });
  });

  it('warns about a person with no verified contact method, who is still notified (and reached by nothing)', () => {
    const carol: Person = { id: 'carol', name: 'Carol', methods: [{ id: 'c', kind: 'email', label: '', verified: false }], rules: [{ id: 'c1', contactMethodId: 'c', delaySeconds: 0 }] };
    const plan = pagingPlan(
      policy([
        [0, [{ type: 'user', userId: 'carol' }]],
        [600, [sched('L2')]],
      ]),
      T,
      world({ people: [carol, bob] }),
    );
    expect(codes(plan)).toEqual(['0:no_verified_contact_method', '0:step_unreached']);
    // Nothing could be sent, so the engine does not wait 10 minutes before step 2.
    expect(plan.steps.map((s) => [s.at - T, s.nextAfterSeconds])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(plan.warnings[0]).toMatchObject({ userId: 'carol', message: 'Carol has no verified contact method: nothing reaches them' });
    expect(plan.steps[0]).toMatchObject({ skipped: false, reachable: false });
    expect(plan.steps[0]?.recipients[0]).toMatchObject({ reachable: false, notifications: [{ status: 'unverified' }] });
  });

  it('warns about a person whose verified methods have no notification rule', () => {
    const dave: Person = {
      id: 'dave',
      name: 'Dave',
      methods: [
        { id: 'd1', kind: 'email', label: '', verified: true },
        { id: 'd2', kind: 'sms', label: '', verified: false },
      ],
      rules: [{ id: 'r', contactMethodId: 'd2', delaySeconds: 0 }],
    };
    const plan = pagingPlan(policy([[0, [{ type: 'user', userId: 'dave' }]]]), T, world({ people: [dave] }));
    expect(codes(plan)).toEqual(['0:no_notification_rule', '0:step_unreached']);
    expect(plan.steps[0]?.reachable).toBe(false);
  });

  it('plans a high-urgency incident: rules for low urgency only are passed over', () => {
    const erin: Person = {
      id: 'erin',
      name: 'Erin',
      methods: [
        { id: 'e-mail', kind: 'email', label: '', verified: true },
        { id: 'e-sms', kind: 'sms', label: '', verified: true },
      ],
      rules: [
        { id: 'low', contactMethodId: 'e-mail', delaySeconds: 0, urgency: 'low' },
        { id: 'high', contactMethodId: 'e-sms', delaySeconds: 60, urgency: 'high' },
      ],
    };
    const plan = pagingPlan(policy([[0, [{ type: 'user', userId: 'erin' }]]]), T, world({ people: [erin] }));
    expect(plan.steps[0]?.recipients[0]).toMatchObject({ reachable: true, notifications: [{ ruleId: 'high', delaySeconds: 60 }] });
    const lowOnly = { ...erin, rules: [erin.rules[0] as (typeof erin.rules)[number]] };
    expect(codes(pagingPlan(policy([[0, [{ type: 'user', userId: 'erin' }]]]), T, world({ people: [lowOnly] })))).toEqual(['0:no_notification_rule', '0:step_unreached']);
  });

  it('warns about channels this server cannot send on, once per person and channel', () => {
    const emailOnly = new Set<ChannelKind>(['email', 'webhook', 'slack']);
    const plan = pagingPlan(policy([[0, [sched('L1'), sched('L2')]]]), T, world({ configured: emailOnly }));
    expect(plan.warnings).toEqual([
      { code: 'channel_not_configured', step: 0, userId: 'alice', channel: 'sms', message: 'Alice has a notification rule by sms, but this server has no sms channel configured' },
      { code: 'channel_not_configured', step: 0, userId: 'bob', channel: 'sms', message: 'Bob has a notification rule by sms, but this server has no sms channel configured' },
    ]);
    // Alice's email still reaches her; Bob has nothing that works.
    expect(plan.steps[0]?.recipients.map((r) => r.reachable)).toEqual([true, false]);
    const hook = pagingPlan(policy([[0, [{ type: 'slack', url: 'https://hooks.example/x' }]]]), T, world({ configured: new Set(['email']) }));
    expect(codes(hook)).toEqual(['0:channel_not_configured', '0:step_unreached']);
    expect(hook.steps[0]).toMatchObject({ skipped: false, reachable: false });
  });

  it('plans a Slack channel step as reaching the channel once the Slack app is configured, and warns before', () => {
    const steps = policy([[0, [{ type: 'slack_channel', channelId: 'C0OPS1234' }, { type: 'slack_channel', channelId: 'C0OPS1234' }]]]);
    const configured = pagingPlan(steps, T, world({ configured: new Set<ChannelKind>(['email', 'slack_channel', 'slack_dm']) }));
    expect(configured.steps[0]?.recipients).toEqual([{ kind: 'slack_channel', channelId: 'C0OPS1234', at: T, reachable: true }]);
    expect(configured.warnings).toEqual([]);
    const without = pagingPlan(steps, T, world({ configured: new Set(['email']) }));
    expect(codes(without)).toEqual(['0:channel_not_configured', '0:step_unreached']);
    expect(without.warnings[0]).toMatchObject({ channel: 'slack_channel' });
  });

  it('moves on as soon as the last page bound to fail (no such channel) has failed', () => {
    const twice: Person = { ...bob, rules: [...bob.rules, { id: 'b2', contactMethodId: 'b-sms', delaySeconds: 180 }] };
    const plan = pagingPlan(
      policy([
        [0, [{ type: 'user', userId: 'bob' }]],
        [900, [sched('L1')]],
      ]),
      T,
      world({ people: [alice, twice], configured: new Set(['email']) }),
    );
    expect(plan.steps.map((s) => [s.at - T, s.reachable])).toEqual([
      [0, false],
      [3 * MIN, true],
    ]);
  });

  it('warns about targets that no longer exist and teams without members', () => {
    const plan = pagingPlan(
      policy([
        [
          0,
          [
            sched('GONE'),
            { type: 'schedule_layer', scheduleId: 'L1', layerId: 'removed' },
            { type: 'user', userId: 'nobody' },
            { type: 'team', teamId: 'gone' },
            { type: 'team', teamId: 'empty' },
          ],
        ],
      ]),
      T,
      world({ team: (id) => (id === 'empty' ? [] : null) }),
    );
    expect(plan.warnings.map((w) => `${w.target ?? '-'}:${w.code}`)).toEqual(['0:target_missing', '1:target_missing', '2:target_missing', '3:target_missing', '4:team_empty', '-:step_skipped']);
  });

  it('pages a webhook or Slack target at the step instant, and a team member only once per step', () => {
    const plan = pagingPlan(
      policy([[0, [{ type: 'webhook', url: 'https://hooks.example/a' }, { type: 'team', teamId: 't' }, { type: 'user', userId: 'bob' }]]]),
      T,
      world({ team: () => ['bob', 'alice'] }),
    );
    expect(plan.steps[0]?.recipients.map((r) => (r.kind === 'user' ? r.userId : `${r.kind}@${r.at - T}`))).toEqual(['webhook@0', 'bob', 'alice']);
  });

  it('pages the shadows of a schedule or layer with their own notification rules, alongside the person on call', () => {
    const shadowed = world({ schedule: () => onCall('alice', ['bob']) });
    for (const target of [sched('L1'), { type: 'schedule_layer', scheduleId: 'L1', layerId: 'l1' } as Target, { type: 'schedule_all_layers', scheduleId: 'L1' } as Target]) {
      const step = pagingPlan(policy([[0, [target]]]), T, shadowed).steps[0]!;
      expect(step.recipients.map((r) => r.kind === 'user' && [r.userId, r.notifications.map((n) => [n.kind, n.at - T])])).toEqual([
        ['alice', [['email', 0], ['sms', 2 * MIN]]],
        ['bob', [['sms', 0]]],
      ]);
    }
  });

  it('lists when each repeat starts: step 1 waits before each', () => {
    const plan = pagingPlan(
      policy(
        [
          [300, [sched('L1')]],
          [600, [sched('L2')]],
        ],
        2,
      ),
      T,
      world(),
    );
    expect(plan.repeats.map((r) => [r.pass, (r.at - T) / MIN])).toEqual([
      [1, 15],
      [2, 30],
    ]);
    expect((plan.exhaustedAt - T) / MIN).toBe(45);
  });
});

// ─── Properties ────────────────────────────────────────────────────────────────

const userIds = ['u0', 'u1', 'u2', 'u3'];
/** A schedule whose on-call changes with time (with gaps), so skips depend on the instant. */
const rotating = (period: number, offset: number) => (at: Instant) => {
  const turn = Math.floor((at - T) / (period * MIN)) + offset;
  return turn % 3 === 2 ? null : (userIds[turn % userIds.length] as string);
};

const targetArb: fc.Arbitrary<Target> = fc.oneof(
  fc.constantFrom('S0', 'S1', 'S2').map(sched),
  fc.constantFrom(...userIds, 'ghost').map((userId): Target => ({ type: 'user', userId })),
  fc.constantFrom('T0', 'T_EMPTY').map((teamId): Target => ({ type: 'team', teamId })),
  fc.constant<Target>({ type: 'webhook', url: 'https://hooks.example/w' }),
);
const policyArb: fc.Arbitrary<PlanPolicy> = fc.record({
  steps: fc.array(fc.record({ waitSeconds: fc.integer({ min: 0, max: 3600 }), targets: fc.array(targetArb, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 5 }),
  repeat: fc.integer({ min: 0, max: 3 }),
});
const personArb = (id: string): fc.Arbitrary<Person> =>
  fc
    .array(fc.record({ kind: fc.constantFrom<ChannelKind>('email', 'sms', 'voice'), verified: fc.boolean(), delaySeconds: fc.integer({ min: 0, max: 900 }) }), { maxLength: 3 })
    .map((methods) => ({
      id,
      name: id,
      methods: methods.map((m, i) => ({ id: `${id}-m${i}`, kind: m.kind, label: '', verified: m.verified })),
      rules: methods.map((m, i) => ({ id: `${id}-r${i}`, contactMethodId: `${id}-m${i}`, delaySeconds: m.delaySeconds })),
    }));
const worldArb: fc.Arbitrary<PlanWorld> = fc
  .record({
    people: fc.tuple(...userIds.map(personArb)),
    periods: fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 })),
    configured: fc.subarray<ChannelKind>(['email', 'sms', 'voice', 'webhook', 'slack']),
  })
  .map(({ people, periods, configured }) => {
    const byId = new Map(people.map((p) => [p.id, p]));
    return {
      schedule: (id: string, at: Instant) => onCall(rotating(periods[Number(id.slice(1))] ?? 1, Number(id.slice(1)))(at)),
      team: (id: string) => (id === 'T0' ? ['u1', 'u2'] : []),
      person: (id: string) => byId.get(id),
      configured: new Set(configured),
    };
  });

/**
 * What the engine sends for a step's recipients (apply-transition.ts): each rule on a
 * verified method, each channel target; `sent` when this server has the channel.
 */
function pagesOf(recipients: Recipient[], w: PlanWorld) {
  return recipients.flatMap((r) => {
    if (r.kind !== 'user') return [{ after: 0, sent: w.configured.has(r.kind) }];
    const person = w.person(r.userId);
    const verified = new Map((person?.methods ?? []).filter((m) => m.verified).map((m) => [m.id, m]));
    return (person?.rules ?? []).flatMap((rule) => {
      const method = verified.get(rule.contactMethodId);
      return method ? [{ after: rule.delaySeconds, sent: w.configured.has(method.kind) }] : [];
    });
  });
}

/**
 * Drives the real state machine with no acknowledgement, plus the engine's rules around it
 * for a step that reaches nobody (apply-transition.ts, unreached.ts): nothing sent, the
 * next step is due at once; everything sent bound to fail, it is due when the last fails.
 * Returns every instant a step fires or is skipped, and when the policy is exhausted.
 */
function machineRun(p: PlanPolicy, w: PlanWorld) {
  const snapshot = { id: 'p', name: 'p', ackTimeoutSeconds: null, ...p };
  const resolve = (targets: Target[], at: Instant) => recipientsOf(targets, w, at);
  const steps: { step: number; pass: number; at: Instant; skipped: boolean }[] = [];
  let exhaustedAt: Instant | null = null;
  let state: EscalationState = initialState;
  let event: { type: 'trigger' | 'tick'; at: Instant } | null = { type: 'trigger', at: T };
  while (event) {
    const { at } = event;
    const result = transition(snapshot, state, event, resolve);
    state = result.state;
    for (const e of result.effects) {
      if (e.type === 'notify' && state.nextActionAt !== null && state.nextActionAt > at) {
        const pages = pagesOf(e.recipients, w);
        if (pages.length === 0) state = { ...state, nextActionAt: at };
        else if (!pages.some((x) => x.sent)) state = { ...state, nextActionAt: Math.min(state.nextActionAt, at + Math.max(...pages.map((x) => x.after)) * 1000) };
      }
      if (e.type !== 'log') continue;
      if (e.entry.kind === 'escalated' || e.entry.kind === 'step_skipped') steps.push({ step: e.entry.step, pass: e.entry.pass, at, skipped: e.entry.kind === 'step_skipped' });
      if (e.entry.kind === 'exhausted') exhaustedAt = at;
    }
    event = state.nextActionAt === null ? null : { type: 'tick', at: state.nextActionAt };
  }
  return { steps, exhaustedAt };
}

describe('paging plan properties', () => {
  it('instants never go backwards: steps, their notifications, repeats, exhaustion', () => {
    fc.assert(
      fc.property(policyArb, worldArb, (p, w) => {
        const plan = pagingPlan(p, T, w);
        const instants = [T, ...plan.steps.map((s) => s.at), ...plan.repeats.map((r) => r.at), plan.exhaustedAt];
        for (let i = 1; i < instants.length; i++) expect(instants[i]).toBeGreaterThanOrEqual(instants[i - 1] as number);
        for (const step of plan.steps) {
          for (const r of step.recipients) {
            if (r.kind === 'user') for (const n of r.notifications) expect(n.at).toBe(step.at + n.delaySeconds * 1000);
            else expect(r.at).toBe(step.at);
          }
        }
      }),
    );
  });

  it('fires and skips exactly when the engine does', () => {
    fc.assert(
      fc.property(policyArb, worldArb, (p, w) => {
        const plan = pagingPlan(p, T, w);
        const run = machineRun(p, w);
        expect(plan.steps.map((s) => ({ step: s.index, pass: 0, at: s.at, skipped: s.skipped }))).toEqual(run.steps.filter((s) => s.pass === 0));
        const passStarts = run.steps.filter((s) => s.pass > 0 && s.step === 0).map((s) => ({ pass: s.pass, at: s.at }));
        expect(plan.repeats).toEqual(passStarts);
        expect(plan.exhaustedAt).toBe(run.exhaustedAt);
      }),
    );
  });

  it('warns step_skipped exactly for steps without recipients, and calls a step reachable only if something would page', () => {
    fc.assert(
      fc.property(policyArb, worldArb, (p, w) => {
        const plan = pagingPlan(p, T, w);
        for (const step of plan.steps) {
          const skippedWarning = plan.warnings.some((x) => x.step === step.index && x.code === 'step_skipped');
          expect(skippedWarning).toBe(step.recipients.length === 0);
          const pages = step.recipients.some((r) => (r.kind === 'user' ? r.notifications.some((n) => n.status === 'pages') : w.configured.has(r.kind)));
          expect(step.reachable).toBe(pages);
          const unreachedWarning = plan.warnings.some((x) => x.step === step.index && x.code === 'step_unreached');
          expect(unreachedWarning).toBe(!step.skipped && !step.reachable);
          // Anyone reached by nothing has a warning saying why.
          for (const r of step.recipients) {
            if (r.kind === 'user' && !r.reachable) expect(plan.warnings.some((x) => x.step === step.index && x.userId === r.userId)).toBe(true);
          }
        }
      }),
    );
  });
});
