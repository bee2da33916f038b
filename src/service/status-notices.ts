import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { DestinationRefused, DeliveryError } from '../channels/channel.js';
import type { StatusDelivery } from '../channels/status-delivery.js';
import { noticeEventId, noticeHtml, noticeSubject, noticeText, noticeWebhookBody, type MaintenanceNoticeType, type NoticeLinks, type NoticeMaintenance, type StatusNotice } from '../core/status-page/notice.js';
import type { UpdateStatus } from '../core/status-page/view.js';
import { DAY, HOUR, MINUTE } from '../core/time/units.js';
import { PollingLoop } from '../engine/polling-loop.js';
import type { Clock } from '../kernel/clock.js';
import { unsubscribeToken } from '../security/status-subscription-token.js';
import type { Database } from '../store/database.js';
import type { DB, StatusSubscriberKind } from '../store/schema.js';
import {
  claimDueNotices,
  markNoticeFailed,
  markNoticeRetry,
  markNoticeSent,
  nextNoticeAt,
  pruneStatusSubscriptions,
  queueNoticeEvent,
  unannouncedEndedMaintenances,
  unannouncedStartedMaintenances,
  type ClaimedNotice,
} from '../store/status-subscribers.js';
import { transact } from '../store/transact.js';

/** A public change subscribers are told of, as the publishing service knows it. */
export type PublishedStatusEvent =
  | {
      type: 'incident_update';
      pageId: string;
      /** The public incident (its title is read in the transaction, as published). */
      incidentId: string;
      entry: { id: string; status: UpdateStatus; body: string; at: number };
      /** The incident's first entry (the incident is new). */
      first: boolean;
    }
  | { type: Exclude<MaintenanceNoticeType, 'maintenance_updated'>; pageId: string; maintenance: NoticeMaintenance }
  | { type: 'maintenance_updated'; pageId: string; maintenance: NoticeMaintenance; changedAt: number };

/**
 * Queues a notice of a published event for every confirmed subscriber of its page. Called
 * inside the transaction that publishes (service/status-updates.ts), so a rolled-back
 * publication announces nothing and a committed one cannot be lost by a crash.
 */
export async function enqueueStatusNotices(trx: Kysely<DB>, event: PublishedStatusEvent, now: number): Promise<void> {
  const page = await trx.selectFrom('status_pages').select(['name', 'slug', 'time_zone']).where('id', '=', event.pageId).executeTakeFirstOrThrow();
  const shown = { name: page.name, slug: page.slug, timeZone: page.time_zone };
  let notice: StatusNotice;
  if (event.type === 'incident_update') {
    const incident = await trx.selectFrom('status_incidents').select(['id', 'title']).where('id', '=', event.incidentId).executeTakeFirstOrThrow();
    notice = { type: 'incident_update', page: shown, incident, entry: event.entry, first: event.first };
  } else if (event.type === 'maintenance_updated') {
    notice = { type: event.type, page: shown, maintenance: event.maintenance, changedAt: event.changedAt };
  } else {
    notice = { type: event.type, page: shown, maintenance: event.maintenance };
  }
  await queueNoticeEvent(trx, { id: noticeEventId(notice), pageId: event.pageId, payload: JSON.stringify(notice), now });
}

/** Public URLs of a page's subscriber links, from the configured base URL. */
export function statusLinks(baseUrl: string, slug: string) {
  const page = `${baseUrl}/status/${encodeURIComponent(slug)}`;
  return {
    page,
    incident: (id: string) => `${page}/incidents/${encodeURIComponent(id)}`,
    confirm: (token: string) => `${page}/subscribe/confirm?token=${encodeURIComponent(token)}`,
    unsubscribe: (token: string) => `${page}/unsubscribe?token=${encodeURIComponent(token)}`,
  };
}

const MAX_ATTEMPTS = 8;
const LEASE_MS = MINUTE;
const BATCH = 50;
const IN_FLIGHT = 10;
/** Longest sleep without a look: notices queued by another node, and a maintenance's start and end, are sent within this. */
const MAX_SLEEP_MS = 5_000;
/** How late a maintenance's end is still told. */
const ENDS_TOLD_WITHIN = HOUR;
/** How long a sent notice's row is kept (the admin list counts what waits and failed). */
const SENT_KEPT = 30 * DAY;

/** 30 s, 1 min, 2 min, … up to an hour: eight attempts span about an hour and a half. */
export function retryDelayMs(attempts: number): number {
  return Math.min(HOUR, (MINUTE / 2) * 2 ** Math.max(0, attempts - 1));
}

export interface StatusNoticeDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  delivery: StatusDelivery;
  baseUrl: string;
  secret: string;
  /** This node's id, recorded on its claims. */
  owner: string;
}

/**
 * Sends status page notices from the outbox (store/status-subscribers.ts). Every node runs
 * it; rows are claimed under a lease, so two nodes never send one notice at once, and a
 * node that dies mid-send leaves its rows to be claimed again when the lease ends (the
 * idempotency key is the same on every attempt). Without SMTP email rows stay queued.
 */
