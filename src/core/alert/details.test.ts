import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertmanagerDetails } from './alertmanager-details.js';
import { DetailsBuilder, MAX_DETAILS_BYTES, parseDetails, type AlertDetails } from './details.js';
import { pagerDutyDetails } from './pagerduty-details.js';
import { smsFields } from './sms-fields.js';
import { webhookDetails } from './webhook-details.js';

const value = (details: AlertDetails, key: string) => details.fields.find((f) => f.key === key)?.value;

describe('PagerDuty Events v2', () => {
  it('keeps the payload fields, custom_details flattened, links, images and the client link', () => {
    const details = pagerDutyDetails({
      payload: { summary: 'Disk full', source: 'db-1', severity: 'critical', component: 'postgres', group: 'prod', class: 'disk', custom_details: { free: '2%', mounts: ['/', '/var'], host: { az: 'eu-1' } } },
      links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }, { href: 'javascript:alert(1)', text: 'Evil' }],
      images: [{ src: 'https://img.example/p.png', href: 'https://grafana.example/d/1', alt: 'CPU' }],
      client: 'Nagios',
      client_url: 'https://nagios.example/',
    });
    expect(details.fields.slice(0, 5)).toEqual([
      { key: 'source', value: 'db-1' },
      { key: 'severity', value: 'critical' },
      { key: 'component', value: 'postgres' },
      { key: 'group', value: 'prod' },
      { key: 'class', value: 'disk' },
    ]);
    expect(value(details, 'free')).toBe('2%');
    expect(value(details, 'mounts')).toBe('/, /var');
    expect(value(details, 'host.az')).toBe('eu-1');
    expect(details.links).toEqual([
      { href: 'https://grafana.example/d/1', text: 'Dashboard' },
      { href: 'https://nagios.example/', text: 'Nagios' },
    ]);
    // A javascript: link is kept as text, never as a link.
    expect(value(details, 'Evil')).toBe('javascript:alert(1)');
    expect(details.images).toEqual([{ src: 'https://img.example/p.png', href: 'https://grafana.example/d/1', alt: 'CPU' }]);
    expect(details.truncated).toBe(false);
  });

  it('keeps custom_details that are not an object as one value, and skips malformed links', () => {
    const details = pagerDutyDetails({ payload: { summary: 'x', source: 's', severity: 'info', custom_details: 'free text' }, links: 'not a list', images: [42, null] });
    expect(value(details, 'custom_details')).toBe('free text');
    expect(details.links).toEqual([]);
    expect(details.images).toEqual([]);
  });
});

describe('Alertmanager and Grafana', () => {
  it('keeps labels, annotations, times and the source link; URL annotations become links', () => {
    const details = alertmanagerDetails(
      {
        status: 'firing',
        labels: { alertname: 'HighLatency', severity: 'page', instance: 'api-1' },
        annotations: { summary: 'Latency high', description: 'p99 above 2 s', runbook_url: 'https://runbooks.example/latency' },
        startsAt: '2026-11-30T10:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
      },
      { externalURL: 'http://alertmanager:9093' },
    );
    expect(value(details, 'annotations.description')).toBe('p99 above 2 s');
    expect(value(details, 'labels.severity')).toBe('page');
    expect(value(details, 'startsAt')).toBe('2026-11-30T10:00:00Z');
    // The summary is the title already, and the zero endsAt means "still firing".
    expect(value(details, 'annotations.summary')).toBeUndefined();
    expect(value(details, 'endsAt')).toBeUndefined();
    expect(details.links).toEqual([
      { href: 'https://runbooks.example/latency', text: 'runbook_url' },
      { href: 'http://prometheus:9090/graph?g0.expr=up', text: 'Source' },
      { href: 'http://alertmanager:9093/', text: 'Alertmanager' },
    ]);
  });

  it("keeps Grafana's values, dashboard, panel and silence links and its image as a link", () => {
    const details = alertmanagerDetails(
      {
        labels: { alertname: 'CPU' },
        values: { A: 97.5, B: 1 },
        valueString: '[ var=A value=97.5 ]',
        dashboardURL: 'https://grafana.example/d/abc',
        panelURL: 'https://grafana.example/d/abc?viewPanel=2',
        silenceURL: 'https://grafana.example/alerting/silence/new',
        imageURL: 'https://grafana.example/render/x.png',
      },
      {},
    );
    expect(value(details, 'values.A')).toBe('97.5');
    expect(value(details, 'valueString')).toBe('[ var=A value=97.5 ]');
    expect(details.links.map((l) => l.text)).toEqual(['Dashboard', 'Panel', 'Silence']);
    expect(details.images).toEqual([{ src: 'https://grafana.example/render/x.png', href: 'https://grafana.example/d/abc?viewPanel=2', alt: 'Panel image' }]);
  });
});

