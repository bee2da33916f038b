import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';

const SEEDED = '2026-03-02T12:00:00.000Z'; // Monday 06:00 America/Chicago: the demo is seeded
const TUE_10 = '2026-03-03T16:00:00.000Z'; // Tuesday 10:00 America/Chicago

interface Event {
  uid: string;
  summary: string;
  start: number;
  end: number;
}

/** Parses with a real RFC 5545 parser; throws on anything malformed. */
function parseFeed(text: string): Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toEqual(expect.any(String));
  return calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    expect(c.getFirstPropertyValue('dtstamp')).toBeTruthy();
    return { uid: e.uid, summary: e.summary, start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime() };
  });
}

describeEachDatabase('calendar feeds', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: SEEDED });
  let scheduleId = '';
  let aliceId = '';

  beforeAll(async () => {
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: TUE_10 });
    scheduleId = (await t.admin.get('/api/v1/schedules')).body.items[0].id;
    const users = (await t.admin.get('/api/v1/users?limit=200')).body.items;
    aliceId = users.find((u: { email: string }) => u.email === 'alice@example.com').id;
    await t.admin.patch(`/api/v1/users/${aliceId}`, { password: 'alice-password' });
  });

  it('serves a schedule feed of every primary shift as valid iCalendar', async () => {
    const created = await t.admin.post('/api/v1/me/calendar-feeds', { scheduleId });
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    expect(url.searchParams.get('key')).toMatch(/^cal_/);
    const res = await t.anonymous.get(`${url.pathname}${url.search}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).toMatch(/\r\n/);
    const events = parseFeed(res.body);
    expect(events.length).toBeGreaterThan(50);
    // Shifts tile the covered time with no overlaps, and the demo schedule covers now.
    const sorted = [...events].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]?.start).toBeGreaterThanOrEqual(sorted[i - 1]?.end ?? 0);
    const now = Date.parse(TUE_10);
    const current = events.find((e) => e.start <= now && now < e.end);
    expect(current?.summary).toBe('On call: Alice Senior');
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it("serves a personal feed with only the owner's shifts", async () => {
    const alice = await t.login('alice@example.com', 'alice-password');
    const created = await alice.post('/api/v1/me/calendar-feeds', {});
    expect(created.body.scheduleId).toBeNull();
    const url = new URL(created.body.url);
    const events = parseFeed((await t.anonymous.get(`${url.pathname}${url.search}`)).body);
    expect(events.length).toBeGreaterThan(10);
    expect(events.every((e) => e.summary === 'On call: Platform on-call')).toBe(true);
    // Alice is the business-hours layer: every shift lies within one Chicago weekday, 09:00–17:00.
    for (const e of events) expect(e.end - e.start).toBeLessThanOrEqual(8 * 3_600_000);
  });

  it('stops serving a revoked feed and never stores the key', async () => {
    const created = await t.admin.post('/api/v1/me/calendar-feeds', { scheduleId });
    const key = new URL(created.body.url).searchParams.get('key') as string;
    const rows = await t.vigil.database.db.selectFrom('calendar_feeds').select('secret_hash').execute();
    expect(rows.some((r) => r.secret_hash === key)).toBe(false);
    expect((await t.admin.get('/api/v1/me/calendar-feeds')).body.map((f: { id: string }) => f.id)).toContain(created.body.id);
    expect((await t.admin.delete(`/api/v1/me/calendar-feeds/${created.body.id}`)).status).toBe(204);
    const res = await t.anonymous.get(`/api/v1/calendar.ics?key=${key}`);
    expect(res.status).toBe(404);
    expect((await t.anonymous.get('/api/v1/calendar.ics?key=cal_guessing-a-key')).status).toBe(404);
  });

  it('rejects a feed for an unknown schedule with the field path', async () => {
    const res = await t.admin.post('/api/v1/me/calendar-feeds', { scheduleId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('/body/scheduleId');
  });
});
