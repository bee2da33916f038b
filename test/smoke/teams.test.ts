import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTeamsFake } from '../support/teams-fake-hooks.js';
import { testConfig, useTestApp } from '../support/test-app.js';

const base = testConfig('').baseUrl;

interface Detail {
  notifications: { channel: string; status: string; attempts: number; lastError: string | null; dueAt: string }[];
  timeline: { kind: string; data: Record<string, unknown> }[];
}

/** Microsoft Teams end to end: a policy step with a workflow webhook pages an Adaptive Card that links back to its incident. */
describeEachDatabase('Microsoft Teams workflow cards', (dialect) => {
  const teams = useTeamsFake();
  const t = useTestApp(dialect, { frozenAt: '2026-11-30T13:00:00.000Z' });
  let teamId = '';
  let oncallUrl = '';

  beforeAll(() => {
    oncallUrl = teams.workflowUrl('on-call channel');
  });

  const policyWith = async (name: string, url: string) => {
    teamId ||= (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const policy = await t.admin.post('/api/v1/escalation-policies', { name, teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'teams', url }] }] });
    expect(policy.status).toBe(201);
    const monitor = await t.admin.post('/api/v1/monitors', { name: `${name} API`, teamId, policyId: policy.body.id, kind: 'pagerduty' });
    return { policyId: policy.body.id as string, routingKey: monitor.body.integrationKey as string };
  };
  const trigger = (routingKey: string, summary: string, details: Record<string, string> = {}) =>
    t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', { routing_key: routingKey, event_action: 'trigger', dedup_key: summary, payload: { summary, source: 'web-1', severity: 'critical', custom_details: details } });
  const incidentOf = async (summary: string) => {
    const list = (await t.admin.get('/api/v1/incidents?limit=100')).body.items as { id: string; title: string }[];
    return list.find((i) => i.title === summary)?.id as string;
  };
  const detail = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body as Detail;

  it('pages the card, which names the incident and links back to it; the paging plan counts the channel', async () => {
    const { policyId, routingKey } = await policyWith('Teams', oncallUrl);
    const plan = (await t.admin.get(`/api/v1/escalation-policies/${policyId}/paging-plan`)).body;
    expect(plan.steps[0].recipients).toMatchObject([{ kind: 'teams', url: oncallUrl, reachable: true }]);
    expect(plan.warnings).toEqual([]);

    expect((await trigger(routingKey, 'Checkout **down** [see](https://evil.example)', { region: 'eu-west-1', note: '_urgent_ <b>' })).status).toBe(202);
    await t.vigil.engine.runOnce();
    const id = await incidentOf('Checkout **down** [see](https://evil.example)');
    expect(teams.posted).toHaveLength(1);
    const { workflow, card } = teams.posted[0] as (typeof teams.posted)[number];
    expect(workflow).toBe('on-call channel');
    const text = JSON.stringify(card.body);
    // The title as sent, in a TextRun (never Markdown); the facts escaped.
    expect(text).toContain('{"type":"TextRun","text":"Checkout **down** [see](https://evil.example)","size":"Large","weight":"Bolder"}');
    expect(text).toContain('"text":"Triggered · High urgency"');
    expect(text).toContain('{"type":"TextRun","text":"Teams API"}');
    expect(card.body).toContainEqual({
      type: 'FactSet',
      facts: [
        { title: 'source', value: 'web-1' },
        { title: 'severity', value: 'critical' },
        { title: 'region', value: 'eu-west-1' },
        { title: 'note', value: '\\_urgent\\_ \\<b\\>' },
      ],
    });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open incident', url: `${base}/incidents/${id}` }]);

    const { notifications, timeline } = await detail(id);
    expect(notifications).toMatchObject([{ channel: 'teams', status: 'sent', attempts: 1 }]);
    // The timeline names the workflow's host, never its URL (whose sig lets anyone post).
    const notified = timeline.find((e) => e.kind === 'notified');
    expect(notified?.data).toMatchObject({ channel: 'teams', to: new URL(oncallUrl).host });
    expect(JSON.stringify(timeline)).not.toContain('sig=');
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });

  it('waits out a 429 for as long as Retry-After says, through the outbox, then delivers', async () => {
    const { routingKey } = await policyWith('Teams limited', oncallUrl);
    teams.rateLimit(1, 120);
    const before = teams.posted.length;
    await trigger(routingKey, 'Rate limited');
    await t.vigil.engine.runOnce();
    const id = await incidentOf('Rate limited');
    expect(teams.posted.length).toBe(before);
    const [pending] = (await detail(id)).notifications;
    expect(pending).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Teams workflow answered HTTP 429' });
    const now = (await t.anonymous.get('/api/v1/test/clock')).body;
    expect(Date.parse(pending?.dueAt ?? '') - Date.parse(now.now)).toBe(120_000);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 121_000 });
    await t.vigil.engine.runOnce();
    expect(teams.posted.slice(before).map((p) => JSON.stringify(p.card.body).includes('"text":"Rate limited"'))).toEqual([true]);
    expect((await detail(id)).notifications).toMatchObject([{ status: 'sent', attempts: 2 }]);
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });

  it('fails a page at once when the workflow refuses it (a sig it no longer takes): no retry would change that', async () => {
    const revoked = `${oncallUrl.replace(/sig=[^&]+/, 'sig=revoked')}`;
    const { routingKey } = await policyWith('Teams revoked', revoked);
    await trigger(routingKey, 'Refused');
    await t.vigil.engine.runOnce();
    const id = await incidentOf('Refused');
    const { notifications, timeline } = await detail(id);
    expect(notifications).toMatchObject([{ channel: 'teams', status: 'failed', attempts: 1, lastError: 'Teams workflow answered HTTP 401' }]);
    expect(timeline.find((e) => e.kind === 'delivery_failed')?.data).toMatchObject({ final: true });
    expect(teams.refused.at(-1)).toEqual({ status: 401, error: 'the sig parameter is missing or wrong' });
    await t.admin.post(`/api/v1/incidents/${id}/resolve`);
  });

  it('takes only an http(s) URL for the target, and keeps its URL out of the audit log', async () => {
    teamId ||= (await t.admin.get('/api/v1/teams')).body.items[0].id;
    const bad = await t.admin.post('/api/v1/escalation-policies', { name: 'Bad Teams', teamId, steps: [{ waitSeconds: 0, targets: [{ type: 'teams', url: 'ftp://example.com/flow' }] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/body/steps/0/targets/0/url');
    const audit = JSON.stringify((await t.admin.get('/api/v1/audit-log?limit=200')).body);
    expect(audit).toContain('"type":"teams"');
    expect(audit).not.toContain(new URL(oncallUrl).searchParams.get('sig') as string);
  });
});
