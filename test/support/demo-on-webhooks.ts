import { afterAll, beforeAll, expect } from 'vitest';
import type { Caller, TestApp } from './test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/** What a webhook contact method is sent: a page (with its incident) or a notice. */
export interface Delivered {
  type: string;
  notice?: { subject: string; text: string };
  incident?: { title: string } | null;
}

export interface DemoOnWebhooks {
  /** Each of them logged in. */
  as: Record<string, Caller>;
  /** Everything delivered to them so far, oldest first. */
  got(who: string): Delivered[];
  /** The notices among it. */
  notices(who: string): { subject: string; text: string }[];
}

/**
 * The demo people `names` (alice, bob…), each with a webhook contact method on one local
 * receiver (started before the suite, closed after it) and logged in with `password`.
 */
export function useDemoOnWebhooks(t: TestApp, ids: Record<string, string>, names: readonly string[], password: string): DemoOnWebhooks {
  let receiver: WebhookReceiver;
  const as: Record<string, Caller> = {};
  const got = (who: string) => receiver.received.filter((r) => r.path === `/${who}`).map((r) => r.body as unknown as Delivered);
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    for (const who of names) {
      expect((await t.admin.post(`/api/v1/users/${ids[who]}/contact-methods`, { kind: 'webhook', address: receiver.url(`/${who}`) })).status).toBe(201);
      expect((await t.admin.patch(`/api/v1/users/${ids[who]}`, { password })).status).toBe(200);
      as[who] = await t.login(`${who}@example.com`, password);
    }
  });
  afterAll(() => receiver.close());
  return { as, got, notices: (who) => got(who).flatMap((r) => (r.type === 'notice' && r.notice ? [r.notice] : [])) };
}

/** A policy paging `scheduleId` (15 minutes a step) and a monitor on it, both named `name`: the monitor's id. */
export async function monitorPaging(t: TestApp, teamId: string, scheduleId: string, name: string): Promise<string> {
  const policy = await t.admin.post('/api/v1/escalation-policies', { name, teamId, steps: [{ waitSeconds: 900, targets: [{ type: 'schedule', scheduleId }] }] });
  expect(policy.status).toBe(201);
  const monitor = await t.admin.post('/api/v1/monitors', { name, teamId, policyId: policy.body.id });
  expect(monitor.status).toBe(201);
  return monitor.body.id;
}
