import { describe, expect, it } from 'vitest';
import { mapService, tokenOf } from './service.js';
import type { GaIntegrationKey, GaService } from './types.js';

const key = (id: string, type: GaIntegrationKey['type']): GaIntegrationKey => ({ id, type, name: type, href: `https://goalert.test/api/v2/${type}/incoming?token=${id}-token` });
const service = (keys: GaIntegrationKey[]): GaService => ({ id: 'svc', name: 'Checkout', description: '', escalationPolicyID: 'ep', integrationKeys: keys });

describe('mapService', () => {
  it("Grafana and Alertmanager keys keep the key their senders use (the URL's token)", () => {
    expect(mapService(service([key('k1', 'grafana')]))).toEqual([
      { sourceId: 'svc', name: 'Checkout', kind: 'grafana', policySourceId: 'ep', teamSourceId: null, urgency: 'high', integrationKey: 'k1-token', notes: [expect.objectContaining({ reason: expect.stringContaining('legacy') })] },
    ]);
    expect(mapService(service([key('k1', 'grafana'), key('k2', 'prometheusAlertmanager')])).map((m) => [m.sourceId, m.name, m.kind, m.integrationKey])).toEqual([
      ['svc/k1', 'Checkout · grafana', 'grafana', 'k1-token'],
      ['svc/k2', 'Checkout · prometheusAlertmanager', 'alertmanager', 'k2-token'],
    ]);
  });

  it('a generic key gets a new Vigil key, saying why; email, Site24x7 and universal keys are left out', () => {
    const [m] = mapService(service([key('k1', 'generic'), key('k2', 'email'), key('k3', 'universal')]));
    expect(m).toMatchObject({ kind: 'generic', integrationKey: null });
    expect(m?.notes.map((n) => n.reason)).toEqual([expect.stringContaining('of type email'), expect.stringContaining('of type universal'), expect.stringContaining('a new Vigil key')]);
    expect(mapService(service([key('k1', 'site24x7')]))).toMatchObject([{ kind: 'generic', integrationKey: null }]);
  });

  it("reads the key from the URL, or the key's id when the URL has none", () => {
    expect(tokenOf({ id: 'abc', type: 'email', name: 'e', href: 'abc@goalert.test' })).toBe('abc');
    expect(tokenOf({ id: 'abc', type: 'generic', name: 'g', href: 'https://goalert.test/api/v2/generic/incoming' })).toBe('abc');
  });
});
