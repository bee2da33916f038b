import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { awaitPages, expectExactPages, freePort, prepareStorm } from '../support/storm.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SENDERS = 24;
const KILL_AFTER_ACCEPTED = 300;

interface Incident {
  id: string;
  dedupKey: string;
  alertCount: number;
}

/**
 * Group commit under a crash: PagerDuty events with distinct keys arrive from many
 * senders at once, so they are written in shared transactions, and the node is killed
 * with SIGKILL in the middle. After a restart every event that was answered 202 has its
 * incident, and every incident that exists is whole: its alert counted once, its first
 * step's page enqueued with it (the receiver gets exactly one page per incident).
 */
describeEachDatabase('chaos: kill -9 in the middle of group commits', (dialect) => {
  let db: TestDatabase;
  let receiver: WebhookReceiver;
  let node: ServerProcess;
  let port = 0;
  let env: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    receiver = await startWebhookReceiver();
    env = { VIGIL_DATABASE_URL: db.url, VIGIL_SECRET: 'chaos-secret-chaos-secret-chaos-secret' };
    port = await freePort();
    node = await startServerProcess(env, port);
  }, 150_000);

  afterAll(async () => {
    await node?.stop();
    await receiver?.close();
    await db?.drop();
  });

  it('keeps every accepted event, and no incident half-written', async () => {
    const storm = await prepareStorm(() => [node.url], receiver, ['alice'], 600);
    const { teamId, policyId } = (await (await storm.api('GET', `/monitors/${storm.monitorId}`)).json()) as { teamId: string; policyId: string };
    const created = await storm.api('POST', '/monitors', { name: 'Crash storm', teamId, policyId, kind: 'pagerduty', rateLimit: null });
    expect(created.status).toBe(201);
    const monitor = (await created.json()) as { id: string; integrationKey: string };

    const accepted = new Set<string>();
    let killed = false;
    let sent = 0;
    const killing = (async () => {
      while (accepted.size < KILL_AFTER_ACCEPTED) await new Promise((r) => setTimeout(r, 5));
      await node.kill9();
      killed = true;
    })();
    const sender = async (s: number) => {
      for (let n = 0; !killed; n++) {
        const dedupKey = `crash-${s}-${n}`;
        sent++;
        const res = await fetch(`${node.url}/api/v1/integrations/pagerduty/v2/enqueue`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ routing_key: monitor.integrationKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary: `storm ${dedupKey}`, source: 'chaos', severity: 'critical' } }),
        }).catch(() => null);
        if (!res) return;
        if (res.status === 202) accepted.add(dedupKey);
        else expect(res.status).toBe(202);
        await res.arrayBuffer();
      }
    };
    await Promise.all([killing, ...Array.from({ length: SENDERS }, (_, s) => sender(s))]);

    node = await startServerProcess(env, port);
    const incidents: Incident[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = (await (await storm.api('GET', `/incidents?monitorId=${monitor.id}&limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { items: Incident[]; nextCursor: string | null };
      incidents.push(...page.items);
      cursor = page.nextCursor;
    }
    const stored = new Set(incidents.map((i) => i.dedupKey));
    expect([...accepted].filter((k) => !stored.has(k))).toEqual([]);
    // Events in flight at the kill may or may not have been committed, but never partly.
    expect(incidents.every((i) => i.alertCount === 1)).toBe(true);
    expect(stored.size).toBe(incidents.length);
    await awaitPages(receiver, incidents.length, 60_000);
    expectExactPages(receiver, new Set(incidents.map((i) => i.id)), ['alice']);
    console.info(JSON.stringify({ dialect, sent, accepted: accepted.size, stored: incidents.length, inFlightAtKill: incidents.length - accepted.size }));
  }, 180_000);
});
