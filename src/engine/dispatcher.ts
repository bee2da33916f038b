import type { Logger } from 'pino';
import { DeliveryError, DestinationRefused, type Channels, type Message, type SentRef } from '../channels/channel.js';
import { postedChatState } from '../core/chat/chat-state.js';
import type { IncidentSummary } from '../core/incident/incident-summary.js';
import { chatMessageWrites, type NewChatMessage } from '../store/chat-messages.js';
import { parseDetails } from '../core/alert/details.js';
import type { Kysely } from 'kysely';
import { writeAtomically } from '../store/atomic-writes.js';
import type { Database } from '../store/database.js';
import { groupCommitOf, type AtomicWork, type GroupCommit } from '../store/group-commit.js';
import type { DB } from '../store/schema.js';
import type { PageChannel } from '../store/schema.js';
import { isDatabaseUnavailable } from '../store/database-fault.js';
import { escalationOf } from '../service/chat-incidents.js';
import { afterFinalFailure } from '../service/unreached.js';
import { addEventsOf, eventWrites, type NewIncidentEvent } from '../store/incidents.js';
import { namesOf, pageSubjectsOf } from '../store/page-subjects.js';
import { claimDue, defer, lastSentAt, markFinal, markRetry, sentWrites, type NotificationRow } from '../store/notifications.js';
import { backoffDelay } from './backoff.js';
import { CircuitOpenError, DestinationGate, gateDefaults } from './destination-gate.js';
import { destinationsOf } from './destination.js';

const MAX_ATTEMPTS = 5;
/** 30 s, 1 min, 2 min, 4 min between attempts. */
const backoffMs = (attempt: number) => 30_000 * 2 ** (attempt - 1);

