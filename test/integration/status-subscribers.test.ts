import { parseFeed } from '@rowanmanning/feed-parser';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { statusDelivery } from '../../src/channels/status-delivery.js';
import { createLogger } from '../../src/app/logger.js';
import type { TestClock } from '../../src/kernel/clock.js';
import { verifyWebhookSignature } from '../../src/security/webhook-signature.js';
import { enqueueStatusNotices, retryDelayMs, StatusNoticeLoop } from '../../src/service/status-notices.js';
import { newId } from '../../src/store/ids.js';
import { createStatusPage } from '../../src/store/status-pages.js';
import { pruneStatusSubscriptions } from '../../src/store/status-subscribers.js';
import { describeEachDatabase } from '../support/databases.js';
import { useSmtpSink } from '../support/smtp-sink.js';
import { useTestApp, testConfig } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const base = 'http://127.0.0.1:8080';

describeEachDatabase('status page subscribers', (dialect) => {
  const sink = useSmtpSink();
  const t = useTestApp(dialect, { config: () => ({ smtpUrl: sink.url }) });
  let receiver: WebhookReceiver;
  let pageId: string;
  let teamId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    teamId = ((await t.admin.get('/api/v1/teams')).body.items as { id: string; name: string }[]).find((team) => team.name === 'Platform')!.id;
    const settings = { teamId, name: 'Acme Cloud', slug: 'acme', description: 'Acme services', timeZone: 'Europe/Berlin', accentColor: '#3b5bdb', access: 'public' };
    pageId = (await t.admin.post('/api/v1/status-pages', settings)).body.id;
    expect((await t.admin.post('/api/v1/status-pages', { ...settings, name: 'Internal', slug: 'internal', access: 'team' })).status).toBe(201);
  });
  afterAll(() => receiver?.close());

  const form = (url: string, fields: Record<string, string>) =>
    t.vigil.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

  async function mailTo(address: string, count = 1): Promise<ParsedMail[]> {
    await expect.poll(() => sink.messages.filter((m) => m.to && JSON.stringify(m.to).includes(address)).length, { timeout: 5000 }).toBeGreaterThanOrEqual(count);
    return sink.messages.filter((m) => JSON.stringify(m.to).includes(address));
  }

  const linkIn = (text: string, path: string) => {
    const match = new RegExp(`${base}/status/acme/${path}\\?token=[A-Za-z0-9_.%-]+`).exec(text);
    expect(match, `a ${path} link in:\n${text}`).not.toBeNull();
    return match![0].slice(base.length);
  };

  /** Publishes through the admin API: a new public incident, or an update of one. */
  async function publish(title: string, status: 'investigating' | 'identified' | 'monitoring' | 'resolved', body: string, incidentId?: string) {
    const res = incidentId
      ? await t.admin.post(`/api/v1/status-pages/${pageId}/incidents/${incidentId}/entries`, { status, body })
      : await t.admin.post(`/api/v1/status-pages/${pageId}/incidents`, { title, status, body, componentIds: [] });
    expect(res.status).toBe(201);
    const entry = (res.body.entries as { id: string; status: string; body: string; at: string }[]).find((e) => e.status === status && e.body === body)!;
    return { incidentId: res.body.id as string, entryId: entry.id, at: Date.parse(entry.at) };
  }

  it('email: subscribe, confirm by the link, get updates with one-click unsubscribe headers, unsubscribe in one click', async () => {
    const res = await form('/status/acme/subscribe', { email: 'Reader@Example.com' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('Check your inbox');
    await form('/status/acme/subscribe', { email: 'never-confirms@example.com' });

    const [confirmation] = await mailTo('reader@example.com');
    expect(confirmation!.subject).toBe('Confirm your subscription to Acme Cloud status updates');
    const confirm = linkIn(confirmation!.text!, 'subscribe/confirm');
    // Opening the link only asks: a mail scanner fetching it confirms nothing.
    const shown = await t.anonymous.get(confirm);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('<form method="post"');
    expect((await t.admin.get(`/api/v1/status-pages/${pageId}/subscribers`)).body.subscribers.every((s: { confirmed: boolean }) => !s.confirmed)).toBe(true);
    const confirmed = await t.anonymous.post(confirm);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toContain('Subscribed');
    // Single use.
    expect((await t.anonymous.post(confirm)).status).toBe(404);

    const { incidentId } = await publish('API errors', 'investigating', 'We are looking into elevated error rates.');
    await t.vigil.statusNotices.runOnce();
    const [, notice] = await mailTo('reader@example.com', 2);
    expect(notice!.subject).toBe('[Acme Cloud] Investigating: API errors');
    expect(notice!.text).toContain('We are looking into elevated error rates.');
    const unsubscribe = linkIn(notice!.text!, 'unsubscribe');
    const header = (name: string) => notice!.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n[ \t]+/g, ' ');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${base}${unsubscribe}>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // Nobody unconfirmed got anything but the confirmation.
    expect((await mailTo('never-confirms@example.com')).map((m) => m.subject)).toEqual(['Confirm your subscription to Acme Cloud status updates']);

    // The link itself asks first; a scanner fetching it unsubscribes nobody.
    expect((await t.anonymous.get(unsubscribe)).body).toContain('Stop sending Acme Cloud status updates to reader@example.com?');
    // RFC 8058: a POST of List-Unsubscribe=One-Click to the header's URL, no page; mail
    // clients should send it as multipart/form-data.
    const boundary = 'vigil-test-boundary';
    const oneClick = await t.vigil.app.inject({
      method: 'POST',
      url: unsubscribe,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('Unsubscribed');

    const before = sink.messages.length;
    await publish('API errors', 'resolved', 'Fixed.', incidentId);
    await t.vigil.statusNotices.runOnce();
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.messages.length).toBe(before);
    const listed = (await t.admin.get(`/api/v1/status-pages/${pageId}/subscribers`)).body;
    expect(listed.subscribers.map((s: { address: string }) => s.address)).toEqual(['never-confirms@example.com']);
    expect(listed.emailDelivery).toBe('configured');
  });

  it('answers the same for an address already subscribed, and sends it nothing', async () => {
    await form('/status/acme/subscribe', { email: 'twice@example.com' });
    const [confirmation] = await mailTo('twice@example.com');
    await t.anonymous.post(linkIn(confirmation!.text!, 'subscribe/confirm'));
    const again = await form('/status/acme/subscribe', { email: 'twice@example.com' });
    const fresh = await form('/status/acme/subscribe', { email: 'fresh@example.com' });
    expect(again.statusCode).toBe(fresh.statusCode);
    expect(again.body.replace('twice', 'fresh')).toBe(fresh.body);
    await mailTo('fresh@example.com');
    await new Promise((r) => setTimeout(r, 200));
    expect(await mailTo('twice@example.com')).toHaveLength(1);
  });

  it('refuses bad addresses with 400, floods with 429, and pages the public cannot follow with 404', async () => {
    expect((await form('/status/acme/subscribe', { email: 'not-an-address' })).statusCode).toBe(400);
    expect((await form('/status/acme/subscribe', { webhook: 'ftp://example.com/' })).statusCode).toBe(400);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await form('/status/acme/subscribe', { email: 'flood@example.com' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    expect((await form('/status/internal/subscribe', { email: 'x@example.com' })).statusCode).toBe(404);
    expect((await t.anonymous.get('/status/internal/feed.atom')).status).toBe(404);
    expect((await t.anonymous.get('/status/nope/feed.rss')).status).toBe(404);
  });

  it('webhook: confirmed by opening the link it was sent, signed notices, retried after a 500', async () => {
    const url = receiver.url('/status-hook');
    await form('/status/acme/subscribe', { webhook: url });
    await expect.poll(() => receiver.received.filter((r) => r.path === '/status-hook').length).toBe(1);
    const request = receiver.received.find((r) => r.path === '/status-hook')!;
    const body = JSON.parse(request.rawBody) as { type: string; confirmUrl: string; signingKey: string };
    expect(body.type).toBe('status.subscription_confirmation');
    expect(verifyWebhookSignature(body.signingKey, request.rawBody, request.signature, request.signedAt)).toBe(true);
    const confirmed = await t.anonymous.post(body.confirmUrl.slice(base.length));
    expect(confirmed.body).toContain(body.signingKey);

    receiver.respondWith(500);
    const { incidentId, entryId } = await publish('Login slow', 'identified', 'A cache node is down.');
    await t.vigil.statusNotices.runOnce();
    // The node's own loop runs too and may be the one that tried: wait for the outcome.
    const webhookRow = async () => (await t.admin.get(`/api/v1/status-pages/${pageId}/subscribers`)).body.subscribers.find((s: { kind: string }) => s.kind === 'webhook');
    await expect.poll(webhookRow).toMatchObject({ confirmed: true, pending: 1, lastError: 'webhook answered HTTP 500' });

    receiver.respondWith(200);
    (t.vigil.clock as TestClock).advance(retryDelayMs(1));
    await t.vigil.statusNotices.runOnce();
    const notices = () => receiver.received.filter((r) => r.path === '/status-hook' && r.body.type === 'status.incident_update');
    await expect.poll(() => notices().length).toBe(1);
    await expect.poll(webhookRow).toMatchObject({ pending: 0, failed: 0, lastError: null });
    const notice = notices()[0]!;
    expect(verifyWebhookSignature(body.signingKey, notice.rawBody, notice.signature, notice.signedAt)).toBe(true);
    expect(JSON.parse(notice.rawBody)).toMatchObject({
      page: { name: 'Acme Cloud', slug: 'acme' },
      incident: { id: incidentId, title: 'Login slow', new: true },
      update: { id: entryId, status: 'identified', body: 'A cache node is down.' },
      url: `${base}/status/acme/incidents/${incidentId}`,
    });
    expect(notice.idempotencyKey).toMatch(new RegExp(`^status:entry:${entryId}:`));
  });

  it('two nodes sending at once send each notice once', async () => {
    const db = t.vigil.database;
    const config = testConfig(t.databaseUrl);
    const other = new StatusNoticeLoop({
      database: db,
      clock: t.vigil.clock,
      logger: createLogger('silent'),
      delivery: statusDelivery({ smtpUrl: sink.url, emailFrom: config.emailFrom, secret: config.secret, destinationPolicy: config.destinationPolicy, now: () => t.vigil.clock.now() }),
      baseUrl: config.baseUrl,
      secret: config.secret,
      owner: 'other-node',
    });
    const before = receiver.received.length;
    const mailsBefore = sink.messages.length;
    const { entryId, incidentId } = await publish('Storage degraded', 'monitoring', 'Recovering.');
    // This node's own loop runs as well: three senders.
    await Promise.all([t.vigil.statusNotices.runOnce(), other.runOnce()]);
    await expect.poll(() => receiver.received.length - before).toBe(1);
    // One confirmed email subscriber (twice@) besides the webhook.
    await expect.poll(() => sink.messages.length - mailsBefore).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    const sent = receiver.received.slice(before);
    expect(sent.map((r) => r.body.type)).toEqual(['status.incident_update']);
    expect(sent[0]!.idempotencyKey).toContain(entryId);
    const rows = await db.db.selectFrom('status_notices').select(['state', 'attempts']).where('event_id', '=', `entry:${entryId}`).execute();
    expect(rows).toEqual([
      { state: 'sent', attempts: 1 },
      { state: 'sent', attempts: 1 },
    ]);
    // Publishing the same entry again queues nothing.
    await db.db.transaction().execute((trx) =>
      enqueueStatusNotices(trx, { type: 'incident_update', pageId, incidentId, entry: { id: entryId, status: 'monitoring', body: 'Recovering.', at: 0 }, first: false }, 0),
    );
    await t.vigil.statusNotices.runOnce();
    expect(receiver.received.length - before).toBe(1);
  });

  it('feeds list every update and maintenance, read back by a feed parser', async () => {
    const db = t.vigil.database.db;
    const now = t.vigil.clock.now();
    const posted = await t.admin.post(`/api/v1/status-pages/${pageId}/maintenances`, {
      title: 'Database upgrade',
      body: 'Read-only for ten minutes.',
      startsAt: new Date(now + 86_400_000).toISOString(),
      endsAt: new Date(now + 90_000_000).toISOString(),
      componentIds: [],
    });
    expect(posted.status).toBe(201);
    const entries = await db
      .selectFrom('status_incident_entries as e')
      .innerJoin('status_incidents as i', 'i.id', 'e.status_incident_id')
      .select(['e.id', 'e.status_incident_id', 'e.at', 'i.title', 'e.status'])
      .where('i.page_id', '=', pageId)
      .execute();
    for (const format of ['atom', 'rss'] as const) {
      const res = await t.anonymous.get(`/status/acme/feed.${format}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain(format === 'atom' ? 'application/atom+xml' : 'application/rss+xml');
      const feed = parseFeed(res.body as string);
      expect(feed.meta.type).toBe(format);
      expect(feed.title).toBe('Acme Cloud status');
      expect(feed.url).toBe(`${base}/status/acme`);
      expect(feed.items).toHaveLength(entries.length + 1);
      expect(feed.items[0]!.title).toBe('Scheduled maintenance: Database upgrade');
      for (const e of entries) {
        const url = `${base}/status/acme/incidents/${e.status_incident_id}`;
        const item = feed.items.find((i) => i.id === `${url}#update-${e.id}`);
        expect(item, `${format} item of entry ${e.id}`).toBeDefined();
        expect(item!.url).toBe(url);
        expect(item!.title).toBe(`${e.status[0]!.toUpperCase()}${e.status.slice(1)}: ${e.title}`);
        // RSS dates (RFC 822) have whole seconds.
        expect(Math.floor((item!.published ?? item!.updated)!.getTime() / 1000)).toBe(Math.floor(Number(e.at) / 1000));
      }
    }
  });

  it('maintenance: told when it is scheduled and once when it starts', async () => {
    const now = t.vigil.clock.now();
    const created = await t.admin.post(`/api/v1/status-pages/${pageId}/maintenances`, {
      title: 'Network work',
      body: 'Short blips.',
      startsAt: new Date(now + 3_600_000).toISOString(),
      endsAt: new Date(now + 7_200_000).toISOString(),
      componentIds: [],
    });
    expect(created.status).toBe(201);
    const maintenance = created.body as { id: string };
    const ofThis = (type: string) => receiver.received.filter((r) => r.body.type === type && (JSON.parse(r.rawBody) as { maintenance: { id: string } }).maintenance.id === maintenance.id);
    await t.vigil.statusNotices.runOnce();
    // This node's own loop may be the one sending: wait for it.
    await expect.poll(() => ofThis('status.maintenance_scheduled').length).toBe(1);
    expect(ofThis('status.maintenance_started')).toHaveLength(0);
    (t.vigil.clock as TestClock).advance(3_600_000);
    await t.vigil.statusNotices.runOnce();
    await t.vigil.statusNotices.runOnce();
    await expect.poll(() => ofThis('status.maintenance_started').length).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(ofThis('status.maintenance_started')).toHaveLength(1);
    const mails = await mailTo('twice@example.com', 4);
    expect(mails.map((m) => m.subject)).toContain('[Acme Cloud] Maintenance started: Network work');
  });

  it('maintenance: told of a change, of its end, and of its cancelling; not of a component change or a past one forgotten', async () => {
    const clock = t.vigil.clock as TestClock;
    const schedule = async (title: string, startInMs: number, endInMs: number) => {
      const now = clock.now();
      const res = await t.admin.post(`/api/v1/status-pages/${pageId}/maintenances`, {
        title,
        body: 'Planned work.',
        startsAt: new Date(now + startInMs).toISOString(),
        endsAt: new Date(now + endInMs).toISOString(),
        componentIds: [],
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const told = (id: string) =>
      receiver.received.flatMap((r) => {
        const body = JSON.parse(r.rawBody) as { type: string; maintenance?: { id: string; title: string; endsAt: string } };
        return body.maintenance?.id === id ? [{ type: body.type, title: body.maintenance.title, endsAt: body.maintenance.endsAt }] : [];
      });
    const types = (id: string) => told(id).map((n) => n.type);
    const settle = async () => {
      await t.vigil.statusNotices.runOnce();
      await t.vigil.statusNotices.runOnce();
    };

    const upgrade = await schedule('Disk upgrade', 600_000, 1_200_000);
    await settle();
    await expect.poll(() => types(upgrade)).toEqual(['status.maintenance_scheduled']);
    const layout = await t.admin.put(`/api/v1/status-pages/${pageId}/layout`, { sections: [{ name: 'Core', components: [{ name: 'Storage', monitorIds: [] }] }] });
    expect(layout.status).toBe(200);
    const storage = layout.body.sections[0].components[0].id as string;
    expect((await t.admin.patch(`/api/v1/status-pages/${pageId}/maintenances/${upgrade}`, { componentIds: [storage] })).status).toBe(200);
    expect((await t.admin.patch(`/api/v1/status-pages/${pageId}/maintenances/${upgrade}`, { body: 'Planned work.' })).status).toBe(200);
    expect((await t.admin.patch(`/api/v1/status-pages/${pageId}/maintenances/${upgrade}`, { title: 'Disk and RAM upgrade' })).status).toBe(200);
    await settle();
    await expect.poll(() => told(upgrade).at(-1)).toMatchObject({ type: 'status.maintenance_updated', title: 'Disk and RAM upgrade' });
    expect(types(upgrade)).toEqual(['status.maintenance_scheduled', 'status.maintenance_updated']);

    clock.advance(600_000);
    await settle();
    await expect.poll(() => types(upgrade).at(-1)).toBe('status.maintenance_started');
    clock.advance(600_000);
    await settle();
    await expect.poll(() => types(upgrade).at(-1)).toBe('status.maintenance_completed');
    await settle();
    await new Promise((r) => setTimeout(r, 300));
    expect(types(upgrade)).toEqual(['status.maintenance_scheduled', 'status.maintenance_updated', 'status.maintenance_started', 'status.maintenance_completed']);
    const mails = await mailTo('twice@example.com', 8);
    expect(mails.map((m) => m.subject)).toContain('[Acme Cloud] Maintenance completed: Disk and RAM upgrade');
    // Forgetting it now that it is over tells nobody.
    expect((await t.admin.delete(`/api/v1/status-pages/${pageId}/maintenances/${upgrade}`)).status).toBe(204);

    const later = await schedule('Router swap', 3_600_000, 7_200_000);
    const ongoing = await schedule('Cable work', 0, 3_600_000);
    await settle();
    clock.advance(60_000);
    expect((await t.admin.delete(`/api/v1/status-pages/${pageId}/maintenances/${later}`)).status).toBe(204);
    const deleting = clock.now();
    expect((await t.admin.delete(`/api/v1/status-pages/${pageId}/maintenances/${ongoing}`)).status).toBe(204);
    const deleted = clock.now();
    await settle();
    await expect.poll(() => types(later).at(-1)).toBe('status.maintenance_cancelled');
    // Under way, it ended when it was deleted (the test clock runs on meanwhile).
    await expect.poll(() => told(ongoing).at(-1)?.type).toBe('status.maintenance_completed');
    const endedAt = Date.parse(told(ongoing).at(-1)!.endsAt);
    expect(endedAt).toBeGreaterThanOrEqual(deleting);
    expect(endedAt).toBeLessThanOrEqual(deleted);
    await new Promise((r) => setTimeout(r, 300));
    expect(types(upgrade)).toHaveLength(4);
    expect(types(later)).toEqual(['status.maintenance_scheduled', 'status.maintenance_cancelled']);
    expect(types(ongoing)).toEqual(['status.maintenance_scheduled', 'status.maintenance_completed']);
  });

  it('admins and the team manager see addresses whole and remove subscribers', async () => {
    const list = (await t.admin.get(`/api/v1/status-pages/${pageId}/subscribers`)).body;
    const one = list.subscribers.find((s: { address: string }) => s.address === 'never-confirms@example.com');
    expect((await t.admin.delete(`/api/v1/status-pages/${pageId}/subscribers/${one.id}`)).status).toBe(204);
    expect((await t.admin.delete(`/api/v1/status-pages/${pageId}/subscribers/${one.id}`)).status).toBe(404);
  });
});

describeEachDatabase('status page subscribers without SMTP', (dialect) => {
  const t = useTestApp(dialect);

  it('keeps email notices queued and says so, and offers no email form', async () => {
    const db = t.vigil.database.db;
    const teamId = ((await t.admin.get('/api/v1/teams')).body.items as { id: string; name: string }[]).find((team) => team.name === 'Platform')!.id;
    const now = t.vigil.clock.now();
    const page = await createStatusPage(db, teamId, { name: 'Quiet', slug: 'quiet', description: null, timeZone: 'UTC', accentColor: '#3b5bdb', access: 'public', customDomain: null }, now);
    // Confirmed while SMTP was still configured.
    await db.insertInto('status_subscribers').values({ id: newId(), page_id: page.id, kind: 'email', address: 'ops@example.com', confirm_token_hash: null, confirm_expires_at: null, confirmed_at: now, created_at: now }).execute();
    const res = await t.vigil.app.inject({ method: 'POST', url: '/status/quiet/subscribe', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=new%40example.com' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('email is not set up here');

    const incidentId = newId();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('status_incidents').values({ id: incidentId, page_id: page.id, incident_id: null, title: 'Slow', created_at: now, updated_at: now, resolved_at: null }).execute();
      const entry = { id: newId(), status: 'investigating' as const, body: 'Looking.', at: now };
      await trx.insertInto('status_incident_entries').values({ ...entry, status_incident_id: incidentId }).execute();
      await enqueueStatusNotices(trx, { type: 'incident_update', pageId: page.id, incidentId, entry, first: true }, now);
    });
    await t.vigil.statusNotices.runOnce();
    const listed = (await t.admin.get(`/api/v1/status-pages/${page.id}/subscribers`)).body;
    expect(listed).toMatchObject({ emailDelivery: 'not_configured', queuedEmails: 1, subscribers: [{ address: 'ops@example.com', pending: 1, failed: 0 }] });
    const row = await db.selectFrom('status_notices').select(['state', 'attempts']).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'queued', attempts: 0 });
  });

  it('drops expired unconfirmed subscriptions and old sent notices', async () => {
    const db = t.vigil.database.db;
    const page = await db.selectFrom('status_pages').select('id').where('slug', '=', 'quiet').executeTakeFirstOrThrow();
    const now = t.vigil.clock.now();
    const row = (address: string, expires: number) => ({ id: newId(), page_id: page.id, kind: 'email' as const, address, confirm_token_hash: newId(), confirm_expires_at: expires, confirmed_at: null, created_at: now });
    await db.insertInto('status_subscribers').values([row('expired@example.com', now - 1), row('waiting@example.com', now + 1000)]).execute();
    await db.updateTable('status_notices').set({ state: 'sent', sent_at: now - 31 * 86_400_000 }).execute();
    await pruneStatusSubscriptions(db, now, now - 30 * 86_400_000);
    const left = await db.selectFrom('status_subscribers').select('address').orderBy('address').execute();
    expect(left.map((r) => r.address)).toEqual(['ops@example.com', 'waiting@example.com']);
    expect(await db.selectFrom('status_notices').selectAll().execute()).toEqual([]);
  });
});
