import { describe, expect, it } from 'vitest';
import { mapPolicy } from './policy.js';
import type { GaEscalationPolicy } from './types.js';

const policy = (repeat: number, steps: [number, { id: string; type: string }[]][]): GaEscalationPolicy => ({
  id: 'ep',
  name: 'Ops',
  description: '',
  repeat,
  steps: steps.map(([delayMinutes, targets], i) => ({ id: `s${i}`, stepNumber: i, delayMinutes, targets: targets.map((t) => ({ ...t, name: t.id })) })),
});

describe('mapPolicy', () => {
  it("moves each step's delay onto the step it leads to; step 1 waits the last delay before a repeat", () => {
    const p = mapPolicy(policy(2, [[15, [{ id: 's', type: 'schedule' }]], [30, [{ id: 'u', type: 'user' }]]]));
    expect(p.repeat).toBe(2);
    expect(p.steps).toEqual([
      { waitSeconds: 1800, targets: [{ type: 'schedule', sourceId: 's' }] },
      { waitSeconds: 900, targets: [{ type: 'user', sourceId: 'u' }] },
    ]);
    expect(mapPolicy(policy(0, [[15, [{ id: 'u', type: 'user' }]]])).steps[0]?.waitSeconds).toBe(0);
  });

  it("a rotation pages its own schedule; a step with only other targets is left out and hands its wait on", () => {
    const p = mapPolicy(policy(0, [[10, [{ id: 'r', type: 'rotation' }]], [5, [{ id: 'C1', type: 'slackChannel' }]], [0, [{ id: 'u', type: 'user' }]]]));
    expect(p.steps).toEqual([
      { waitSeconds: 0, targets: [{ type: 'schedule', sourceId: 'rotation:r' }] },
      { waitSeconds: 900, targets: [{ type: 'user', sourceId: 'u' }] },
    ]);
    expect(p.notes.map((n) => n.reason)).toEqual([expect.stringContaining('type slackChannel has no Vigil equivalent'), 'has no target Vigil can page: left out']);
  });

  it("caps at Vigil's 20 repeats and a week's wait, saying so", () => {
    const p = mapPolicy(policy(25, [[20_000, [{ id: 'u', type: 'user' }]]]));
    expect(p.repeat).toBe(20);
    expect(p.steps[0]?.waitSeconds).toBe(7 * 86400);
    expect(p.notes).toHaveLength(2);
  });
});
