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
});
