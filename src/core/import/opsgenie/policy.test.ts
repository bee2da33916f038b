import { describe, expect, it } from 'vitest';
import { mapPolicy } from './policy.js';
import type { OgEscalation, OgEscalationRule } from './types.js';

const rule = (minutes: number, recipient: OgEscalationRule['recipient'], extra: Partial<OgEscalationRule> = {}): OgEscalationRule => ({
  condition: 'if-not-acked',
  notifyType: 'default',
  delay: { timeAmount: minutes, timeUnit: 'minutes' },
  recipient,
  ...extra,
});
const escalation = (rules: OgEscalationRule[], extra: Partial<OgEscalation> = {}): OgEscalation => ({ id: 'e1', name: 'Ops', rules, ...extra });
const user = (id: string) => ({ type: 'user' as const, id });
const schedule = (id: string) => ({ type: 'schedule' as const, id, name: id });

describe('mapPolicy', () => {
  it("turns delays from the alert's creation into waits between steps; rules at the same delay share one", () => {
    const mapped = mapPolicy(escalation([rule(0, schedule('s1')), rule(10, user('bob')), rule(10, schedule('s2')), rule(30, user('carol'))]));
    expect(mapped.steps).toEqual([
      { waitSeconds: 0, targets: [{ type: 'schedule', sourceId: 's1' }] },
      { waitSeconds: 600, targets: [{ type: 'user', sourceId: 'bob' }, { type: 'schedule', sourceId: 's2' }] },
      { waitSeconds: 1200, targets: [{ type: 'user', sourceId: 'carol' }] },
    ]);
    expect(mapped.notes).toEqual([]);
  });

  it('orders rules by delay whatever their order in the list, in hours too', () => {
    expect(mapPolicy(escalation([rule(1, user('b'), { delay: { timeAmount: 1, timeUnit: 'hours' } }), rule(0, user('a'))])).steps.map((s) => [s.waitSeconds, s.targets[0]?.sourceId])).toEqual([
      [0, 'a'],
      [3600, 'b'],
    ]);
  });

  it("a repeat waits Opsgenie's waitInterval plus the first rule's delay before step 1 again", () => {
    const mapped = mapPolicy(escalation([rule(5, user('a')), rule(20, user('b'))], { repeat: { waitInterval: 10, count: 3 } }));
    expect(mapped.repeat).toBe(3);
    expect(mapped.steps.map((s) => s.waitSeconds)).toEqual([15 * 60, 15 * 60]);
    expect(mapped.notes).toEqual([{ subject: 'escalation "Ops"', reason: expect.stringContaining('first rule waits 5 minutes') }]);
  });

  it('a left-out rule hands its delay on: later rules fire when Opsgenie fires them', () => {
    const mapped = mapPolicy(escalation([rule(0, user('a')), rule(10, { type: 'team', id: 't', name: 'Ops team' }), rule(25, user('b'))]));
    expect(mapped.steps.map((s) => s.waitSeconds)).toEqual([0, 25 * 60]);
    expect(mapped.notes).toEqual([{ subject: 'escalation "Ops" rule 2', reason: expect.stringMatching(/^its recipient Ops team is a team: .*left out$/) }]);
  });

  it('reports notify types other than default and conditions other than if-not-acked', () => {
    const mapped = mapPolicy(escalation([rule(0, schedule('s1'), { notifyType: 'next' }), rule(5, user('a'), { condition: 'if-not-closed' })]));
    expect(mapped.steps).toEqual([{ waitSeconds: 0, targets: [{ type: 'user', sourceId: 'a' }] }]);
    expect(mapped.notes.map((n) => n.reason)).toEqual([
      expect.stringContaining("notifies the schedule's next on-call user"),
      expect.stringContaining('escalates if-not-closed'),
      expect.stringContaining('first rule waits 5 minutes'),
    ]);
  });

  it("caps at Vigil's limits and says so; nothing to page is reported", () => {
    const mapped = mapPolicy(escalation([rule(0, user('a')), rule(8 * 1440, user('b'))], { repeat: { waitInterval: 0, count: 50, closeAlertAfterAll: true } }));
    expect(mapped.repeat).toBe(20);
    expect(mapped.steps.map((s) => s.waitSeconds)).toEqual([0, 7 * 86400]);
    expect(mapped.notes.map((n) => n.reason)).toEqual([expect.stringContaining('shortened to a week'), expect.stringContaining('repeats 50 times'), expect.stringContaining('closes the alert')]);
    expect(mapPolicy(escalation([rule(0, { type: 'team', id: 't' })])).notes.at(-1)?.reason).toContain('no rule has a recipient Vigil can page');
  });
});
