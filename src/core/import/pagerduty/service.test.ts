import { describe, expect, it } from 'vitest';
import { mapService } from './service.js';
import type { PdIntegration, PdService } from './types.js';

const service = (integrations: PdIntegration[], extra: Partial<PdService> = {}): PdService => ({
  id: 'S1',
  type: 'service',
  name: 'API',
  description: null,
  status: 'active',
  escalation_policy: { id: 'EP', type: 'escalation_policy_reference' },
  integrations,
  teams: [],
  ...extra,
});
const v2 = (id: string, key: string): PdIntegration => ({ id, type: 'events_api_v2_inbound_integration', name: `Int ${id}`, integration_key: key });

describe('mapService', () => {
  it('keeps the Events API v2 key, so senders change only the URL', () => {
    const [monitor, ...rest] = mapService(service([v2('I1', 'k'.repeat(32))], { incident_urgency_rule: { type: 'constant', urgency: 'severity_based' } }));
    expect(rest).toEqual([]);
    expect(monitor).toMatchObject({ sourceId: 'S1', name: 'API', policySourceId: 'EP', integrationKey: 'k'.repeat(32), urgency: 'dynamic', notes: [] });
  });

  it('one monitor per Events API v2 integration; other integrations are reported', () => {
    const monitors = mapService(service([v2('I1', 'a'.repeat(32)), v2('I2', 'b'.repeat(32)), { id: 'I3', type: 'generic_email_inbound_integration', name: 'Mail' }]));
    expect(monitors.map((m) => [m.name, m.integrationKey])).toEqual([
      ['API · Int I1', 'a'.repeat(32)],
      ['API · Int I2', 'b'.repeat(32)],
    ]);
    expect(monitors[0]?.notes.map((n) => n.subject)).toEqual(['service "API" integration "Mail"']);
  });

  it('without one, a monitor with a new key; support-hours urgency and timeouts are reported', () => {
    const [monitor] = mapService(service([], { incident_urgency_rule: { type: 'use_support_hours' }, acknowledgement_timeout: 1800, auto_resolve_timeout: 3600 }));
    expect(monitor).toMatchObject({ integrationKey: null, urgency: 'high' });
    expect(monitor?.notes).toHaveLength(4);
  });
});
