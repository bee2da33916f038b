import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATE_ORDER, componentState, maintenancePhase, monitorState, worstState, type MonitorNow } from './state.js';

const up: MonitorNow = { paused: false, inMaintenance: false, openIncidents: [] };
const monitorNow = fc.record({ paused: fc.boolean(), inMaintenance: fc.boolean(), openIncidents: fc.array(fc.constantFrom('high' as const, 'low' as const), { maxLength: 3 }) });
const rank = (s: string) => STATE_ORDER.indexOf(s as (typeof STATE_ORDER)[number]);

describe('component state', () => {
  it('reads a monitor: paused does not count, maintenance before incidents, high urgency is an outage', () => {
    expect(monitorState({ ...up, paused: true, openIncidents: ['high'] })).toBeNull();
    expect(monitorState(up)).toBe('operational');
    expect(monitorState({ ...up, openIncidents: ['low'] })).toBe('degraded_performance');
    expect(monitorState({ ...up, openIncidents: ['low', 'high'] })).toBe('major_outage');
    expect(monitorState({ ...up, inMaintenance: true, openIncidents: ['high'] })).toBe('under_maintenance');
  });

  it('takes the worst of the monitors that count, or the hand-set state without monitors', () => {
    expect(componentState(null, [])).toBe('operational');
    expect(componentState('partial_outage', [])).toBe('partial_outage');
    // The manual state is ignored once monitors decide.
    expect(componentState('major_outage', [up])).toBe('operational');
    expect(componentState(null, [up, { ...up, inMaintenance: true }, { ...up, openIncidents: ['low'] }])).toBe('degraded_performance');
    expect(componentState(null, [{ ...up, paused: true, openIncidents: ['high'] }])).toBe('operational');
  });

  it('orders states as statuspage.io does, worst winning', () => {
    expect(worstState([])).toBe('operational');
    expect(worstState(['under_maintenance', 'operational'])).toBe('under_maintenance');
    expect(worstState(['partial_outage', 'degraded_performance', 'under_maintenance'])).toBe('partial_outage');
  });

  it('is monotone: adding a monitor never makes a component look better', () => {
    fc.assert(
      fc.property(fc.array(monitorNow, { maxLength: 6 }), monitorNow, (monitors, added) => {
        const before = componentState(null, monitors);
        const after = componentState(null, [...monitors, added]);
        if (monitors.length > 0) expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
        expect(rank(after)).toBeGreaterThanOrEqual(rank(monitorState(added) ?? 'operational'));
      }),
    );
  });

  it('does not depend on the order of the monitors', () => {
    fc.assert(
      fc.property(fc.array(monitorNow, { maxLength: 6 }), (monitors) => {
        expect(componentState(null, [...monitors].reverse())).toBe(componentState(null, monitors));
      }),
    );
  });

  it('tells maintenance scheduled, in progress (end exclusive) and completed', () => {
    expect(maintenancePhase(10, 20, 9)).toBe('scheduled');
    expect(maintenancePhase(10, 20, 10)).toBe('in_progress');
    expect(maintenancePhase(10, 20, 20)).toBe('completed');
  });
});
