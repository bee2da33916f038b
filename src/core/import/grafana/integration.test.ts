import { describe, expect, it } from 'vitest';
import { mapIntegration } from './integration.js';
import type { GoIntegration } from './types.js';

const integration = (type: string, chain: string | null = 'C1'): GoIntegration => ({
  id: 'I1',
  name: 'Checkout',
  team_id: 'T1',
  type,
  link: `https://oncall.example.com/integrations/v1/${type}/mReAoNwDm0eMwKo1mTeTwYo/`,
  default_route: { id: 'R1', escalation_chain_id: chain },
});

describe('mapIntegration', () => {
  it("Grafana, Alertmanager and webhook integrations become monitors with new keys paging the default route's chain", () => {
    expect(mapIntegration(integration('grafana_alerting'))).toEqual({ sourceId: 'I1', name: 'Checkout', kind: 'grafana', policySourceId: 'C1', teamSourceId: 'T1', integrationKey: null, urgency: 'high', notes: [] });
    expect(mapIntegration(integration('alertmanager'))).toMatchObject({ kind: 'alertmanager' });
    expect(mapIntegration(integration('webhook'))).toMatchObject({ kind: 'generic', notes: [{ reason: expect.stringContaining('change their requests') }] });
  });

  it('other types, or no chain, are reported', () => {
    expect(mapIntegration(integration('zabbix'))).toEqual({ subject: 'integration "Checkout"', reason: 'is of type zabbix, which no Vigil monitor takes: not imported' });
    expect(mapIntegration(integration('grafana', null))).toMatchObject({ reason: expect.stringContaining('pages no escalation chain') });
  });
});