export class StatusNoticeLoop extends PollingLoop {
  private readonly kinds: StatusSubscriberKind[];
  private prunedAt = -Infinity;

  constructor(private readonly deps: StatusNoticeDeps) {
    super({ clock: deps.clock, logger: deps.logger, name: 'status page notices' });
    this.kinds = deps.delivery.email ? ['email', 'webhook'] : ['webhook'];
  }

  /** Passes until nothing is due. */
  async runOnce(): Promise<void> {
    await this.announceMaintenanceTimes();
    let claimed: number;
    do claimed = await this.claimAndSend();
    while (claimed > 0);
  }

  protected async pass(): Promise<void> {
    await this.announceMaintenanceTimes();
    await this.claimAndSend();
    const now = this.deps.clock.now();
    if (now - this.prunedAt >= HOUR) {
      await pruneStatusSubscriptions(this.deps.database.db, now, now - SENT_KEPT);
      this.prunedAt = now;
    }
  }

  /**
   * Queues "maintenance started" once per maintenance, and "completed" once per end it
   * reaches (the event's key makes a second node's try a no-op). An end is told up to an
   * hour late (every node down meanwhile), not later: by then it is old news.
   */
  private async announceMaintenanceTimes(): Promise<void> {
    const { database, clock } = this.deps;
    const now = clock.now();
    const started = (await unannouncedStartedMaintenances(database.db, now)).map((m) => ({ type: 'maintenance_started' as const, m }));
    const ended = (await unannouncedEndedMaintenances(database.db, now, now - ENDS_TOLD_WITHIN)).map((m) => ({ type: 'maintenance_completed' as const, m }));
    for (const { type, m } of [...started, ...ended]) {
      const { pageId, ...maintenance } = m;
      await transact(database.db, (trx) => enqueueStatusNotices(trx, { type, pageId, maintenance }, now));
    }
  }

  protected async sleepMs(): Promise<number> {
    const next = await nextNoticeAt(this.deps.database.db, this.kinds);
    return next === null ? MAX_SLEEP_MS : Math.max(0, Math.min(MAX_SLEEP_MS, next - this.deps.clock.now()));
  }

  private async claimAndSend(): Promise<number> {
    const { database, clock, owner } = this.deps;
    const claimed = await claimDueNotices(database.db, database.dialect, { owner, now: clock.now(), leaseMs: LEASE_MS, limit: BATCH, kinds: this.kinds });
    for (let i = 0; i < claimed.length; i += IN_FLIGHT) await Promise.all(claimed.slice(i, i + IN_FLIGHT).map((n) => this.sendOne(n)));
    return claimed.length;
  }

  private async sendOne(n: ClaimedNotice): Promise<void> {
    const { database, clock, logger } = this.deps;
    const key = { eventId: n.eventId, subscriberId: n.subscriberId, owner: this.deps.owner };
    try {
      await deliverNotice(this.deps, n);
      await markNoticeSent(database.db, key, clock.now());
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      // A refused destination (a private address) or an endless failure will not get better.
      if (err instanceof DestinationRefused || n.attempts >= MAX_ATTEMPTS) {
        logger.warn({ subscriberId: n.subscriberId, eventId: n.eventId, attempts: n.attempts, err: message }, 'status page notice failed for good');
        await markNoticeFailed(database.db, key, message);
        return;
      }
      const wait = Math.max(retryDelayMs(n.attempts), err instanceof DeliveryError ? (err.retryAfterMs ?? 0) : 0);
      await markNoticeRetry(database.db, key, clock.now() + wait, message);
    }
  }
}

async function deliverNotice(deps: StatusNoticeDeps, n: ClaimedNotice): Promise<void> {
  const notice = JSON.parse(n.payload) as StatusNotice;
  const links = statusLinks(deps.baseUrl, notice.page.slug);
  const noticeLinks: NoticeLinks = {
    view: notice.type === 'incident_update' ? links.incident(notice.incident.id) : links.page,
    unsubscribe: links.unsubscribe(unsubscribeToken(n.subscriberId, deps.secret)),
  };
  const idempotencyKey = `status:${n.eventId}:${n.subscriberId}`;
  if (n.kind === 'webhook') {
    await deps.delivery.webhook(n.address, JSON.stringify(noticeWebhookBody(notice, noticeLinks, idempotencyKey)), idempotencyKey);
    return;
  }
  if (!deps.delivery.email) throw new DeliveryError('no SMTP server is configured (VIGIL_SMTP_URL)');
  await deps.delivery.email({
    to: n.address,
    subject: noticeSubject(notice),
    text: noticeText(notice, noticeLinks),
    html: noticeHtml(notice, noticeLinks),
    unsubscribeUrl: noticeLinks.unsubscribe,
    idempotencyKey,
  });
}