describe('generic webhook', () => {
  it('keeps its details object, any other body fields, links and images', () => {
    const details = webhookDetails({
      title: 'Queue stuck',
      dedupKey: 'q',
      details: { queue: 'emails', depth: 5000 },
      region: 'eu-west-1',
      links: [{ href: 'https://queue.example/emails', text: 'Queue' }],
      images: [{ src: 'data:image/png;base64,AAAA', alt: 'graph' }],
    });
    expect(details.fields).toEqual([
      { key: 'queue', value: 'emails' },
      { key: 'depth', value: '5000' },
      { key: 'region', value: 'eu-west-1' },
      // Only http(s) images are images; a data: URL is text.
      { key: 'graph', value: 'data:image/png;base64,AAAA' },
    ]);
    expect(details.links).toEqual([{ href: 'https://queue.example/emails', text: 'Queue' }]);
    expect(details.images).toEqual([]);
  });
});

describe('the size bound', () => {
  it('cuts what does not fit, keeps the first fields and says so', () => {
    const custom = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
    const details = pagerDutyDetails({ payload: { summary: 's', source: 'first', severity: 'info', custom_details: custom } });
    expect(details.truncated).toBe(true);
    expect(details.fields[0]).toEqual({ key: 'source', value: 'first' });
    expect(Buffer.byteLength(JSON.stringify(details))).toBeLessThanOrEqual(MAX_DETAILS_BYTES);
  });

  it('clips one overlong value rather than dropping it, and says so', () => {
    const details = new DetailsBuilder().field('log', 'y'.repeat(10_000)).build();
    expect(details.fields[0]?.value.length).toBe(4000);
    expect(details.truncated).toBe(true);
  });
});

it('reads stored details back, and anything else as empty', () => {
  const details = webhookDetails({ details: { a: 1 } });
  expect(parseDetails(JSON.stringify(details))).toEqual(details);
  for (const bad of [null, '', 'nope', '[]', '{"fields":1}']) expect(parseDetails(bad)).toEqual({ fields: [], links: [], images: [], truncated: false });
});

describe('SMS fields', () => {
  const fields = [
    { key: 'host', value: 'db-1' },
    { key: 'free', value: '2%' },
    { key: 'log', value: 'a\nvery long line '.repeat(10) },
    { key: 'fourth', value: 'never' },
  ];
  it('lists the first three fields on one line, long values clipped', () => {
    expect(smsFields(fields, 500)).toBe(' host: db-1; free: 2%; log: a very long line a very long line a ver….');
  });
  it('stops before the budget and gives nothing when not even one fits', () => {
    expect(smsFields(fields, 25)).toBe(' host: db-1; free: 2%.');
    expect(smsFields(fields, 5)).toBe('');
  });
});

// Any JSON a sender could post, including hostile shapes.
const json = fc.jsonValue({ maxDepth: 6 });
const body = fc.dictionary(fc.string(), json);
const anyUrl = fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'ftp://x/y', 'vbscript:x', '//evil.example', 'HTTPS://ok.example/'), fc.string());
const linky = fc.record({
  links: fc.array(fc.record({ href: anyUrl, text: fc.string() }), { maxLength: 5 }),
  images: fc.array(fc.record({ src: anyUrl, href: anyUrl, alt: fc.string() }), { maxLength: 5 }),
});

const checkBounded = (details: AlertDetails) => {
  expect(Buffer.byteLength(JSON.stringify(details))).toBeLessThanOrEqual(MAX_DETAILS_BYTES);
  for (const href of [...details.links.map((l) => l.href), ...details.images.flatMap((i) => [i.src, i.href ?? 'http://x'])]) expect(href).toMatch(/^https?:\/\//);
};

describe('properties: never throws, stays within the bound, links only http(s)', () => {
  it('PagerDuty', () => {
    fc.assert(fc.property(body, json, linky, (event, custom, extra) => checkBounded(pagerDutyDetails({ ...event, ...extra, payload: { ...event, custom_details: custom } }))));
  });
  it('Alertmanager and Grafana', () => {
    fc.assert(fc.property(body, body, anyUrl, anyUrl, (alert, notification, generatorURL, imageURL) => checkBounded(alertmanagerDetails({ ...alert, generatorURL, imageURL, annotations: alert }, notification))));
  });
  it('webhook', () => {
    fc.assert(fc.property(body, linky, (event, extra) => checkBounded(webhookDetails({ ...event, ...extra }))));
  });
  it('a storm of big values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string({ minLength: 3000, maxLength: 6000 })), { minLength: 1, maxLength: 40 }), (pairs) => {
        const details = webhookDetails({ details: Object.fromEntries(pairs) });
        checkBounded(details);
        if (pairs.length > 12) expect(details.truncated).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
  it('SMS fields fit the budget', () => {
    fc.assert(fc.property(fc.array(fc.record({ key: fc.string(), value: fc.string() })), fc.integer({ min: 0, max: 400 }), (fields, budget) => {
      expect(smsFields(fields, budget).length).toBeLessThanOrEqual(budget);
    }));
  });
});
