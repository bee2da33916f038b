import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoIds } from '../support/demo-ids.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-03-03 10:00 in Chicago (UTC-6), where alice lives. The rota below hands over
// daily at 09:00: alice to Wednesday, bob, carol, then alice again from Friday 09:00 (15:00Z).
const NOW = '2026-03-03T16:00:00.000Z';
const MINUTE = 60_000;

/** A calendar as a leave system exports it; `events` are VEVENT bodies. */
const calendar = (...events: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Vigil tests//Leave//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', 'DTSTAMP:20260301T000000Z', ...e.trim().split('\n').map((l) => l.trim()), 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

const friday = `UID:friday@leave.test
DTSTART;VALUE=DATE:20260306
DTEND;VALUE=DATE:20260307
SUMMARY:Long weekend`;
const doctor = `UID:doctor@leave.test
DTSTART;TZID=America/New_York:20260310T090000
DTEND;TZID=America/New_York:20260310T110000
SUMMARY:Doctor`;
const thursday = `UID:friday@leave.test
DTSTART;VALUE=DATE:20260305
DTEND;VALUE=DATE:20260306
SUMMARY:Long weekend (moved)`;

describeEachDatabase('time off imported from a calendar', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: NOW });
  const ids = useDemoIds(t);
  let server: Server;
  let body = '';
  let status = 200;
  let requests = 0;
  let schedule: string;
  let url: string;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(status, { 'content-type': 'text/calendar; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alice.ics`;
    const res = await t.admin.post('/api/v1/schedules', {
      name: 'Imported rota',
      teamId: ids['team'],
      timeZone: 'America/Chicago',
      layers: [{ name: 'Primary', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [ids['alice'], ids['bob'], ids['carol']] }],
    });
    schedule = res.body.id;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const setClock = (at: string) => t.anonymous.post('/api/v1/test/clock', { set: at });
  const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * MINUTE).toISOString();
  const rows = async () =>
    ((await t.admin.get(`/api/v1/users/${ids['alice']}/time-off`)).body.items as { id: string; start: string; end: string; note: string; source: string }[]).map((r) => [r.source, r.start, r.end, r.note]);
  const primaryAt = async (at: string) => {
    const p = (await t.admin.get(`/api/v1/schedules/${schedule}/on-call?at=${at}`)).body.primary;
    return [p.user.id, p.source];
  };

  it('adds, updates and removes calendar rows by UID, leaves rows entered by hand alone, keeps them when the feed fails, and clearing the address removes them', async () => {
    const manual = await t.admin.post(`/api/v1/users/${ids['alice']}/time-off`, { start: '2026-03-20T15:00:00.000Z', end: '2026-03-21T15:00:00.000Z', note: 'By hand' });
    expect(manual.status).toBe(201);
    body = calendar(friday, doctor);
    expect((await t.admin.put(`/api/v1/users/${ids['alice']}/time-off-calendar`, { url })).status).toBe(200);

    await t.vigil.timeOffImport.runOnce();
    // All day in alice's zone (Chicago); the doctor's time in New York's.
    expect(await rows()).toEqual([
      ['calendar', '2026-03-06T06:00:00.000Z', '2026-03-07T06:00:00.000Z', 'Long weekend'],
      ['calendar', '2026-03-10T13:00:00.000Z', '2026-03-10T15:00:00.000Z', 'Doctor'],
      ['manual', '2026-03-20T15:00:00.000Z', '2026-03-21T15:00:00.000Z', 'By hand'],
    ]);
    expect(await primaryAt('2026-03-06T16:00:00.000Z')).toEqual([ids['bob'], 'cover']);
    expect((await t.admin.get(`/api/v1/users/${ids['alice']}/time-off-calendar`)).body).toEqual({ url, urlHidden: false, syncedAt: NOW, error: null });

    // Not due again within 15 minutes.
    const fetched = requests;
    await setClock(later(10));
    await t.vigil.timeOffImport.runOnce();
    expect(requests).toBe(fetched);

    body = calendar(thursday);
    await setClock(later(16));
    await t.vigil.timeOffImport.runOnce();
    expect(await rows()).toEqual([
      ['calendar', '2026-03-05T06:00:00.000Z', '2026-03-06T06:00:00.000Z', 'Long weekend (moved)'],
      ['manual', '2026-03-20T15:00:00.000Z', '2026-03-21T15:00:00.000Z', 'By hand'],
    ]);
    expect(await primaryAt('2026-03-06T16:00:00.000Z')).toEqual([ids['alice'], 'rotation']);

    const imported = (await t.admin.get(`/api/v1/users/${ids['alice']}/time-off`)).body.items[0].id as string;
    const edit = await t.admin.patch(`/api/v1/users/${ids['alice']}/time-off/${imported}`, { note: 'mine' });
    expect([edit.status, edit.body.code]).toEqual([409, 'time_off_imported']);
    expect((await t.admin.delete(`/api/v1/users/${ids['alice']}/time-off/${imported}`)).status).toBe(409);

    status = 503;
    await setClock(later(32));
    await t.vigil.timeOffImport.runOnce();
    expect((await rows()).length).toBe(2);
    expect((await t.admin.get(`/api/v1/users/${ids['alice']}/time-off-calendar`)).body).toEqual({ url, urlHidden: false, syncedAt: later(32), error: 'calendar answered HTTP 503' });

    status = 200;
    body = '<html>Sign in to see this calendar</html>';
    await setClock(later(48));
    await t.vigil.timeOffImport.runOnce();
    expect((await rows()).length).toBe(2);
    expect((await t.admin.get(`/api/v1/users/${ids['alice']}/time-off-calendar`)).body.error).toMatch(/^not a readable iCalendar file/);

    await t.admin.put(`/api/v1/users/${ids['alice']}/time-off-calendar`, { url: null });
    expect(await rows()).toEqual([['manual', '2026-03-20T15:00:00.000Z', '2026-03-21T15:00:00.000Z', 'By hand']]);
  });
});
