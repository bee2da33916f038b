import { performance } from 'node:perf_hooks';
import { beforeAll, expect, it } from 'vitest';
import { RULES_STALE_MS } from '../../src/service/event-rule-sets.js';
import { replaceEventRules } from '../../src/store/event-rules.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTeamPeople } from '../support/team-people.js';
import { useTestApp, type Caller } from '../support/test-app.js';

/**
 * Event rules end to end: the lists and their validation, who may change them, the
 * dry-run, and each action on events from the generic webhook, PagerDuty and
 * Alertmanager (global rules first, continue, drop, suppress, routing, templates, and
 * resolves that still find an alert whose key a rule rewrote).
 */
describeEachDatabase('event rules', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-03-02T10:00:00Z' });
  const people = useTeamPeople(t, `Rules ${dialect}`, [
    { name: 'erin', webhook: 'https://hooks.example.com/erin' },
    { name: 'finn', webhook: 'https://hooks.example.com/finn' },
    { name: 'vera', role: 'viewer' },
    { name: 'otto', team: 'other' },
  ]);
  let toErin = '';
  let toFinn = '';
  let elsewhere = '';

  beforeAll(async () => {
    const policy = async (name: string, userId: string, teamId = people.teamId) =>
      (await t.admin.post('/api/v1/escalation-policies', { name, teamId, steps: [{ waitSeconds: 600, targets: [{ type: 'user', userId }] }] })).body.id as string;
    toErin = await policy('To Erin', people.ids['erin'] as string);
    toFinn = await policy('To Finn', people.ids['finn'] as string);
    elsewhere = await policy('Elsewhere', people.ids['otto'] as string, people.otherTeamId);
  });

  let n = 0;
  async function pushed(kind: string, urgency = 'high') {
    n += 1;
    const res = await t.admin.post('/api/v1/monitors', { name: `Rules ${kind} ${n}`, teamId: people.teamId, policyId: toErin, kind, urgency });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, key: res.body.integrationKey as string };
  }
  const putRules = (monitorId: string, rules: unknown[], as: Caller = t.admin) => as.put(`/api/v1/monitors/${monitorId}/event-rules`, { rules });
  const incidentsOf = async (monitorId: string) => (await t.admin.get(`/api/v1/incidents?monitorId=${monitorId}`)).body.items as Record<string, unknown>[];
  const incident = async (id: string) => (await t.admin.get(`/api/v1/incidents/${id}`)).body;
  const pagedUsers = async (id: string) => ((await incident(id)).notifications as { userId: string | null }[]).map((x) => x.userId);
  const timelineEntry = async (id: string, kind: string) => ((await incident(id)).timeline as { kind: string; data: unknown }[]).find((e) => e.kind === kind);
  const webhook = (key: string, body: object) => t.anonymous.post(`/api/v1/integrations/webhook?key=${key}`, body);
  const pagerDuty = (body: object) => t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', body);

  it('keeps each ordered list whole, replaces it whole, and audits the change', async () => {
    const m = await pushed('webhook');
    expect((await t.admin.get(`/api/v1/monitors/${m.id}/event-rules`)).body).toEqual({ monitorId: m.id, rules: [] });
    const rules = [
      { name: 'Staging is quiet', when: [{ field: 'details.env', op: 'equals', value: 'staging' }], then: { suppress: true } },
      { name: 'Disks', when: [{ field: 'title', op: 'contains', value: 'disk' }, { field: 'details.host', op: 'matches', pattern: '^db-\\d+$' }], then: { urgency: 'low', dedupKey: '{{details.host}}/disk' }, continue: true },
      { name: 'Anything', when: [{ field: 'details.host', op: 'exists' }], then: { policyId: toFinn } },
    ];
    const saved = await putRules(m.id, rules);
    expect(saved.status).toBe(200);
    expect(saved.body.rules).toEqual(rules);
    expect((await t.admin.get(`/api/v1/monitors/${m.id}/event-rules`)).body.rules).toEqual(rules);
    expect((await putRules(m.id, [rules[2]])).body.rules).toEqual([rules[2]]);

    const trail = (await t.admin.get(`/api/v1/audit-log?entityId=${m.id}&entityType=monitor`)).body.items as { action: string; after: { eventRules: unknown[] } }[];
    // Newest first: the two saves, then the creation and its first integration key.
    expect(trail.map((e) => [e.action, e.after.eventRules.length])).toEqual([
      ['update', 1],
      ['update', 3],
      ['rotate_integration_key', 0],
      ['create', 0],
    ]);

    expect((await t.admin.put('/api/v1/event-rules', { rules: [{ name: 'Nothing yet', when: [{ field: 'never', op: 'exists' }], then: {} }] })).status).toBe(200);
    expect((await people.as['vera']?.get('/api/v1/event-rules'))?.body.rules).toHaveLength(1);
    const global = (await t.admin.get('/api/v1/audit-log?entityId=event-rules&entityType=setting')).body.items;
    expect(global[0]).toMatchObject({ action: 'update', after: { rules: [{ name: 'Nothing yet' }] } });
    expect((await t.admin.put('/api/v1/event-rules', { rules: [] })).status).toBe(200);
  });

  it('refuses rules it cannot use and malformed ones with 400 and the path of each problem; saves nothing', async () => {
    const m = await pushed('webhook');
    const bad = await putRules(m.id, [
      { name: 'Fine', when: [], then: {} },
      { name: 'No value', when: [{ field: 'a', op: 'equals' }], then: {} },
      { name: 'Slow', when: [{ field: 'a', op: 'exists' }, { field: 'a', op: 'matches', pattern: '(a+)+$' }], then: {} },
      { name: 'Fine', when: [{ field: 'a', op: 'matches', pattern: '(' }], then: { policyId: '00000000-0000-7000-8000-000000000000' } },
      { name: 'Elsewhere', when: [], then: { policyId: elsewhere } },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.code).toBe('invalid_rules');
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      '/body/rules/1/when/0/value',
      '/body/rules/2/when/1/pattern',
      '/body/rules/3/name',
      '/body/rules/3/when/0/pattern',
      '/body/rules/3/then/policyId',
      '/body/rules/4/then/policyId',
    ]);
    const malformed = await putRules(m.id, [{ when: [], then: {} }]);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].path).toBe('/body/rules/0/name');
    const badOp = await putRules(m.id, [{ name: 'x', when: [{ field: 'a', op: 'like', value: 'b' }], then: {} }]);
    expect(badOp.status).toBe(400);
    expect(badOp.body.errors[0].path).toBe('/body/rules/0/when/0/op');
    expect((await t.admin.get(`/api/v1/monitors/${m.id}/event-rules`)).body.rules).toEqual([]);

    // The global list may route to any team's policy; a monitor that takes no events has no rules.
    expect((await t.admin.put('/api/v1/event-rules', { rules: [{ name: 'To elsewhere', when: [{ field: 'never', op: 'exists' }], then: { policyId: elsewhere } }] })).status).toBe(200);
    expect((await t.admin.put('/api/v1/event-rules', { rules: [] })).status).toBe(200);
    const manual = (await t.admin.post('/api/v1/monitors', { name: `Manual ${dialect}`, teamId: people.teamId, policyId: toErin })).body.id;
    const refused = await putRules(manual, []);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('/params/id');
  });

  it("lets the monitor's team and admins edit its rules, everyone read them, and only admins the global list", async () => {
    const m = await pushed('webhook');
    const rules = [{ name: 'Quiet', when: [], then: { urgency: 'low' } }];
    expect((await putRules(m.id, rules, people.as['erin'])).status).toBe(200);
    expect((await putRules(m.id, rules, people.as['otto'])).status).toBe(403);
    expect((await putRules(m.id, rules, people.as['vera'])).status).toBe(403);
    expect((await people.as['vera']?.get(`/api/v1/monitors/${m.id}/event-rules`))?.body.rules).toEqual(rules);
    expect((await people.as['erin']?.put('/api/v1/event-rules', { rules: [] }))?.status).toBe(403);
    expect((await t.anonymous.get('/api/v1/event-rules')).status).toBe(401);
  });

  it('dry-runs an event through the saved or the given rules, writing nothing', async () => {
    const m = await pushed('pagerduty', 'dynamic');
    const rules = [
      { name: 'EU disks', when: [{ field: 'payload.custom_details.region', op: 'matches', pattern: '^eu-' }], then: { dedupKey: '{{payload.source}}/disk', title: '[EU] {{payload.summary}}' }, continue: true },
      { name: 'Warnings to Finn', when: [{ field: 'payload.severity', op: 'equals', value: 'warning' }], then: { policyId: toFinn, urgency: 'high' } },
      { name: 'Never reached', when: [], then: { drop: true } },
    ];
    expect((await putRules(m.id, rules)).status).toBe(200);
    const event = { routing_key: 'x', event_action: 'trigger', payload: { summary: 'Disk 95%', source: 'db-1', severity: 'warning', custom_details: { region: 'eu-west-1' } } };
    const run = await t.admin.post(`/api/v1/monitors/${m.id}/event-rules/dry-run`, { event });
    expect(run.status).toBe(200);
    expect(run.body).toEqual({
      matched: ['EU disks', 'Warnings to Finn'],
      actions: { dedupKey: 'db-1/disk', title: '[EU] Disk 95%', policyId: toFinn, urgency: 'high' },
      result: { title: '[EU] Disk 95%', dedupKey: 'db-1/disk', urgency: 'high', policy: { id: toFinn, name: 'To Finn' }, suppressed: false, suppressedBy: null, dropped: false },
    });
    // Unsaved rules instead of the saved ones; without a rule, the monitor's own terms.
    const tried = await t.admin.post(`/api/v1/monitors/${m.id}/event-rules/dry-run`, { event, rules: [{ name: 'Hush', when: [], then: { suppress: true } }] });
    expect(tried.body).toMatchObject({ matched: ['Hush'], result: { title: 'Disk 95%', dedupKey: null, urgency: 'low', policy: { id: toErin }, suppressed: true, suppressedBy: 'Hush', dropped: false } });
    const none = await t.admin.post(`/api/v1/monitors/${m.id}/event-rules/dry-run`, { event: { nothing: 'here' }, rules: [] });
    expect(none.body).toMatchObject({ matched: [], actions: {}, result: { title: '', dedupKey: null, urgency: 'high', dropped: false } });
    const invalid = await t.admin.post(`/api/v1/monitors/${m.id}/event-rules/dry-run`, { event, rules: [{ name: 'Bad', when: [{ field: 'a', op: 'matches', pattern: '[' }], then: {} }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].path).toBe('/body/rules/0/when/0/pattern');
    expect(await incidentsOf(m.id)).toEqual([]);
    expect((await t.admin.get(`/api/v1/monitors/${m.id}/event-rules`)).body.rules).toEqual(rules);
  });

  it("webhook: a rule's urgency beats the monitor's, templates set title and key, and the sender's resolve still finds it", async () => {
    const m = await pushed('webhook', 'high');
    const rules = [{ name: 'Disk by host', when: [{ field: 'details.kind', op: 'equals', value: 'disk' }], then: { urgency: 'low', title: 'Disk on {{details.host}}', dedupKey: 'disk/{{details.host}}' } }];
    expect((await putRules(m.id, rules)).status).toBe(200);
    const first = await webhook(m.key, { title: 'df alert', dedupKey: 'check-1', details: { kind: 'disk', host: 'db-1' } });
    expect(first.status).toBe(202);
    expect(first.body.dedupKey).toBe('disk/db-1');
    // Another check of the same host folds in: same key from the template.
    const second = await webhook(m.key, { title: 'df alert', dedupKey: 'check-2', details: { kind: 'disk', host: 'db-1' } });
    expect(second.body.incidentId).toBe(first.body.incidentId);
    const opened = await incident(first.body.incidentId);
    expect(opened).toMatchObject({ title: 'Disk on db-1', urgency: 'low', dedupKey: 'disk/db-1', alertCount: 2 });
    expect(await timelineEntry(opened.id, 'rules_matched')).toMatchObject({ data: { rules: ['Disk by host'] } });
    // The sender acknowledges and resolves by its own key.
    expect((await webhook(m.key, { action: 'acknowledge', dedupKey: 'check-1' })).status).toBe(202);
    expect((await incident(opened.id)).status).toBe('acknowledged');
    expect((await webhook(m.key, { action: 'resolve', dedupKey: 'check-2' })).body.incidentId).toBe(opened.id);
    expect((await incident(opened.id)).status).toBe('resolved');

    // Without the rule, the sender's key is the incident's again, even one a rule once rewrote.
    expect((await putRules(m.id, [])).status).toBe(200);
    const plain = await webhook(m.key, { title: 'df alert', dedupKey: 'check-1', details: { kind: 'disk', host: 'db-1' } });
    expect(plain.body.dedupKey).toBe('check-1');
    expect((await webhook(m.key, { action: 'resolve', dedupKey: 'check-1' })).body.incidentId).toBe(plain.body.incidentId);
    expect((await incident(plain.body.incidentId)).status).toBe('resolved');
  });

  it('PagerDuty: a dropped event is answered as PagerDuty would, opens nothing and is counted; a rewritten key still resolves', async () => {
    const m = await pushed('pagerduty');
    const rules = [
      { name: 'Drop info', when: [{ field: 'payload.severity', op: 'equals', value: 'info' }], then: { drop: true } },
      { name: 'Key by source', when: [], then: { dedupKey: 'src/{{payload.source}}', title: '{{routing_key}}' } },
    ];
    expect((await putRules(m.id, rules)).status).toBe(200);
    const dropped = await pagerDuty({ routing_key: m.key, event_action: 'trigger', dedup_key: 'pd-1', payload: { summary: 'FYI', source: 'web-1', severity: 'info' } });
    expect(dropped.status).toBe(202);
    expect(dropped.body).toMatchObject({ status: 'success', dedup_key: 'pd-1' });
    expect(await incidentsOf(m.id)).toEqual([]);
    const metrics = await t.anonymous.get('/metrics');
    expect(String(metrics.body)).toMatch(/vigil_ingest_events_total\{source="pagerduty",action="dropped"\} [1-9]/);

    const kept = await pagerDuty({ routing_key: m.key, event_action: 'trigger', dedup_key: 'pd-2', payload: { summary: 'Down', source: 'web-1', severity: 'critical' } });
    expect(kept.body.dedup_key).toBe('src/web-1');
    const [opened] = await incidentsOf(m.id);
    // Rules never see the routing key: the template comes out empty and the summary stays.
    expect(opened).toMatchObject({ dedupKey: 'src/web-1', status: 'triggered', title: 'Down' });
    expect((await pagerDuty({ routing_key: m.key, event_action: 'resolve', dedup_key: 'pd-2' })).status).toBe(202);
    expect((await incident(opened?.id as string)).status).toBe('resolved');
  });

  it('Alertmanager: rules see each alert and the notification; suppress pages nobody; route pages the other policy; resolved alerts resolve', async () => {
    const m = await pushed('alertmanager');
    const rules = [
      { name: 'Staging', when: [{ field: 'notification.commonLabels.env', op: 'equals', value: 'staging' }], then: { suppress: true } },
      { name: 'DB to Finn', when: [{ field: 'labels.team', op: 'equals', value: 'db' }], then: { policyId: toFinn } },
    ];
    expect((await putRules(m.id, rules)).status).toBe(200);
    const alert = (name: string, labels: Record<string, string>, status = 'firing') => ({ status, labels: { alertname: name, ...labels }, annotations: { summary: name } });
    const send = (env: string, alerts: object[]) =>
      t.anonymous.post(`/api/v1/integrations/alertmanager?key=${m.key}`, { status: 'firing', commonLabels: { env }, groupLabels: {}, externalURL: 'http://am.example.com', alerts });
    expect((await send('staging', [alert('Staged', { team: 'db', env: 'staging' })])).status).toBe(202);
    expect((await send('prod', [alert('DbDown', { team: 'db', env: 'prod' }), alert('WebDown', { team: 'web', env: 'prod' })])).status).toBe(202);
    const byTitle = Object.fromEntries((await incidentsOf(m.id)).map((i) => [i['title'], i['id'] as string]));
    const staged = await incident(byTitle['Staged'] as string);
    expect(staged).toMatchObject({ suppression: { by: 'rule', rule: 'Staging' }, step: -1 });
    expect(await pagedUsers(staged.id)).toEqual([]);
    expect(await timelineEntry(staged.id, 'rules_matched')).toMatchObject({ data: { rules: ['Staging'] } });
    expect(await pagedUsers(byTitle['DbDown'] as string)).toEqual([people.ids['finn']]);
    expect(await pagedUsers(byTitle['WebDown'] as string)).toEqual([people.ids['erin']]);
    expect(await timelineEntry(byTitle['WebDown'] as string, 'rules_matched')).toBeUndefined();

    expect((await send('prod', [alert('DbDown', { team: 'db', env: 'prod' }, 'resolved')])).status).toBe(202);
    expect((await incident(byTitle['DbDown'] as string)).status).toBe('resolved');
  });

  it('runs global rules before the monitor\'s; the first match decides unless it continues', async () => {
    const m = await pushed('webhook');
    const global = [{ name: 'Global title', when: [{ field: 'details.service', op: 'exists' }], then: { title: '[{{details.service}}] {{title}}' }, continue: true }];
    expect((await t.admin.put('/api/v1/event-rules', { rules: global })).status).toBe(200);
    try {
      const own = [
        { name: 'Own title', when: [], then: { title: 'ignored: the global rule set it', urgency: 'low' } },
        { name: 'Never', when: [], then: { urgency: 'high' } },
      ];
      expect((await putRules(m.id, own)).status).toBe(200);
      const sent = await webhook(m.key, { title: 'Slow', details: { service: 'checkout' } });
      const opened = await incident(sent.body.incidentId);
      expect(opened).toMatchObject({ title: '[checkout] Slow', urgency: 'low' });
      expect(await timelineEntry(opened.id, 'rules_matched')).toMatchObject({ data: { rules: ['Global title', 'Own title'] } });
    } finally {
      await t.admin.put('/api/v1/event-rules', { rules: [] });
    }
  });

  it('forgets a remembered key a day after its alert closed, and keeps those of open alerts', async () => {
    const m = await pushed('webhook');
    expect((await putRules(m.id, [{ name: 'By host', when: [], then: { dedupKey: 'host/{{details.host}}' } }])).status).toBe(200);
    const open = await webhook(m.key, { title: 'Open', dedupKey: 'sent-open', details: { host: 'x' } });
    const closed = await webhook(m.key, { title: 'Closed', dedupKey: 'sent-closed', details: { host: 'y' } });
    expect((await t.admin.post(`/api/v1/incidents/${closed.body.incidentId}/resolve`)).status).toBe(200);
    const keys = async () => (await t.vigil.database.db.selectFrom('event_rule_keys').select('sent_key').where('monitor_id', '=', m.id).orderBy('sent_key').execute()).map((k) => k.sent_key);
    expect(await keys()).toEqual(['sent-closed', 'sent-open']);
    await t.vigil.auditRetention.runOnce();
    expect(await keys()).toEqual(['sent-closed', 'sent-open']);
    expect((await t.admin.post('/api/v1/test/clock', { set: new Date(t.vigil.clock.now() + 2 * 86_400_000).toISOString() })).status).toBe(200);
    await t.vigil.auditRetention.runOnce();
    expect(await keys()).toEqual(['sent-open']);
    expect((await webhook(m.key, { action: 'resolve', dedupKey: 'sent-open' })).body.incidentId).toBe(open.body.incidentId);
    expect(await keys()).toEqual([]);
  });

  it('uses rules saved through another node within a second (RULES_STALE_MS), without a read per event', async () => {
    const m = await pushed('webhook');
    expect((await webhook(m.key, { title: 'Before' })).status).toBe(202);
    // Written straight to the database, as another node would: this node is not told.
    await replaceEventRules(t.vigil.database.db, m.id, [{ name: 'Elsewhere', when: [], then: { title: 'Renamed elsewhere' } }], t.vigil.clock.now());
    const started = performance.now();
    let title = '';
    while (title !== 'Renamed elsewhere' && performance.now() - started < 5_000) {
      const sent = await webhook(m.key, { title: 'After' });
      title = (await incident(sent.body.incidentId)).title;
      if (title !== 'Renamed elsewhere') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(title).toBe('Renamed elsewhere');
    expect(performance.now() - started).toBeLessThan(RULES_STALE_MS + 1_000);
  });

  it('never fails an alert over a rule: missing fields, odd values and empty templates leave it as sent', async () => {
    const m = await pushed('webhook');
    const rules = [
      { name: 'Deep', when: [{ field: 'details.a.b.c.d', op: 'matches', pattern: '^x' }], then: { drop: true } },
      { name: 'Objects', when: [{ field: 'details', op: 'contains', value: 'never-in-any-detail' }], then: { drop: true } },
      { name: 'Blank', when: [], then: { title: '{{nope}}', dedupKey: '{{nope.either}}' } },
    ];
    expect((await putRules(m.id, rules)).status).toBe(200);
    for (const details of [undefined, 'text', 7, [1, 2], { a: null }, { a: { b: [] } }]) {
      const res = await webhook(m.key, { title: 'Still raised', dedupKey: `k-${JSON.stringify(details)}`, ...(details !== undefined && { details }) });
      expect(res.status).toBe(202);
      expect(res.body.incidentId).toEqual(expect.any(String));
      expect(await incident(res.body.incidentId)).toMatchObject({ title: 'Still raised' });
    }
  });
});
