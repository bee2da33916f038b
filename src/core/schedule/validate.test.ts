import { describe, expect, it } from 'vitest';
import { compileVersion, nextLayerVersion } from './layer-version.js';
import type { LayerDraft } from './types.js';
import { validateLayerDraft } from './validate.js';

const ok: LayerDraft = { timeZone: 'Europe/London', rotation: { kind: 'daily', handoffTime: '09:00', days: [1, 5] }, restriction: { kind: 'business_hours' }, members: ['ann'] };

describe('validateLayerDraft', () => {
  it('accepts a valid draft, which then compiles', () => {
    expect(validateLayerDraft(ok)).toEqual([]);
    expect(() => compileVersion(nextLayerVersion([], ok, 0))).not.toThrow();
  });

  it('accepts monthly days 1 to 31 and names a bad day or time', () => {
    const monthly = (handoffDay: number, handoffTime = '09:00'): LayerDraft => ({ ...ok, rotation: { kind: 'monthly', handoffDay, handoffTime } });
    expect(validateLayerDraft(monthly(1))).toEqual([]);
    expect(validateLayerDraft(monthly(31))).toEqual([]);
    for (const day of [0, 32, 2.5]) expect(validateLayerDraft(monthly(day)).map((p) => p.path)).toEqual(['rotation.handoffDay']);
    expect(validateLayerDraft(monthly(15, '9:00')).map((p) => p.path)).toEqual(['rotation.handoffTime']);
  });

  it('reports every problem with its path', () => {
    const bad = {
      timeZone: 'Mars/Olympus',
      rotation: { kind: 'daily', handoffTime: '24:00', days: [0, 3] },
      restriction: { kind: 'custom', windows: [{ startDay: 1, startTime: '9:00', endDay: 8, endTime: '17:00' }] },
      members: ['ann', ''],
    } as unknown as LayerDraft;
    expect(validateLayerDraft(bad).map((p) => p.path)).toEqual([
      'timeZone',
      'rotation.handoffTime',
      'rotation.days[0]',
      'restriction.windows[0].startTime',
      'restriction.windows[0].endDay',
      'members[1]',
    ]);
  });

  it('checks custom rotations and weekly handoff days', () => {
    const custom = { ...ok, rotation: { kind: 'custom', every: 1.5, unit: 'months', anchor: '2024-02-30T09:00' } } as unknown as LayerDraft;
    expect(validateLayerDraft(custom).map((p) => p.path)).toEqual(['rotation.every', 'rotation.unit', 'rotation.anchor']);
    const weekly = { ...ok, rotation: { kind: 'weekly', handoffDay: 9, handoffTime: '10:00' } } as unknown as LayerDraft;
    expect(validateLayerDraft(weekly).map((p) => p.path)).toEqual(['rotation.handoffDay']);
    expect(validateLayerDraft({ ...ok, rotation: { kind: 'daily', handoffTime: '09:00', days: [] } }).map((p) => p.path)).toEqual(['rotation.days']);
  });

  it('daily windows: days, times, and an end equal to the start is refused at endTime', () => {
    const daily = (startTime: string, endTime: string, days = [1, 2, 3, 4, 5]) =>
      ({ ...ok, restriction: { kind: 'daily', windows: [{ days, startTime, endTime }] } }) as LayerDraft;
    expect(validateLayerDraft(daily('09:00', '17:00'))).toEqual([]);
    expect(validateLayerDraft(daily('22:00', '06:00'))).toEqual([]);
    const equal = validateLayerDraft(daily('08:00', '08:00'));
    expect(equal).toEqual([{ path: 'restriction.windows[0].endTime', message: expect.stringContaining('ambiguous') }]);
    expect(validateLayerDraft(daily('9:00', '17:00', [0, 3])).map((p) => p.path)).toEqual(['restriction.windows[0].days[0]', 'restriction.windows[0].startTime']);
    expect(validateLayerDraft(daily('09:00', '17:00', [])).map((p) => p.path)).toEqual(['restriction.windows[0].days']);
  });

  it('a new weekly window that ends when it starts is refused; one the layer already has is kept', () => {
    const week = { startDay: 3, startTime: '10:00', endDay: 3, endTime: '10:00' } as const;
    const other = { startDay: 1, startTime: '09:00', endDay: 1, endTime: '17:00' } as const;
    const draft: LayerDraft = { ...ok, restriction: { kind: 'custom', windows: [other, week] } };
    expect(validateLayerDraft(draft)).toEqual([{ path: 'restriction.windows[1].endTime', message: expect.stringContaining('ambiguous') }]);
    expect(validateLayerDraft(draft, { kind: 'custom', windows: [{ ...week }] })).toEqual([]);
    expect(validateLayerDraft(draft, { kind: 'custom', windows: [{ ...week, startTime: '11:00', endTime: '11:00' }] })).toHaveLength(1);
    // Same time on different days is an ordinary window of almost a week.
    expect(validateLayerDraft({ ...ok, restriction: { kind: 'custom', windows: [{ ...week, endDay: 4 }] } })).toEqual([]);
  });
});
