import { describe, expect, it } from 'vitest';
import { mapPolicy } from './policy.js';
import type { PdEscalationPolicy } from './types.js';

const policy = (num_loops: number, rules: [number, { id: string; type: string }[]][]): PdEscalationPolicy => ({
  id: 'P1',
  type: 'escalation_policy',
  name: 'Ops',
  description: null,
  num_loops,
  teams: [],
  escalation_rules: rules.map(([delay, targets], i) => ({ id: `R${i}`, escalation_delay_in_minutes: delay, targets })),
});
const schedule = { id: 'S1', type: 'schedule_reference' };
const user = { id: 'U1', type: 'user_reference' };

describe('mapPolicy', () => {
  it("puts each rule's delay on the step it leads to, and the last one's on step 1 as the pause before a loop", () => {
    const mapped = mapPolicy(policy(2, [[15, [schedule]], [30, [user, schedule]]]));
    expect(mapped.repeat).toBe(2);
    expect(mapped.steps).toEqual([
      { waitSeconds: 1800, targets: [{ type: 'schedule', sourceId: 'S1' }] },
      { waitSeconds: 900, targets: [{ type: 'user', sourceId: 'U1' }, { type: 'schedule', sourceId: 'S1' }] },
    ]);
    expect(mapped.notes).toEqual([]);
  });

  it('without loops, step 1 fires at once and has no pause', () => {
    expect(mapPolicy(policy(0, [[10, [schedule]], [5, [user]]])).steps.map((s) => s.waitSeconds)).toEqual([0, 600]);
  });

  it('a target of another kind is reported, and a rule left without targets hands its wait on', () => {
    const mapped = mapPolicy(policy(0, [[10, [user]], [20, [{ id: 'X', type: 'escalation_policy_reference' }]], [5, [schedule]]]));
    expect(mapped.steps.map((s) => s.waitSeconds)).toEqual([0, 1800]);
    expect(mapped.notes.map((n) => n.subject)).toEqual(['escalation policy "Ops" rule 2', 'escalation policy "Ops" rule 2']);
  });

  it('keeps to Vigil limits and says so', () => {
    const mapped = mapPolicy(policy(30, [[20_000, [user]]]));
    expect(mapped.repeat).toBe(20);
    expect(mapped.steps[0]?.waitSeconds).toBe(7 * 86400);
    expect(mapped.notes).toHaveLength(2);
  });
});
