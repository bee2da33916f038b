import { expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/http/json-body.js';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

const NUL = '\u0000';
const LONE = '\uD800';
const FFFD = '\uFFFD';

describeEachDatabase('hostile input on the paging path', (dialect) => {
  const t = useTestApp(dialect);
  const { demo, pushed: monitor, incidents } = useDemoMonitors(t);
  const raw = (url: string, payload: string) => t.vigil.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });

  it('generic webhook: NUL and lone surrogates are replaced, the alert is kept', async () => {
    const m = await monitor('webhook');
    const res = await t.anonymous.post(m.path, { title: `disk${NUL}full ${LONE}`, description: `x${NUL}`, dedupKey: `k${NUL}` });
    expect(res.status).toBe(202);
    expect(res.body.dedupKey).toBe(`k${FFFD}`);
    expect(await incidents(m.id)).toEqual([expect.objectContaining({ title: `disk${FFFD}full ${FFFD}`, description: `x${FFFD}`, dedupKey: `k${FFFD}` })]);
  });

  it('PagerDuty Events v2: NUL in summary, source and dedup_key', async () => {
    const m = await monitor('pagerduty');
    const res = await t.anonymous.post(m.path, {
      routing_key: m.key,
      event_action: 'trigger',
      dedup_key: `pd${NUL}1`,
      payload: { summary: `CPU${NUL}high`, source: `web${NUL}1`, severity: 'critical' },
    });
    expect(res.status).toBe(202);
    expect(res.body.dedup_key).toBe(`pd${FFFD}1`);
    expect(await incidents(m.id)).toEqual([expect.objectContaining({ title: `CPU${FFFD}high`, description: `web${FFFD}1 (critical)` })]);
  });

  for (const kind of ['alertmanager', 'grafana']) {
    it(`${kind}: NUL in label names and values, annotations and fingerprint`, async () => {
      const m = await monitor(kind);
      const alert = { status: 'firing', labels: { alertname: `High${NUL}Latency`, [`inst${NUL}ance`]: 'a' }, annotations: { description: `p99${NUL}` }, fingerprint: `f${NUL}` };
      const res = await t.anonymous.post(m.path, { version: '4', status: 'firing', alerts: [alert] });
      expect(res.status).toBe(202);
      expect(await incidents(m.id)).toEqual([expect.objectContaining({ title: `High${FFFD}Latency`, description: `p99${FFFD}`, dedupKey: `f${FFFD}` })]);
      const noFingerprint = { ...alert, fingerprint: undefined, annotations: undefined };
      expect((await t.anonymous.post(m.path, { alerts: [noFingerprint] })).status).toBe(202);
      expect((await incidents(m.id)).map((i) => i.description)).toContain(`alertname=High${FFFD}Latency,inst${FFFD}ance=a`);
    });
  }

  it('heartbeat and unknown keys: a NUL in the key is an unknown key, not an error', async () => {
    expect((await t.anonymous.get(`/api/v1/integrations/heartbeat?key=vgi_${NUL}abcdefghij`)).status).toBe(401);
    expect((await t.anonymous.post(`/api/v1/integrations/webhook?key=vgi_%00abcdefghij`, { title: 'x' })).status).toBe(401);
    const pd = await t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', { routing_key: `R${NUL}UTINGKEY`, event_action: 'trigger' });
    expect(pd.body.errors).toEqual(['Invalid routing key']);
  });

  it('the rest of the API refuses unstorable text with 400 naming each field', async () => {
    const team = await t.admin.post('/api/v1/teams', { name: `Ops${NUL}`, description: `fine ${LONE}` });
    expect(team.status).toBe(400);
    expect(team.body).toMatchObject({ code: 'validation_failed' });
    expect(team.body.errors.map((e: { path: string }) => e.path)).toEqual(['/body/name', '/body/description']);
    const login = await t.anonymous.post('/api/v1/auth/login', { email: `admin${NUL}@example.com`, password: 'x' });
    expect(login.status).toBe(400);
    expect(login.body.errors[0].path).toBe('/body/email');
    const cursor = await t.admin.get('/api/v1/teams?cursor=%00');
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0].path).toBe('/querystring/cursor');
    const id = await t.admin.get('/api/v1/teams/%00');
    expect(id.status).toBe(400);
    expect(id.body.errors[0].path).toBe('/params/id');
    for (const path of ['%ED%A0%80', '%E0%A0', 'a'.repeat(101)]) {
      const bad = await t.admin.get(`/api/v1/teams/${path}`);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'validation_failed', errors: [{ path: '/params' }] });
    }
    expect((await t.admin.get('/api/v1/teams')).body.items.map((x: { name: string }) => x.name)).not.toContain(`Ops${NUL}`);
  });

  it('refuses numbers that coerce to infinity (ajv skips minimum and maximum for them)', async () => {
    const limit = await t.admin.get('/api/v1/incidents?limit=1e400');
    expect(limit.status).toBe(400);
    expect(limit.body.errors).toEqual([{ path: '/querystring/limit', message: 'must be a finite number' }]);
    const policy = (await t.admin.get(`/api/v1/escalation-policies/${demo.policyId}`)).body;
    const put = await t.admin.put(`/api/v1/escalation-policies/${demo.policyId}`, { teamId: policy.teamId, name: policy.name, steps: [{ ...policy.steps[0], waitSeconds: '-1e400' }] });
    expect(put.status).toBe(400);
    expect(put.body.errors[0].path).toBe('/body/steps/0/waitSeconds');
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} with 400, before parsing it`, async () => {
    const m = await monitor('webhook');
    const nested = (depth: number) => `{"title":"deep","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect((await raw(m.path, nested(MAX_JSON_DEPTH - 1))).statusCode).toBe(202);
    const deep = await raw(m.path, nested(500_000));
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: '/body', message: expect.stringContaining('levels deep') }] });
    // Too deep and malformed after that: the depth is what is reported, so nothing was parsed.
    const garbage = await raw(m.path, `${'['.repeat(MAX_JSON_DEPTH + 1)} this is not JSON`);
    expect(garbage.json().errors).toEqual([{ path: '/body', message: expect.stringContaining('levels deep') }]);
    const pd = await raw('/api/v1/integrations/pagerduty/v2/enqueue', `{"routing_key":${'['.repeat(100)}`);
    expect(pd.statusCode).toBe(400);
    expect((await t.admin.post('/api/v1/teams', JSON.parse(nested(MAX_JSON_DEPTH - 1)))).status).toBe(400);
    const login = await raw('/api/v1/auth/login', `{"email":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`);
    expect(login.json().errors).toEqual([{ path: '/body', message: expect.stringContaining('levels deep') }]);
  });

  it('refuses an unknown key without reading the body: malformed JSON gets 401, not a parse error', async () => {
    for (const kind of ['webhook', 'alertmanager', 'grafana', 'heartbeat']) {
      const res = await raw(`/api/v1/integrations/${kind}?key=vgi_unknown-unknown-unknown`, '{not json');
      expect(res.statusCode).toBe(401);
    }
    const missing = await raw('/api/v1/integrations/webhook', '{not json');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('/querystring/key');
  });
});
