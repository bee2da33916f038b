import { beforeAll, expect } from 'vitest';
import type { TestApp } from './test-app.js';

export interface PushedMonitor {
  id: string;
  key: string;
  /** Where its sender posts: the integration URL's path and query string. */
  path: string;
}

/**
 * Monitors on the demo team, paging through the demo's first policy: the ids they need,
 * a pushed monitor of any kind with its integration path, a PagerDuty Events v2 trigger
 * sent to one, and a monitor's incidents.
 */
export function useDemoMonitors(t: TestApp) {
  const demo = { teamId: '', policyId: '' };
  beforeAll(async () => {
    demo.teamId = (await t.admin.get('/api/v1/teams')).body.items[0].id;
    demo.policyId = (await t.admin.get('/api/v1/escalation-policies')).body.items[0].id;
  });
  return {
    demo,
    async pushed(kind: string): Promise<PushedMonitor> {
      const res = await t.admin.post('/api/v1/monitors', { name: `${kind} ${Math.random()}`, teamId: demo.teamId, policyId: demo.policyId, kind });
      expect(res.status).toBe(201);
      const url = new URL(res.body.integrationUrl);
      return { id: res.body.id as string, key: res.body.integrationKey as string, path: `${url.pathname}${url.search}` };
    },
    async pagerDutyTrigger(monitor: PushedMonitor, dedupKey: string, summary = 'Disk full'): Promise<void> {
      const res = await t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', {
        routing_key: monitor.key,
        event_action: 'trigger',
        dedup_key: dedupKey,
        payload: { summary, source: 'db-1', severity: 'critical' },
      });
      expect(res.status).toBe(202);
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    incidents: async (monitorId: string): Promise<any[]> => (await t.admin.get(`/api/v1/incidents?monitorId=${monitorId}`)).body.items,
  };
}
