import { describe, expect, it } from 'vitest';
import { editLayer } from './layer-version.js';
import type { ScheduleHistory } from './history.js';
import { nextPrimary } from './next-primary.js';
import type { Layer, Override, Restriction } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = Date.parse('2026-01-05T00:00:00Z'); // a Monday

function layer(id: string, members: string[], restriction: Restriction = { kind: 'always' }, handoffTime = '09:00'): Layer {
  const draft = { timeZone: 'UTC', rotation: { kind: 'daily' as const, handoffTime }, restriction, members };
  return { id, name: id, versions: editLayer([], draft, t0) };
}

function history(layers: Layer[], overrides: Override[] = [], effectiveFrom = t0): ScheduleHistory {
  return { timeZone: 'UTC', layers, structures: [{ effectiveFrom, layerIds: layers.map((l) => l.id) }], overrides, fixedShifts: [] };
}

describe('nextPrimary', () => {
  it('is the next handoff to a different person', () => {
    const h = history([layer('A', ['ann', 'bob'])]);
    // ann from Monday 00:00 (the version start) until 09:00, then bob.
    expect(nextPrimary(h, t0 + HOUR)).toEqual({ userId: 'bob', start: t0 + 9 * HOUR });
    expect(nextPrimary(h, t0 + 9 * HOUR)).toEqual({ userId: 'ann', start: t0 + 33 * HOUR });
  });

  it('skips handoffs and layer changes that keep the same person', () => {
    // ann holds the business-hours layer and the always layer under it: one person all day.
    const h = history([layer('Day', ['ann'], { kind: 'business_hours' }), layer('Night', ['ann', 'ann', 'bob'])]);
    // On Night, ann has the turn in force at the start (to Monday 09:00) and the next; bob's
    // starts Tuesday 09:00, but Day keeps ann paged until 17:00.
    expect(nextPrimary(h, t0 + HOUR)).toEqual({ userId: 'bob', start: t0 + DAY + 17 * HOUR });
  });

  it('reports a coverage gap as nobody', () => {
    const h = history([layer('Day', ['ann'], { kind: 'business_hours' })]);
    expect(nextPrimary(h, t0 + 10 * HOUR)).toEqual({ userId: null, start: t0 + 17 * HOUR });
    // During the gap, the next person is whoever ends it.
    expect(nextPrimary(h, t0 + 18 * HOUR)).toEqual({ userId: 'ann', start: t0 + DAY + 9 * HOUR });
  });

  it('sees overrides that start later', () => {
    const cover: Override = { id: 'o', layerId: null, userId: 'cat', start: t0 + 3 * HOUR, end: t0 + 4 * HOUR, createdAt: t0 };
    expect(nextPrimary(history([layer('A', ['ann', 'bob'])], [cover]), t0 + HOUR)).toEqual({ userId: 'cat', start: t0 + 3 * HOUR });
  });

  it('finds a change weeks ahead, beyond the first windows', () => {
    const h = history([layer('A', ['ann'])], [{ id: 'o', layerId: 'A', userId: 'bob', start: t0 + 40 * DAY, end: t0 + 41 * DAY, createdAt: t0 }]);
    expect(nextPrimary(h, t0)).toEqual({ userId: 'bob', start: t0 + 40 * DAY });
  });

  it('is null when the same person stays on call throughout the horizon', () => {
    expect(nextPrimary(history([layer('A', ['ann'])]), t0)).toBeNull();
    expect(nextPrimary(history([layer('A', ['ann', 'bob'])]), t0, 5 * HOUR)).toBeNull();
  });

  it('before the schedule exists, is whoever is on call when it starts', () => {
    const h = history([layer('A', ['ann'])], [], t0 + 5 * HOUR);
    expect(nextPrimary(h, t0)).toEqual({ userId: 'ann', start: t0 + 5 * HOUR });
  });
});
