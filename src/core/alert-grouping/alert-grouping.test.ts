import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFolds, takes } from './fold-plan.js';
import { groupOf } from './group-key.js';
import type { AlertGroup, Grouping, OpenGroupedIncident } from './types.js';

const MINUTE = 60_000;
const firing = (alertname: string, cluster?: string) => ({ status: 'firing', labels: { alertname, ...(cluster && { cluster }) }, notification: { groupLabels: { alertname } } });

describe('groupOf', () => {
  const byLabels: Grouping = { mode: 'labels', fields: ['labels.alertname', 'labels.cluster'] };

  it('keys an alert by the values of the chosen fields, named', () => {
    expect(groupOf(byLabels, firing('HighCPU', 'prod'))).toEqual({ key: '{"labels.alertname":"HighCPU","labels.cluster":"prod"}', windowMs: null });
    expect(groupOf(byLabels, firing('HighCPU', 'prod')).key).toBe(groupOf(byLabels, { ...firing('HighCPU', 'prod'), annotations: { summary: 'other' } }).key);
    expect(groupOf(byLabels, firing('HighCPU', 'prod')).key).not.toBe(groupOf(byLabels, firing('HighCPU', 'dev')).key);
  });

  it('a missing field is null: alerts missing it group together on it', () => {
    expect(groupOf(byLabels, firing('HighCPU')).key).toBe('{"labels.alertname":"HighCPU","labels.cluster":null}');
    expect(groupOf(byLabels, 'not an object').key).toBe('{"labels.alertname":null,"labels.cluster":null}');
  });

  it('reads the notification and numbers as rules do', () => {
    expect(groupOf({ mode: 'labels', fields: ['notification.groupLabels.alertname'] }, firing('Disk')).key).toBe('{"notification.groupLabels.alertname":"Disk"}');
    expect(groupOf({ mode: 'labels', fields: ['payload.custom_details.shard'] }, { payload: { custom_details: { shard: 7 } } }).key).toBe('{"payload.custom_details.shard":"7"}');
  });

  it('keeps alerts that must stay apart in groups of their own', () => {
    const routed = groupOf(byLabels, firing('HighCPU', 'prod'), { 'routed to policy': 'p1' });
    expect(routed.key).toBe('{"labels.alertname":"HighCPU","labels.cluster":"prod","routed to policy":"p1"}');
    expect(routed.key).not.toBe(groupOf(byLabels, firing('HighCPU', 'prod')).key);
  });

  it('window mode puts every alert in one group, with the window', () => {
    expect(groupOf({ mode: 'window', windowMinutes: 5 }, firing('A'))).toEqual({ key: '{}', windowMs: 5 * MINUTE });
    expect(groupOf({ mode: 'labels', fields: ['labels.alertname'], windowMinutes: 10 }, firing('A')).windowMs).toBe(10 * MINUTE);
  });
});

describe('planFolds', () => {
  const now = 100 * MINUTE;
  const group = (key: string, windowMinutes?: number): AlertGroup => ({ key, windowMs: windowMinutes === undefined ? null : windowMinutes * MINUTE });
  const open = (id: string, groupKey: string, minutesAgo: number): OpenGroupedIncident => ({ id, groupKey, triggeredAt: now - minutesAgo * MINUTE });

  it('folds into the open incident of the group, else the first alert of the group in the batch opens one', () => {
    const plan = planFolds([group('a'), group('b'), group('a'), group('c'), group('b')], [open('i1', 'a', 30)], now);
    expect(plan).toEqual([{ into: 'i1' }, { opener: 1 }, { into: 'i1' }, { opener: 3 }, { opener: 1 }]);
  });

  it('with a window, only into an incident that triggered within it, the newest of them', () => {
    const incidents = [open('old', '{}', 20), open('newer', '{}', 4), open('newest', '{}', 2)];
    expect(planFolds([group('{}', 5)], incidents, now)).toEqual([{ into: 'newest' }]);
    expect(planFolds([group('{}', 1)], incidents, now)).toEqual([{ opener: 0 }]);
    // The window's edge still takes it.
    expect(planFolds([group('{}', 20)], [open('edge', '{}', 20)], now)).toEqual([{ into: 'edge' }]);
  });

  it('ungrouped alerts each open their own incident, as before grouping', () => {
    expect(planFolds([undefined, undefined], [open('i1', '{}', 0)], now)).toEqual([{ opener: 0 }, { opener: 1 }]);
  });

  const keys = fc.constantFrom('a', 'b', 'c');
  const arbGroup = fc.record({ key: keys, windowMs: fc.option(fc.integer({ min: 1, max: 60 }).map((m) => m * MINUTE)) });
  const arbOpen = fc.uniqueArray(fc.record({ id: fc.uuid(), groupKey: keys, triggeredAt: fc.integer({ min: now - 120 * MINUTE, max: now }) }), { selector: (i) => i.id, maxLength: 8 });
  const arbBatch = fc.array(fc.option(arbGroup, { nil: undefined }), { maxLength: 30 });

  it('never puts alerts of different groups together, nor into an incident older than the window', () => {
    fc.assert(
      fc.property(arbBatch, arbOpen, (groups, incidents) => {
        const plan = planFolds(groups, incidents, now);
        const byId = new Map(incidents.map((i) => [i.id, i]));
        plan.forEach((fold, index) => {
          const group = groups[index];
          if ('into' in fold) {
            const incident = byId.get(fold.into) as OpenGroupedIncident;
            expect(group).toBeDefined();
            expect(incident.groupKey).toBe(group?.key);
            if (group !== undefined && group.windowMs !== null) expect(incident.triggeredAt).toBeGreaterThanOrEqual(now - group.windowMs);
          } else {
            // An opener opens for itself, comes first, and is of the same group.
            expect(fold.opener).toBeLessThanOrEqual(index);
            expect(plan[fold.opener]).toEqual({ opener: fold.opener });
            if (fold.opener !== index) expect(groups[fold.opener]?.key).toBe(group?.key);
          }
        });
      }),
    );
  });

  it('opens at most one incident per group, and only when no open incident takes the alert', () => {
    fc.assert(
      fc.property(arbBatch, arbOpen, (groups, incidents) => {
        const plan = planFolds(groups, incidents, now);
        const openers = plan.flatMap((fold, index) => ('opener' in fold && fold.opener === index ? [index] : []));
        const grouped = openers.filter((i) => groups[i] !== undefined).map((i) => groups[i]?.key);
        expect(new Set(grouped).size).toBe(grouped.length);
        for (const i of openers) {
          const group = groups[i];
          if (group) expect(incidents.some((incident) => takes(incident, group, now))).toBe(false);
        }
      }),
    );
  });

  it('ungrouped alerts are never folded by grouping', () => {
    fc.assert(
      fc.property(arbBatch, arbOpen, (groups, incidents) => {
        planFolds(groups, incidents, now).forEach((fold, index) => {
          if (groups[index] === undefined) expect(fold).toEqual({ opener: index });
        });
      }),
    );
  });
});
