import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDetails } from '../alert/details.js';
import { formatDuration, renderPostmortem, type PostmortemInput } from './postmortem.js';

const T0 = Date.UTC(2026, 10, 30, 13, 0, 0);
const ALICE = '00000000-0000-4000-8000-00000000000a';

const input = (over: Partial<PostmortemInput> = {}): PostmortemInput => ({
  incident: {
    id: 'i1',
    title: 'Checkout is down',
    description: 'HTTP 503',
    status: 'resolved',
    dedupKey: 'checkout',
    alertCount: 2,
    triggeredAt: T0,
    acknowledgedAt: T0 + 4 * 60_000 + 30_000,
    acknowledgedBy: ALICE,
    resolvedAt: T0 + 2 * 3600_000 + 5 * 60_000,
    resolvedBy: null,
  },
  monitor: { name: 'Checkout API', kind: 'pagerduty' },
  policyName: 'Primary',
  url: 'https://vigil.example/incidents/i1',
  timeline: [
    { at: T0, kind: 'triggered', actorId: null, data: {} },
    { at: T0 + 1000, kind: 'notified', actorId: null, data: { userId: ALICE, channel: 'sms', to: '…42' } },
    { at: T0 + 270_000, kind: 'acknowledged', actorId: ALICE, data: { by: ALICE } },
    { at: T0 + 300_000, kind: 'comment', actorId: ALICE, data: { text: 'Rolled back.\nSee [this](https://evil.example)' } },
    { at: T0 + 280_000, kind: 'urgency_changed', actorId: ALICE, data: { from: 'high', to: 'low' } },
    { at: T0 + 290_000, kind: 'no_notification_rules', actorId: null, data: { userId: ALICE, urgency: 'low' } },
    { at: T0 + 7_500_000, kind: 'resolved', actorId: null, data: { by: null } },
  ],
  alerts: [
    {
      at: T0 + 60_000,
      title: 'Checkout is down',
      details: { fields: [{ key: 'host', value: 'web-1' }], links: [{ href: 'https://grafana.example/d/1?a=(b)', text: 'Dashboard' }], images: [], truncated: true },
    },
  ],
  alertsLeftOut: 1,
  names: new Map([[ALICE, 'Alice Senior']]),
  timeZone: 'Europe/Berlin',
  generatedAt: T0 + 86_400_000,
  ...over,
});

describe('postmortem', () => {
  const doc = renderPostmortem(input());

  it('names the zone and gives every time in it', () => {
    expect(doc).toContain('Times are in Europe/Berlin (UTC+01:00 when the incident triggered)');
    expect(doc).toContain('- **Triggered:** 2026-11-30 14:00:00');
    expect(doc).toContain('- **Acknowledged:** 2026-11-30 14:04:30 by Alice Senior');
    expect(doc).toContain('- **Resolved:** 2026-11-30 16:05:00 by the alert source');
  });

  it('gives the durations, monitor and policy', () => {
    expect(doc).toContain('- **Time to acknowledge:** 4 min 30 s');
    expect(doc).toContain('- **Time to resolve:** 2 h 5 min');
    expect(doc).toContain('- **Monitor:** Checkout API (pagerduty)');
    expect(doc).toContain('- **Escalation policy:** Primary');
  });

  it('lists every timeline entry with who and via what', () => {
    expect(doc).toContain('| 2026-11-30 14:00:01 | Notified Alice Senior via sms |');
    expect(doc).toContain('| 2026-11-30 14:04:30 | Acknowledged by Alice Senior |');
    expect(doc).toContain('| 2026-11-30 16:05:00 | Resolved automatically |');
    expect(doc).toContain('| 2026-11-30 14:04:40 | Urgency changed from high to low by Alice Senior |');
    expect(doc).toContain('| 2026-11-30 14:04:50 | Alice Senior has no notification rules for low urgency\\: not notified |');
  });

  it('lists the alerts with their details, real links and the cut', () => {
    expect(doc).toContain('### 2026-11-30 14:01:00: Checkout is down');
    expect(doc).toContain('| host | web\\-1 |');
    expect(doc).toContain('- [Dashboard](<https://grafana.example/d/1?a=(b)>)');
    expect(doc).toContain('_Some details were left out');
    expect(doc).toContain('_1 earlier alert not listed');
  });

  it('keeps a note’s lines but none of its markup', () => {
    expect(doc).toContain('> Rolled back\\.\n> See \\[this\\]\\(https\\:\\/\\/evil\\.example\\)');
  });

  it('says what has not happened yet', () => {
    const open = renderPostmortem(input({ incident: { ...input().incident, status: 'triggered', acknowledgedAt: null, resolvedAt: null }, timeline: [], alerts: [], alertsLeftOut: 0 }));
    expect(open).toContain('- **Time to acknowledge:** not acknowledged');
    expect(open).toContain('- **Time to resolve:** not resolved');
    expect(open).toContain('No notes.');
    expect(open).toContain('No alert details were kept for this incident.');
  });

  it('lets no text from an alert or a person add a link, image or HTML', () => {
    const hostile = fc.string({ unit: 'grapheme-ascii' });
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (title, key, value, note) => {
        const doc = renderPostmortem(
          input({
            incident: { ...input().incident, title, description: value },
            monitor: { name: key, kind: 'webhook' },
            timeline: [{ at: T0, kind: 'comment', actorId: ALICE, data: { text: note } }],
            alerts: [{ at: T0, title, details: { ...emptyDetails(), fields: [{ key, value }] } }],
          }),
        );
        // Escaped characters (backslash pairs) are text; what is left is Markdown. The only
        // link is the one Vigil writes, to the incident.
        const markup = doc.replace(/\\[\s\S]/g, '');
        expect([...markup.matchAll(/\]\(/g)].length).toBe(1);
        expect(markup).not.toMatch(/<(?!https:\/\/vigil\.example\/incidents\/i1>)[^>]*>/);
      }),
    );
  });
});

it('formats durations with their two largest units', () => {
  expect([0, 59_000, 60_000, 3_600_000 + 1000, 90_061_000].map(formatDuration)).toEqual(['0 s', '59 s', '1 min', '1 h', '1 d 1 h']);
});