/** Where an address may appear in the timeline: enough to recognise it, not to leak it. */
export function maskAddress(address: string): string {
  if (/^https?:\/\//.test(address)) return new URL(address).host;
  if (address.includes('@')) return address.replace(/^(.).*(@.*)$/, '$1…$2');
  return address.length > 4 ? `…${address.slice(-4)}` : address;
}

/** What became of one page: sent, failed and to be tried again, or failed for good. */
export type PageOutcome = 'sent' | 'retrying' | 'failed';
export type PageObserver = (channel: PageChannel, outcome: PageOutcome) => void;

export interface DispatcherDeps {
  database: Database;
  channels: Channels;
  logger: Logger;
  baseUrl: string;
  /** An incident's next step became due now. */
  onEscalated: () => void;
  onPage?: PageObserver | undefined;
}

export interface DispatcherOptions {
  /** The node id recorded on claims. */
  owner: string;
  leaseMs: number;
  /** Pages being sent at once on this node, over all destinations. */
  maxInFlight: number;
}

/** Phones are interrupted at most once a minute; what falls due meanwhile waits and is bundled. */
export const THROTTLE_MS = 60_000;
const throttled = new Set(['sms', 'voice']);
const bundled = new Set(['sms']);

/**
 * Sends due notifications. A notification for an incident that is no longer triggered
 * is cancelled instead (acknowledge and resolve stop pending pages). Sends run in the
 * background, each destination behind its own gate (a few at a time, a circuit
 * breaker), so a hanging webhook delays only its own pages and never the engine's
 * pass. SMS and calls to one number are throttled, and SMS due together for one number
 * go as a single message.
 */
export class Dispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly held = new Set<string>();
  /** Per endpoint: a few sends at a time and a circuit breaker. */
  private readonly endpoints = new DestinationGate();
  /** Per host: a cap shared by its endpoints, so one host is not flooded. */
  private readonly hosts = new DestinationGate({ ...gateDefaults, concurrency: 64 });
  private stopping = false;
  /**
   * Outcomes of sends finishing together share transactions: on SQLite every write waits
   * for the one connection (behind an alert storm's ingest, say), so a write per page
   * kept pages sent long before they were recorded, and held up the next ones.
   */
  private readonly outcomes: GroupCommit;

  constructor(
    private readonly deps: DispatcherDeps,
    private readonly options: DispatcherOptions,
  ) {
    this.outcomes = groupCommitOf(deps.database);
  }

  /** Notification ids this node is working on, whose leases it renews. */
  heldIds(): string[] {
    return [...this.held];
  }

  /** Claims due notifications into the free capacity and starts sending them; returns how many it claimed. */
  async dispatchDue(now: number, batch: number): Promise<number> {
    const free = this.options.maxInFlight - this.held.size;
    if (free <= 0) return 0;
    const { db, dialect } = this.deps.database;
    const rows = await claimDue(db, dialect, this.options.owner, now, this.options.leaseMs, Math.min(batch, free));
    const messages = await this.messagesFor(rows);
    const groups = new Map<string, NotificationRow[]>();
    for (const row of rows) {
      const key = bundled.has(row.channel) ? `${row.channel}:${row.address}` : row.id;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const group of groups.values()) this.launch(group, messages, now);
    return rows.length;
  }

  busy(): boolean {
    return this.inFlight.size > 0;
  }

  /** Waits until every send started so far has finished and been recorded. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  private launch(group: NotificationRow[], messages: Map<string, Message | 'cancel'>, now: number): void {
    for (const row of group) this.held.add(row.id);
    const run = this.deliver(group, messages, now)
      .catch((err: unknown) => {
        // Unrecorded rows keep their lease until it runs out, then are sent again (same key).
        if (!isDatabaseUnavailable(err)) this.deps.logger.error({ err }, 'delivering a notification failed');
      })
      .finally(() => {
        for (const row of group) this.held.delete(row.id);
        this.inFlight.delete(run);
      });
    this.inFlight.add(run);
  }

  /**
   * Writes the outcome of a send. A send that went out must be recorded, or it goes out
   * again; so through a database outage this retries (the lease is renewed meanwhile)
   * until the database answers or the node stops.
   */
  private async record(commit: () => Promise<boolean>): Promise<void> {
    for (let failures = 1; ; failures++) {
      try {
        // Told once committed, so the engine's pass sees the step it makes due.
        if (await commit()) this.deps.onEscalated();
        return;
      } catch (err) {
        if (!isDatabaseUnavailable(err) || this.stopping) throw err;
        await new Promise((r) => setTimeout(r, backoffDelay(failures)));
      }
    }
  }

  private async deliver(claimed: NotificationRow[], messages: Map<string, Message | 'cancel'>, now: number): Promise<void> {
    const { db } = this.deps.database;
    const { endpoint, host } = destinationsOf((claimed[0] as NotificationRow).channel, (claimed[0] as NotificationRow).address);
    // An endpoint known to be down gets no attempt: its pages wait for it to half-open.
    const pausedMs = this.endpoints.pausedFor(endpoint);
    if (pausedMs > 0) return this.failed(claimed, new CircuitOpenError(endpoint, pausedMs), now);
    const live: { row: NotificationRow; message: Message }[] = [];
    for (const row of claimed) {
      const message = messages.get(row.id);
      if (message === undefined || message === 'cancel') await markFinal(db, row.id, 'cancelled', null);
      else live.push({ row, message });
    }
    const first = live[0];
    if (!first) return;
    const { channel: kind, address } = first.row;
    const channel = this.deps.channels[kind];
    // Final at once: no retry can configure the channel.
    if (!channel) return this.failed(live.map(({ row }) => row), new DestinationRefused(`no ${kind} channel is configured`), now);
    if (throttled.has(kind)) {
      const last = await lastSentAt(db, kind, address);
      if (last !== null && now - last < THROTTLE_MS) {
        for (const { row } of live) await defer(db, row.id, last + THROTTLE_MS);
        return;
      }
    }
    const incidents = live.flatMap(({ message }) => (message.incident ? [message.incident] : []));
    const message: Message = live.length > 1 && incidents.length === live.length ? { ...first.message, bundle: incidents } : first.message;
    // Only a bundle carries several rows; anything else left goes out on the next pass.
    const sending = message.bundle ? live : [first];
    for (const { row } of live.slice(sending.length)) await defer(db, row.id, now);
    let ref: void | SentRef;
    try {
      // The endpoint's slot first: sends queued behind a hanging endpoint hold no host slot.
      ref = await this.endpoints.run(endpoint, () => this.hosts.run(host, () => channel.send(message), () => false), (err) => err instanceof DeliveryError && err.destinationDown);
    } catch (err) {
      await this.failed(sending.map(({ row }) => row), err, now);
      return;
    }
    const sent: Sent = { rows: sending.map(({ row }) => row), bundled: message.bundle?.length ?? null, now, chat: ref ? chatMessageOf(first.row, message, ref) : null };
    await this.record(() => this.outcomes.runAtomic(recordSent, sent));
    // Counted once recorded: record() retries its writes through a database outage.
    for (const _ of sending) this.deps.onPage?.(kind, 'sent');
  }

  /** Puts a page's outcome on its incident's timeline. */
  private async timeline(db: Kysely<DB>, row: NotificationRow, kind: string, data: Record<string, unknown>, now: number): Promise<void> {
    const event = outcomeEvent(row, kind, data, now);
    if (event) await addEventsOf(db, [event]);
  }

  /** Records a failed attempt for each row: a retry with backoff, or the end after the last attempt. */
  private async failed(rows: NotificationRow[], err: unknown, now: number): Promise<void> {
    const error = err instanceof Error ? err.message : String(err);
    // An open circuit is the destination failing: it counts as an attempt, but its retry
    // waits for the circuit to half-open rather than hammering it.
    // A destination's Retry-After (a rate limit) is honoured the same way.
    const asked = err instanceof CircuitOpenError ? err.retryInMs : err instanceof DeliveryError ? (err.retryAfterMs ?? 0) : 0;
    const retryAt = (row: NotificationRow) => now + Math.max(backoffMs(row.attempts), asked);
    const isFinal = (row: NotificationRow) => row.attempts >= MAX_ATTEMPTS || err instanceof DestinationRefused;
    for (const row of rows) {
      if (!(err instanceof CircuitOpenError)) this.deps.logger.warn({ notification: row.id, channel: row.channel, attempt: row.attempts, error }, 'delivery failed');
    }
    await this.record(() => this.outcomes.run(async (trx) => {
      let escalated = false;
      for (const row of rows) {
        const final = isFinal(row);
        if (final) await markFinal(trx, row.id, 'failed', error);
        else await markRetry(trx, row.id, retryAt(row), error);
        await this.timeline(trx, row, 'delivery_failed', { error, attempt: row.attempts, final }, now);
        if (final && (await this.unreachable(trx, row, now))) escalated = true;
      }
      return escalated;
    }));
    for (const row of rows) this.deps.onPage?.(row.channel, isFinal(row) ? 'failed' : 'retrying');
  }

  /** A page that can no longer reach anyone may leave its step with nobody reached: true when it moves on at once. */
  private async unreachable(db: Kysely<DB>, row: NotificationRow, now: number): Promise<boolean> {
    return row.incident_id !== null && (await afterFinalFailure(db, row.idempotency_key, now));
  }

  /**
   * The message of each claimed page, or 'cancel' when its incident is no longer
   * triggered: two reads for the whole claim, not two per page (on SQLite each read
   * waits for the one connection, behind an alert storm's writes).
   */
  private async messagesFor(rows: NotificationRow[]): Promise<Map<string, Message | 'cancel'>> {
    const { db } = this.deps.database;
    const userIds = [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
    const incidentIds = [...new Set(rows.flatMap((r) => (r.incident_id && !r.notice ? [r.incident_id] : [])))];
    const names = new Map(userIds.length === 0 ? [] : (await namesOf(db, userIds)).map((u) => [u.id, u.name]));
    const incidents = new Map(incidentIds.length === 0 ? [] : (await pageSubjectsOf(db, incidentIds)).map((i) => [i.id, i]));
    const messages = new Map<string, Message | 'cancel'>();
    for (const row of rows) {
      const base = { idempotencyKey: row.idempotency_key, address: row.address, recipientId: row.user_id, recipientName: (row.user_id && names.get(row.user_id)) ?? null, bundle: null };
      if (row.notice) messages.set(row.id, { ...base, incident: null, notice: JSON.parse(row.notice) as Message['notice'] });
      else if (!row.incident_id) messages.set(row.id, { ...base, incident: null });
      else {
        const incident = incidents.get(row.incident_id);
        messages.set(
          row.id,
          !incident || incident.status !== 'triggered' ? 'cancel' : { ...base, incident: summaryOf(incident, this.deps.baseUrl) },
        );
      }
    }
    return messages;
  }
}

type PagedIncident = Pick<DB['incidents'], 'id' | 'title' | 'description' | 'status' | 'urgency' | 'step' | 'pass' | 'next_action_at' | 'policy'> & { monitorName: string; details: string | null };

/** What a page says of its incident, the step it is on included (a chat message shows it and is kept showing it). */
const summaryOf = ({ id, title, description, status, urgency, monitorName, details, ...row }: PagedIncident, baseUrl: string): IncidentSummary => ({
  id,
  title,
  description,
  status,
  urgency,
  monitorName,
  details: parseDetails(details),
  url: `${baseUrl}/incidents/${id}`,
  escalation: escalationOf({ status, ...row }),
});

/** The timeline entry of a page's outcome; none for a page without an incident (a notice). */
function outcomeEvent(row: NotificationRow, kind: string, data: Record<string, unknown>, now: number): (NewIncidentEvent & { incidentId: string }) | null {
  if (!row.incident_id) return null;
  // A Slack channel's ID is named in the policy for all to see; other addresses are masked.
  const to = row.channel === 'slack_channel' || row.channel === 'mattermost_channel' ? row.address : maskAddress(row.address);
  return { incidentId: row.incident_id, at: now, kind, data: { userId: row.user_id, channel: row.channel, to, ...data } };
}

/** One send that went out: its rows (several for a bundle), and the chat message it posted. */
interface Sent {
  rows: NotificationRow[];
  bundled: number | null;
  now: number;
  chat: NewChatMessage | null;
}

/** A posted page to keep up to date; a test message or a notice is not about an incident's state. */
function chatMessageOf(row: NotificationRow, message: Message, ref: SentRef): NewChatMessage | null {
  const incident = message.incident;
  if (!incident || !row.incident_id || message.bundle || message.notice) return null;
  // Pages go out only while their incident is triggered (messagesFor cancels the others).
  const shownState = postedChatState(incident);
  return { provider: row.channel, incidentId: row.incident_id, address: row.address, messageRef: ref.messageRef, userId: row.user_id, shownState };
}

/**
 * Records sends that finished together in a few statements, all or none: in a storm
 * hundreds of pages go out a second, and a statement or two each would keep the one
 * SQLite connection busy. On PostgreSQL they are one statement (writeAtomically).
 */
const recordSent: AtomicWork<Sent, boolean> = async (db, sends) => {
  const byInstant = new Map<number, string[]>();
  for (const { rows, now } of sends) byInstant.set(now, [...(byInstant.get(now) ?? []), ...rows.map((r) => r.id)]);
  const events = sends.flatMap(({ rows, bundled, now }) => rows.map((row) => outcomeEvent(row, 'notified', bundled === null ? {} : { bundled }, now)));
  await writeAtomically(db, [
    ...[...byInstant].flatMap(([now, ids]) => sentWrites(ids, now)),
    ...sends.flatMap(({ chat, now }) => (chat ? chatMessageWrites([chat], now) : [])),
    ...eventWrites(events.filter((e) => e !== null)),
  ]);
  return sends.map(() => false);
};
