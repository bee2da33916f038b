import { describe, expect, it } from 'vitest';
import { noticeEventId, noticeHtml, noticeSubject, noticeText, noticeWebhookBody, type StatusNotice } from './notice.js';

const page = { name: 'Acme <Cloud>', slug: 'acme', timeZone: 'Europe/Berlin' };
const links = { view: 'https://vigil.example/status/acme/incidents/s1', unsubscribe: 'https://vigil.example/status/acme/unsubscribe?token=t' };
const update: StatusNotice = {
  type: 'incident_update',
  page,
  incident: { id: 's1', title: 'API errors' },
  entry: { id: 'e1', status: 'identified', body: 'A bad deploy.\nRolling back.', at: Date.parse('2026-03-02T08:00:00Z') },
  first: false,
};
const maintenance: StatusNotice = {
  type: 'maintenance_scheduled',
  page,
  maintenance: { id: 'm1', title: 'Database upgrade', body: 'Read-only for 10 minutes.', startsAt: Date.parse('2026-03-05T22:00:00Z'), endsAt: Date.parse('2026-03-05T23:00:00Z') },
};

describe('status page notices', () => {
  it('say the page, the stage and the title in the subject, and the time in the page zone', () => {
    expect(noticeSubject(update)).toBe('[Acme <Cloud>] Identified: API errors');
    expect(noticeSubject(maintenance)).toBe('[Acme <Cloud>] Scheduled maintenance: Database upgrade');
    const text = noticeText(update, links);
    expect(text).toContain('Identified · Mon, Mar 2, 09:00 GMT+1');
    expect(text).toContain('A bad deploy.\nRolling back.');
    expect(text).toContain(`Unsubscribe: ${links.unsubscribe}`);
    expect(noticeText(maintenance, links)).toContain('Scheduled from Thu, Mar 5, 23:00 GMT+1 to Fri, Mar 6, 00:00 GMT+1');
    const started: StatusNotice = { ...maintenance, type: 'maintenance_started' };
    expect(noticeSubject(started)).toBe('[Acme <Cloud>] Maintenance started: Database upgrade');
    expect(noticeText(started, links)).toContain('In progress until Fri, Mar 6, 00:00 GMT+1');
    expect(noticeWebhookBody(started, links, 'k')).toMatchObject({ type: 'status.maintenance_started' });
  });

  it('say what became of a maintenance: changed (still to come or under way), completed, cancelled', () => {
    const m = maintenance.maintenance;
    const before: StatusNotice = { type: 'maintenance_updated', page, maintenance: m, changedAt: m.startsAt - 60_000 };
    expect(noticeSubject(before)).toBe('[Acme <Cloud>] Maintenance updated: Database upgrade');
    expect(noticeText(before, links)).toContain('Now scheduled from Thu, Mar 5, 23:00 GMT+1 to Fri, Mar 6, 00:00 GMT+1');
    const during: StatusNotice = { ...before, changedAt: m.startsAt };
    expect(noticeText(during, links)).toContain('In progress until Fri, Mar 6, 00:00 GMT+1');
    const completed: StatusNotice = { type: 'maintenance_completed', page, maintenance: { ...m, endsAt: Date.parse('2026-03-05T22:40:00Z') } };
    expect(noticeSubject(completed)).toBe('[Acme <Cloud>] Maintenance completed: Database upgrade');
    expect(noticeText(completed, links)).toContain('Completed Thu, Mar 5, 23:40 GMT+1');
    const cancelled: StatusNotice = { type: 'maintenance_cancelled', page, maintenance: m };
    expect(noticeSubject(cancelled)).toBe('[Acme <Cloud>] Maintenance cancelled: Database upgrade');
    expect(noticeText(cancelled, links)).toContain('Cancelled: it was scheduled from Thu, Mar 5, 23:00 GMT+1 to Fri, Mar 6, 00:00 GMT+1');
    for (const notice of [before, completed, cancelled]) {
      expect(noticeWebhookBody(notice, links, 'k')).toMatchObject({ type: `status.${notice.type}`, maintenance: { id: 'm1', title: 'Database upgrade' } });
    }
  });

  it('escape what the team typed in HTML', () => {
    const html = noticeHtml(update, links);
    expect(html).toContain('Acme &#60;Cloud&#62;');
    expect(html).not.toContain('<Cloud>');
    expect(html).toContain('A bad deploy.<br>Rolling back.');
  });

  it('key one outbox event per entry, and per maintenance one per posting, start, change, end and cancelling', () => {
    expect(noticeEventId(update)).toBe('entry:e1');
    expect(noticeEventId(maintenance)).toBe('maintenance:m1');
    expect(noticeEventId({ ...maintenance, type: 'maintenance_started' })).toBe('maintenance-start:m1');
    expect(noticeEventId({ ...maintenance, type: 'maintenance_cancelled' })).toBe('maintenance-cancel:m1');
    const m = maintenance.maintenance;
    const changes = [1, 2].map((n) => noticeEventId({ type: 'maintenance_updated', page, maintenance: m, changedAt: m.startsAt - n }));
    expect(new Set(changes).size).toBe(2);
    // Extended after it ended, it completes again at its new end.
    const ends = [m.endsAt, m.endsAt + 3_600_000].map((endsAt) => noticeEventId({ type: 'maintenance_completed', page, maintenance: { ...m, endsAt } }));
    expect(new Set(ends).size).toBe(2);
    expect(new Set([...changes, ...ends, 'maintenance:m1', 'maintenance-start:m1', 'maintenance-cancel:m1']).size).toBe(7);
  });

  it('give webhooks public fields with ISO times', () => {
    expect(noticeWebhookBody(update, links, 'k')).toEqual({
      type: 'status.incident_update',
      idempotencyKey: 'k',
      page: { name: 'Acme <Cloud>', slug: 'acme' },
      url: links.view,
      unsubscribeUrl: links.unsubscribe,
      incident: { id: 's1', title: 'API errors', new: false },
      update: { id: 'e1', status: 'identified', body: 'A bad deploy.\nRolling back.', at: '2026-03-02T08:00:00.000Z' },
    });
    expect(noticeWebhookBody(maintenance, links, 'k')).toMatchObject({ type: 'status.maintenance_scheduled', maintenance: { startsAt: '2026-03-05T22:00:00.000Z' } });
  });
});
