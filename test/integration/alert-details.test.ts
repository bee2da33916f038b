import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors, type PushedMonitor } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

interface Details {
  fields: { key: string; value: string }[];
  links: { href: string; text: string }[];
  images: { src: string; href: string | null; alt: string }[];
  truncated: boolean;
}

describeEachDatabase('alert details: every source keeps what its alerts say', (dialect) => {
  const t = useTestApp(dialect);
  const { pushed, incidents } = useDemoMonitors(t);

  const alertsOf = async (incidentId: string, query = '') => {
    const res = await t.admin.get(`/api/v1/incidents/${incidentId}/alerts${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; at: string; title: string; details: Details }[]; nextCursor: string | null };
  };
  const only = async (monitor: PushedMonitor) => {
    const [incident] = await incidents(monitor.id);
    return { incident, alerts: (await alertsOf(incident.id)).items };
  };
  const field = (details: Details, key: string) => details.fields.find((f) => f.key === key)?.value;

  it('PagerDuty: payload fields, custom_details, links and images; a repeat keeps its own details', async () => {
    const monitor = await pushed('pagerduty');
    const send = (free: string) =>
      t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', {
        routing_key: monitor.key,
        event_action: 'trigger',
        dedup_key: 'disk',
        payload: { summary: 'Disk full', source: 'db-1', severity: 'critical', component: 'postgres', custom_details: { free, mount: '/var' } },
        links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }, { href: 'javascript:alert(1)', text: 'Evil' }],
        images: [{ src: 'https://img.example/cpu.png', alt: 'CPU' }],
      });
    expect((await send('5%')).status).toBe(202);
    expect((await send('2%')).status).toBe(202);
    const { incident, alerts } = await only(monitor);
    expect(incident.alertCount).toBe(2);
    expect(alerts).toHaveLength(2);
    // Newest first: the repeat says what is true now.
    expect(field(alerts[0]!.details, 'free')).toBe('2%');
    expect(field(alerts[1]!.details, 'free')).toBe('5%');
    expect(alerts[0]).toMatchObject({ title: 'Disk full', details: { links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }], images: [{ src: 'https://img.example/cpu.png', href: null, alt: 'CPU' }], truncated: false } });
    expect(field(alerts[0]!.details, 'component')).toBe('postgres');
    expect(field(alerts[0]!.details, 'Evil')).toBe('javascript:alert(1)');
  });

  it('PagerDuty: a malformed or oversized custom_details is kept as far as it fits, never refused', async () => {
    const monitor = await pushed('pagerduty');
    const huge = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
    for (const [key, custom] of [['odd', 42], ['huge', huge]] as const) {
      const res = await t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', {
        routing_key: monitor.key,
        event_action: 'trigger',
        dedup_key: key,
        payload: { summary: key, source: 's', severity: 'info', custom_details: custom },
        links: 'not a list',
      });
      expect(res.status).toBe(202);
    }
    const open = await incidents(monitor.id);
    const detailsOf = async (key: string) => (await alertsOf(open.find((i: { dedupKey: string }) => i.dedupKey === key).id)).items[0]!.details;
    expect(field(await detailsOf('odd'), 'custom_details')).toBe('42');
    const cut = await detailsOf('huge');
    expect(cut.truncated).toBe(true);
    expect(JSON.stringify(cut).length).toBeLessThanOrEqual(32 * 1024);
    expect(cut.fields.length).toBeGreaterThan(20);
  });

  it('Alertmanager: labels, annotations, times, generatorURL and externalURL per alert', async () => {
    const monitor = await pushed('alertmanager');
    const res = await t.anonymous.post(monitor.path, {
      version: '4',
      status: 'firing',
      externalURL: 'http://alertmanager.example:9093',
      commonLabels: { job: 'api' },
      alerts: ['api-1', 'api-2'].map((instance) => ({
        status: 'firing',
        labels: { alertname: 'HighLatency', job: 'api', instance },
        annotations: { summary: `Latency high on ${instance}`, description: 'p99 above 2 s', runbook_url: 'https://runbooks.example/latency' },
        startsAt: '2026-11-30T10:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: `http://prometheus.example:9090/graph?g0.expr=up&instance=${instance}`,
        fingerprint: `fp-${instance}`,
      })),
    });
    expect(res.status).toBe(202);
    const open = await incidents(monitor.id);
    expect(open).toHaveLength(2);
    for (const incident of open) {
      const [alert] = (await alertsOf(incident.id)).items;
      const instance = incident.title.replace('Latency high on ', '');
      expect(field(alert!.details, 'labels.instance')).toBe(instance);
      expect(field(alert!.details, 'annotations.description')).toBe('p99 above 2 s');
      expect(field(alert!.details, 'startsAt')).toBe('2026-11-30T10:00:00Z');
      expect(alert!.details.links).toEqual([
        { href: 'https://runbooks.example/latency', text: 'runbook_url' },
        { href: `http://prometheus.example:9090/graph?g0.expr=up&instance=${instance}`, text: 'Source' },
        { href: 'http://alertmanager.example:9093/', text: 'Alertmanager' },
      ]);
    }
  });

  it("Grafana: values, value string, dashboard, panel and silence links, and the image as a link", async () => {
    const monitor = await pushed('grafana');
    const res = await t.anonymous.post(monitor.path, {
      receiver: 'vigil',
      status: 'firing',
      title: '[FIRING:1] CPU',
      message: 'CPU high',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'CPU', grafana_folder: 'Infra' },
          annotations: { summary: 'CPU above 95%' },
          values: { A: 97.5 },
          valueString: '[ var=A value=97.5 ]',
          dashboardURL: 'https://grafana.example/d/abc',
          panelURL: 'https://grafana.example/d/abc?viewPanel=2',
          silenceURL: 'https://grafana.example/alerting/silence/new',
          imageURL: 'https://grafana.example/render/cpu.png',
          fingerprint: 'cpu1',
        },
      ],
    });
    expect(res.status).toBe(202);
    const { alerts } = await only(monitor);
    expect(field(alerts[0]!.details, 'values.A')).toBe('97.5');
    expect(field(alerts[0]!.details, 'valueString')).toBe('[ var=A value=97.5 ]');
    expect(alerts[0]!.details.links.map((l) => l.text)).toEqual(['Dashboard', 'Panel', 'Silence']);
    expect(alerts[0]!.details.images).toEqual([{ src: 'https://grafana.example/render/cpu.png', href: 'https://grafana.example/d/abc?viewPanel=2', alt: 'Panel image' }]);
  });

  it('generic webhook: the details object, other body fields, links and images', async () => {
    const monitor = await pushed('webhook');
    const res = await t.anonymous.post(monitor.path, {
      title: 'Queue stuck',
      dedupKey: 'q',
      details: { queue: 'emails', depth: 5000 },
      region: 'eu-west-1',
      links: [{ href: 'https://queue.example/emails', text: 'Queue' }],
    });
    expect(res.status).toBe(202);
    const { alerts } = await only(monitor);
    expect(alerts[0]!.details.fields).toEqual([
      { key: 'queue', value: 'emails' },
      { key: 'depth', value: '5000' },
      { key: 'region', value: 'eu-west-1' },
    ]);
    expect(alerts[0]!.details.links).toEqual([{ href: 'https://queue.example/emails', text: 'Queue' }]);
  });

  it('keeps an alert with no details too, and pages through many alerts', async () => {
    const monitor = await pushed('webhook');
    for (let i = 0; i < 5; i++) expect((await t.anonymous.post(monitor.path, { title: `Repeat ${i}`, dedupKey: 'same' })).status).toBe(202);
    const [incident] = await incidents(monitor.id);
    const first = await alertsOf(incident.id, '?limit=3');
    expect(first.items.map((a) => a.title)).toEqual(['Repeat 4', 'Repeat 3', 'Repeat 2']);
    expect(first.items[0]!.details).toEqual({ fields: [], links: [], images: [], truncated: false });
    const rest = await alertsOf(incident.id, `?limit=3&cursor=${first.nextCursor}`);
    expect(rest.items.map((a) => a.title)).toEqual(['Repeat 1', 'Repeat 0']);
    expect(rest.nextCursor).toBeNull();
  });

  it('answers 404 for an unknown incident and 400 for a bad cursor, each as problem+json', async () => {
    const missing = await t.admin.get('/api/v1/incidents/00000000-0000-4000-8000-000000000000/alerts');
    expect(missing.status).toBe(404);
    const monitor = await pushed('webhook');
    await t.anonymous.post(monitor.path, { title: 'x' });
    const [incident] = await incidents(monitor.id);
    const bad = await t.admin.get(`/api/v1/incidents/${incident.id}/alerts?cursor=nope`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/querystring/cursor');
    expect((await t.anonymous.get(`/api/v1/incidents/${incident.id}/alerts`)).status).toBe(401);
  });
});
