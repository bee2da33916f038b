import { describe, expect, it } from 'vitest';
import { sampleView } from '../../../test/support/status-view.js';
import { statusSummary } from './summary-json.js';
import type { ComponentState } from '../../core/status-page/view.js';

describe('status summary JSON', () => {
  it('has statuspage.io summary.json shape', () => {
    const s = statusSummary(sampleView(), 'https://status.example.com/');
    expect(s.page).toEqual({ id: 'page-1', name: 'Acme', url: 'https://status.example.com/', time_zone: 'America/Chicago', updated_at: '2026-03-02T12:00:00.000Z' });
    expect(s.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(s.components.map((c) => [c.name, c.status, c.group, c.group_id, c.position])).toEqual([
      ['Core', 'partial_outage', true, null, 1],
      ['API', 'partial_outage', false, 'sec-1', 2],
      ['Website', 'operational', false, 'sec-1', 3],
      ['Extras', 'under_maintenance', true, null, 4],
      ['Email', 'under_maintenance', false, 'sec-2', 5],
    ]);
    expect(s.components[0]?.components).toEqual(['cmp-api', 'cmp-web']);
    // Only unresolved incidents, as statuspage.io's summary lists.
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]).toMatchObject({
      id: 'inc-open',
      name: 'Slow API responses',
      status: 'identified',
      impact: 'major',
      resolved_at: null,
      components: [{ id: 'cmp-api', name: 'API', status: 'partial_outage' }],
    });
    expect(s.incidents[0]?.incident_updates.map((u) => u.status)).toEqual(['identified', 'investigating']);
    expect(s.scheduled_maintenances).toMatchObject([{ id: 'mnt-1', name: 'Mail server upgrade', status: 'in_progress', scheduled_for: '2026-03-02T10:00:00.000Z', scheduled_until: '2026-03-02T14:00:00.000Z' }]);
  });

  it('maps every overall state to an indicator', () => {
    const indicator = (overall: ComponentState) => statusSummary(sampleView({ overall }), '/').status;
    expect(indicator('operational')).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    expect(indicator('degraded_performance').indicator).toBe('minor');
    expect(indicator('major_outage').indicator).toBe('critical');
    expect(indicator('under_maintenance').indicator).toBe('maintenance');
  });
});
