import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';

// Monday 22 December 2025, 00:00 in New York (EST, UTC-5); Christmas is that Thursday.
const MONDAY = '2025-12-22T05:00:00.000Z';
const NEXT_MONDAY = '2025-12-29T05:00:00.000Z';
const DAY = 86_400_000;

const ics = (...days: [date: string, name: string][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//vigil-test//holidays//EN',
    ...days.flatMap(([date, name], i) => ['BEGIN:VEVENT', `UID:h${i}`, 'DTSTAMP:20260101T000000Z', `DTSTART;VALUE=DATE:${date}`, `SUMMARY:${name}`, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');

describeEachDatabase('fairness report and holiday calendars', (dialect) => {
  const t = useTestApp(dialect);
  const ids = useDemoIds(t);

  // The iCal feed: what it answers is set by each test.
  let feed: { status: number; body: string } = { status: 200, body: '' };
  let feedUrl = '';
  let requests = 0;
  let server: Server;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(feed.status, { 'content-type': 'text/calendar' }).end(feed.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/holidays.ics`;
    await t.anonymous.post('/api/v1/test/clock', { freeze: true, set: MONDAY });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A daily midnight rotation of alice and bob from this Monday: alice has Mon, Wed, Fri, Sun, bob Tue, Thu, Sat. */
  async function schedule(name: string, members = [ids['alice'], ids['bob']]) {
    const res = await t.admin.post('/api/v1/schedules', {
      name,
      teamId: ids['team'],
      timeZone: 'America/New_York',
      layers: [{ name: 'Everyone', rotation: { kind: 'daily', handoffTime: '00:00' }, members }],
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const fairness = (id: string, from = MONDAY, to = NEXT_MONDAY) => t.admin.get(`/api/v1/schedules/${id}/fairness?from=${from}&to=${to}`);
  const byName = (items: { user: { email: string } }[]) => Object.fromEntries(items.map((i) => [i.user.email.split('@')[0], i]));

  it('splits hours by category with the country’s public holidays and measures the spread', async () => {
    const id = await schedule('Fair with US holidays');
    const set = await t.admin.patch(`/api/v1/schedules/${id}`, { holidays: { kind: 'country', country: 'us', region: null } });
    expect(set.status).toBe(200);
    expect(set.body.holidays).toEqual({ kind: 'country', country: 'US', region: null });
    expect((await t.admin.get(`/api/v1/schedules/${id}`)).body.holidays).toEqual({ kind: 'country', country: 'US', region: null });

    const res = await fairness(id);
    expect(res.status).toBe(200);
    expect(res.body.holidays).toEqual([{ date: '2025-12-25', name: 'Christmas Day' }]);
    expect(res.body.holidayFeed).toBeNull();
    const people = byName(res.body.items);
    expect(people['alice']).toMatchObject({ member: true, total: 96, businessHours: 24, nights: 48, weekends: 24, holidays: 0 });
    expect(people['bob']).toMatchObject({ member: true, total: 72, businessHours: 8, nights: 16, weekends: 24, holidays: 24 });
    // Night + weekend + holiday hours: alice 72, bob 64; mean 68, standard deviation 4.
    expect(res.body.measure).toEqual({ members: 2, min: 64, max: 72, spread: 8, coefficientOfVariation: 0.059, verdict: 'even' });
    expect(res.body.items.map((i: { user: { email: string } }) => i.user.email.split('@')[0])).toEqual(['alice', 'bob']);
  });

  it('shows in the layer editor preview how an edit moves the measure over the preview period', async () => {
    const id = await schedule('Fair preview');
    await t.admin.patch(`/api/v1/schedules/${id}`, { holidays: { kind: 'country', country: 'US', region: null } });
    const layerId = (await t.admin.get(`/api/v1/schedules/${id}`)).body.layers[0].id as string;
    const preview = async (members: string[]) =>
      t.admin.post(`/api/v1/schedules/${id}/preview`, { edit: { kind: 'update_layer', layerId, patch: { members } }, from: MONDAY, to: NEXT_MONDAY });
    const same = await preview([ids['alice'] as string, ids['bob'] as string]);
    expect(same.status).toBe(200);
    const report = (await fairness(id)).body.measure;
    expect(same.body.fairness).toEqual({ before: report, after: report });
    // With carol added from Monday the week's 136 unsociable hours spread over three.
    const three = await preview([ids['alice'] as string, ids['bob'] as string, ids['carol'] as string]);
    expect(three.body.fairness.before).toEqual(report);
    expect(three.body.fairness.after.members).toBe(3);
    expect(three.body.fairness.after.max).toBeLessThan(report.max);
    // Bob leaving from the period's start is no longer a member to compare with.
    const alone = await preview([ids['alice'] as string]);
    expect(alone.body.fairness.after).toMatchObject({ members: 1, min: 136, max: 136, spread: 0, verdict: 'even' });
  });

  it('counts no holidays without a calendar, and lists a member with no hours', async () => {
    const id = await schedule('Fair without holidays', [ids['alice'], ids['bob'], ids['carol']]);
    const res = await fairness(id, MONDAY, new Date(Date.parse(MONDAY) + 2 * DAY).toISOString());
    expect(res.body.holidayCalendar).toEqual({ kind: 'none' });
    const people = byName(res.body.items);
    expect(people['carol']).toMatchObject({ member: true, total: 0, holidays: 0 });
    expect(people['alice']).toMatchObject({ total: 24, businessHours: 8, nights: 16 });
    expect(res.body.measure).toMatchObject({ members: 3, min: 0, max: 16, spread: 16 });
  });

  it('refuses bad periods and unknown holiday calendars at the field, and changes nothing', async () => {
    const id = await schedule('Fair validation');
    const backwards = await fairness(id, NEXT_MONDAY, MONDAY);
    expect(backwards.status).toBe(400);
    expect(backwards.headers['content-type']).toMatch(/problem\+json/);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ path: '/querystring/to' })]);
    const tooLong = await fairness(id, MONDAY, new Date(Date.parse(MONDAY) + 367 * DAY).toISOString());
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('/querystring/to');
    expect((await t.admin.get(`/api/v1/schedules/${id}/fairness?from=yesterday&to=${MONDAY}`)).status).toBe(400);

    const bad = [
      [{ kind: 'country', country: 'XX', region: null }, '/body/holidays/country'],
      [{ kind: 'country', country: 'US', region: 'ZZ' }, '/body/holidays/region'],
      [{ kind: 'ical', url: 'ftp://example.com/h.ics' }, '/body/holidays/url'],
      [{ kind: 'moon' }, '/body/holidays/kind'],
    ] as const;
    for (const [holidays, path] of bad) {
      const res = await t.admin.patch(`/api/v1/schedules/${id}`, { name: 'Renamed by a bad request', holidays });
      expect(res.status, JSON.stringify(holidays)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const after = (await t.admin.get(`/api/v1/schedules/${id}`)).body;
    expect(after).toMatchObject({ name: 'Fair validation', holidays: { kind: 'none' } });
  });

  it('lists the countries and regions a calendar can name', async () => {
    const res = await t.admin.get('/api/v1/holiday-countries');
    expect(res.status).toBe(200);
    const us = (res.body.items as { code: string; name: string; regions: { code: string; name: string }[] }[]).find((c) => c.code === 'US');
    expect(us?.name).toBe('United States of America');
    expect(us?.regions).toContainEqual({ code: 'CA', name: 'California' });
  });

  it('records the holiday calendar change in the audit log', async () => {
    const id = await schedule('Fair audited');
    await t.admin.patch(`/api/v1/schedules/${id}`, { holidays: { kind: 'country', country: 'DE', region: 'BY' } });
    const entries = (await t.admin.get(`/api/v1/audit-log?entityType=schedule&entityId=${id}`)).body.items as { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    const update = entries.find((e) => e.action === 'update');
    expect(update?.before).toMatchObject({ holidayCountry: null, holidayRegion: null });
    expect(update?.after).toMatchObject({ holidayCountry: 'DE', holidayRegion: 'BY' });
  });

  it('reads holidays from an iCal feed, keeps the last good copy when it fails, and refetches daily', async () => {
    const id = await schedule('Fair with a feed');
    feed = { status: 200, body: ics(['20251223', 'Team day'], ['20260101', 'New Year']) };
    expect((await t.admin.patch(`/api/v1/schedules/${id}`, { holidays: { kind: 'ical', url: feedUrl } })).status).toBe(200);

    const first = await fairness(id);
    expect(first.body.holidays).toEqual([{ date: '2025-12-23', name: 'Team day' }]);
    expect(first.body.holidayFeed).toEqual({ fetchedAt: MONDAY, checkedAt: MONDAY, error: null });
    expect(byName(first.body.items)['bob']).toMatchObject({ holidays: 24, businessHours: 8 });

    // Within the day the stored copy answers, whatever the feed says now.
    const before = requests;
    feed = { status: 500, body: 'down' };
    expect((await fairness(id)).body.holidays).toHaveLength(1);
    expect(requests).toBe(before);

    // A day later the feed is fetched again; it fails, and the last good copy stays in use.
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: DAY + 1 });
    const failed = await fairness(id);
    expect(requests).toBe(before + 1);
    expect(failed.body.holidays).toEqual([{ date: '2025-12-23', name: 'Team day' }]);
    expect(failed.body.holidayFeed).toMatchObject({ fetchedAt: MONDAY, error: expect.stringContaining('HTTP 500') });

    // Text that is not iCal is an error too; a working feed clears it.
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: DAY });
    feed = { status: 200, body: '<html>moved</html>' };
    expect((await fairness(id)).body.holidayFeed.error).toBeTruthy();
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: DAY });
    feed = { status: 200, body: ics(['20251224', 'Other day']) };
    const fixed = await fairness(id);
    expect(fixed.body.holidays).toEqual([{ date: '2025-12-24', name: 'Other day' }]);
    expect(fixed.body.holidayFeed.error).toBeNull();
    await t.anonymous.post('/api/v1/test/clock', { set: MONDAY });
  });

  it('starts a new feed URL from nothing: a failing new URL does not inherit the old copy', async () => {
    const id = await schedule('Fair with a moved feed');
    feed = { status: 200, body: ics(['20251223', 'Team day']) };
    await t.admin.patch(`/api/v1/schedules/${id}`, { holidays: { kind: 'ical', url: feedUrl } });
    expect((await fairness(id)).body.holidays).toHaveLength(1);
    feed = { status: 404, body: '' };
    await t.admin.patch(`/api/v1/schedules/${id}`, { holidays: { kind: 'ical', url: `${feedUrl}?v=2` } });
    const res = await fairness(id);
    expect(res.body.holidays).toEqual([]);
    expect(res.body.holidayFeed).toMatchObject({ fetchedAt: null, error: expect.stringContaining('HTTP 404') });
  });
});
