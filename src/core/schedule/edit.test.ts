import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { applyEdit, draftAt, layerIdsAt } from './edit.js';
import { resolveHistoryAt, type ScheduleHistory } from './history.js';
import type { LayerDraft } from './types.js';

const HOUR = 3_600_000;
const t0 = Date.parse('2026-01-05T00:00:00Z');
const draft = (members: string[]): LayerDraft => ({
  timeZone: 'UTC',
  rotation: { kind: 'daily', handoffTime: '09:00' },
  restriction: { kind: 'always' },
  members,
});
const empty: ScheduleHistory = { timeZone: 'UTC', layers: [], structures: [], overrides: [], fixedShifts: [] };

function twoLayers(): ScheduleHistory {
  const a = applyEdit(empty, { kind: 'add_layer', layerId: 'A', name: 'Primary', draft: draft(['alice', 'ann']) }, t0).history;
  return applyEdit(a, { kind: 'add_layer', layerId: 'B', name: 'Backup', draft: draft(['bob']) }, t0).history;
}

describe('applyEdit', () => {
  it('adds layers at the bottom from the edit time on', () => {
    const h = twoLayers();
    expect(layerIdsAt(h, t0)).toEqual(['A', 'B']);
    expect(layerIdsAt(h, t0 - 1)).toEqual([]);
    expect(h.structures).toHaveLength(1);
  });

  it('reorders from the edit time and keeps the past', () => {
    const r = applyEdit(twoLayers(), { kind: 'reorder_layers', layerIds: ['B', 'A'] }, t0 + 2 * HOUR);
    expect(r.structure).toEqual({ effectiveFrom: t0 + 2 * HOUR, layerIds: ['B', 'A'] });
    expect(resolveHistoryAt(r.history, t0 + HOUR).primary?.userId).toBe('alice');
    expect(resolveHistoryAt(r.history, t0 + 2 * HOUR).primary?.userId).toBe('bob');
  });

  it('rejects an order that is not a permutation of the current layers', () => {
    const attempt = () => applyEdit(twoLayers(), { kind: 'reorder_layers', layerIds: ['A'] }, t0);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (err) {
      expect((err as AppError).errors[0]?.path).toBe('/body/layerIds');
    }
  });

  it('removes a layer but never the last one', () => {
    const r = applyEdit(twoLayers(), { kind: 'remove_layer', layerId: 'A' }, t0 + HOUR);
    expect(layerIdsAt(r.history, t0 + HOUR)).toEqual(['B']);
    expect(resolveHistoryAt(r.history, t0).primary?.userId).toBe('alice');
    expect(() => applyEdit(r.history, { kind: 'remove_layer', layerId: 'B' }, t0 + 2 * HOUR)).toThrow(
      expect.objectContaining({ code: 'last_layer' }),
    );
  });

  it('updates a layer with a new version that keeps the person on call until the next handoff', () => {
    const h = twoLayers();
    // Whoever is on at 10:00 keeps the layer until the next 09:00 handoff.
    const at = t0 + 10 * HOUR;
    const before = resolveHistoryAt(h, at).primary?.userId;
    const r = applyEdit(h, { kind: 'update_layer', layerId: 'A', draft: draft(['zed', 'yan']) }, at);
    expect(r.layerVersion?.version.effectiveFrom).toBe(at);
    expect(resolveHistoryAt(r.history, at).primary?.userId).toBe(before);
    expect(resolveHistoryAt(r.history, at - 1).primary?.userId).toBe(before);
    const nextHandoff = Date.parse('2026-01-06T09:00:00Z');
    expect(['zed', 'yan']).toContain(resolveHistoryAt(r.history, nextHandoff).primary?.userId);
  });

  it('refuses edits to layers not in the schedule at that time', () => {
    expect(() => applyEdit(twoLayers(), { kind: 'update_layer', layerId: 'X', draft: draft(['x']) }, t0)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('draftAt gives the configuration in force for patching', () => {
    const h = twoLayers();
    const layer = h.layers.find((l) => l.id === 'A');
    expect(layer && draftAt(layer, t0 + HOUR).members).toEqual(['alice', 'ann']);
  });
});
