import { describe, expect, it } from 'vitest';
import { overallStates, type OverallRows } from './overall.js';

const none: OverallRows = { components: [], links: [], monitors: [], openIncidents: [], maintainedComponents: new Set() };
const http = (id: string, config: object = { maintenance: null }) => ({ id, kind: 'http', paused: 0, config: JSON.stringify(config) });

describe('overall states of many pages', () => {
  it('is operational for a page without components, and the worst component state otherwise', () => {
    const rows: OverallRows = {
      ...none,
      components: [
        { id: 'a1', page_id: 'a', manual_state: null },
        { id: 'a2', page_id: 'a', manual_state: 'partial_outage' },
        { id: 'b1', page_id: 'b', manual_state: null },
      ],
      links: [{ component_id: 'b1', monitor_id: 'm' }],
      monitors: [{ id: 'm', kind: 'webhook', paused: 0, config: '{}' }],
      openIncidents: [{ monitor_id: 'm', dedup_key: null, urgency: 'low' }],
    };
    const states = overallStates(['a', 'b', 'empty'], rows, 0);
    expect(Object.fromEntries(states)).toEqual({ a: 'partial_outage', b: 'degraded_performance', empty: 'operational' });
  });

  it("ignores a checked monitor's certificate warning and paused monitors, and shows maintenance before outages", () => {
    const rows: OverallRows = {
      components: [
        { id: 'cert', page_id: 'p', manual_state: null },
        { id: 'paused', page_id: 'q', manual_state: 'major_outage' },
        { id: 'page-maint', page_id: 'r', manual_state: null },
        { id: 'own-maint', page_id: 's', manual_state: null },
      ],
      links: [
        { component_id: 'cert', monitor_id: 'c' },
        { component_id: 'paused', monitor_id: 'z' },
        { component_id: 'page-maint', monitor_id: 'x' },
        { component_id: 'own-maint', monitor_id: 'w' },
      ],
      monitors: [
        http('c'),
        { ...http('z'), paused: 1 },
        http('x'),
        http('w', { maintenance: { timeZone: 'UTC', weekly: [], once: [{ start: 0, end: 100 }] } }),
      ],
      openIncidents: [
        { monitor_id: 'c', dedup_key: 'certificate', urgency: 'high' },
        { monitor_id: 'z', dedup_key: null, urgency: 'high' },
        { monitor_id: 'x', dedup_key: null, urgency: 'high' },
        { monitor_id: 'w', dedup_key: null, urgency: 'high' },
      ],
      maintainedComponents: new Set(['page-maint']),
    };
    expect(Object.fromEntries(overallStates(['p', 'q', 'r', 's'], rows, 50))).toEqual({ p: 'operational', q: 'operational', r: 'under_maintenance', s: 'under_maintenance' });
    // Once its own window is over, the open incident shows.
    expect(overallStates(['s'], rows, 100).get('s')).toBe('major_outage');
  });
});
