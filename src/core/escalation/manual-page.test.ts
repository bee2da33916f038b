import { describe, expect, it } from 'vitest';
import { initialState, transition } from './machine.js';
import { oneStepPolicy } from './manual-page.js';

describe('oneStepPolicy', () => {
  it('targets the user, team or schedule in one step that fires at once and never repeats', () => {
    expect(oneStepPolicy({ type: 'user', id: 'u1' }, 'p1', 'Page Ada')).toEqual({
      id: 'p1',
      name: 'Page Ada',
      steps: [{ waitSeconds: 0, targets: [{ type: 'user', userId: 'u1' }] }],
      repeat: 0,
      ackTimeoutSeconds: null,
    });
    expect(oneStepPolicy({ type: 'team', id: 't1' }, 'p', 'n').steps[0]?.targets).toEqual([{ type: 'team', teamId: 't1' }]);
    expect(oneStepPolicy({ type: 'schedule', id: 's1' }, 'p', 'n').steps[0]?.targets).toEqual([{ type: 'schedule', scheduleId: 's1' }]);
  });

  it('pages on trigger, and the next tick ends the policy at once', () => {
    const policy = oneStepPolicy({ type: 'user', id: 'ada' }, 'p', 'Page Ada');
    const { state, effects } = transition(policy, initialState, { type: 'trigger', at: 0, by: 'bob' }, (targets) =>
      targets.flatMap((t) => (t.type === 'user' ? [{ kind: 'user' as const, userId: t.userId }] : [])),
    );
    expect(effects.filter((e) => e.type === 'notify')).toEqual([{ type: 'notify', step: 0, pass: 0, recipients: [{ kind: 'user', userId: 'ada' }] }]);
    expect(state).toMatchObject({ status: 'triggered', step: 0, nextActionAt: 0 });
    const next = transition(policy, state, { type: 'tick', at: 0 }, () => []);
    expect(next.state.nextActionAt).toBeNull();
    expect(next.effects).toEqual([{ type: 'log', entry: { kind: 'exhausted', passes: 1 } }]);
  });
});
