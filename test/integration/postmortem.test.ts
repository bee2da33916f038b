import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useDemoMonitors } from '../support/demo-monitors.js';
import { useTestApp } from '../support/test-app.js';

describeEachDatabase('postmortem export', (dialect) => {
  const t = useTestApp(dialect, { frozenAt: '2026-11-30T13:00:00.000Z' });
  const { pushed, incidents } = useDemoMonitors(t);

  it('downloads the incident as Markdown: summary, durations, timeline, alerts with details and notes', async () => {
    const monitor = await pushed('pagerduty');
    await t.anonymous.post('/api/v1/integrations/pagerduty/v2/enqueue', {
      routing_key: monitor.key,
      event_action: 'trigger',
      dedup_key: 'x',
      payload: { summary: 'Disk [full](https://evil.example)', source: 'db-1', severity: 'critical', custom_details: { free: '2%' } },
      links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }],
    });
    const [incident] = await incidents(monitor.id);
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 150_000 });
    expect((await t.admin.post(`/api/v1/incidents/${incident.id}/acknowledge`)).status).toBe(200);
    await t.admin.post(`/api/v1/incidents/${incident.id}/comments`, { text: 'Freed space.\n<script>alert(1)</script>' });
    await t.anonymous.post('/api/v1/test/clock', { advanceMs: 3_600_000 });
    await t.admin.post(`/api/v1/incidents/${incident.id}/resolve`);

    const res = await t.admin.get(`/api/v1/incidents/${incident.id}/postmortem.md?timeZone=America/New_York`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="postmortem-2026-11-30-${incident.id.slice(0, 8)}.md"`);
    const doc = res.body as string;
    expect(doc).toMatch(/^# Postmortem: Disk \\\[full\\\]\\\(https\\:\\\/\\\/evil\\\.example\\\)\n/);
    expect(doc).toContain('Times are in America/New_York (UTC-05:00 when the incident triggered)');
    expect(doc).toContain('- **Triggered:** 2026-11-30 08:00:00');
    expect(doc).toMatch(/- \*\*Acknowledged:\*\* 2026-11-30 08:02:30 by \S+/);
    expect(doc).toContain('- **Time to acknowledge:** 2 min 30 s');
    expect(doc).toContain('- **Time to resolve:** 1 h 2 min');
    expect(doc).toContain('- **Escalation policy:** ');
    expect(doc).toMatch(/\| 2026-11-30 08:00:00 \| Triggered \|/);
    expect(doc).toMatch(/\| 2026-11-30 09:02:30 \| Resolved by /);
    expect(doc).toContain('| free | 2\\% |');
    expect(doc).toContain('- [Dashboard](<https://grafana.example/d/1>)');
    expect(doc).toContain('> &lt;script&gt;alert\\(1\\)&lt;\\/script&gt;');
    expect(doc).not.toContain('<script>');
  });

  it("writes times in the caller's own zone unless one is chosen, and refuses a zone that does not exist", async () => {
    const monitor = await pushed('webhook');
    await t.anonymous.post(monitor.path, { title: 'Queue stuck' });
    const [incident] = await incidents(monitor.id);
    const zone = (await t.admin.get('/api/v1/auth/session')).body.user.timeZone as string;
    const own = await t.admin.get(`/api/v1/incidents/${incident.id}/postmortem.md`);
    expect(own.body).toContain(`Times are in ${zone} (`);
    const bad = await t.admin.get(`/api/v1/incidents/${incident.id}/postmortem.md?timeZone=Mars/Olympus`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/querystring/timeZone');
    expect((await t.admin.get('/api/v1/incidents/00000000-0000-4000-8000-000000000000/postmortem.md')).status).toBe(404);
    expect((await t.anonymous.get(`/api/v1/incidents/${incident.id}/postmortem.md`)).status).toBe(401);
  });
});
