import type { Logger } from 'pino';
import type { Channels, Message } from '../channels/channel.js';
import type { Database } from '../store/database.js';
import { addEvent } from '../store/incidents.js';
import { claimDue, defer, lastSentAt, markFinal, markRetry, markSent, type NotificationRow } from '../store/notifications.js';

const MAX_ATTEMPTS = 5;
/** 30 s, 1 min, 2 min, 4 min between attempts. */
const backoffMs = (attempt: number) => 30_000 * 2 ** (attempt - 1);

/** Where an address may appear in the timeline: enough to recognise it, not to leak it. */
export function maskAddress(address: string): string {
  if (/^https?:\/\//.test(address)) return new URL(address).host;
  if (address.includes('@')) return address.replace(/^(.).*(@.*)$/, '$1…$2');
  return address.length > 4 ? `…${address.slice(-4)}` : address;
}

export interface DispatcherDeps {
  database: Database;
  channels: Channels;
  logger: Logger;
  baseUrl: string;
}

/** Phones are interrupted at most once a minute; what falls due meanwhile waits and is bundled. */
export const THROTTLE_MS = 60_000;
const throttled = new Set(['sms', 'voice']);
const bundled = new Set(['sms']);

/**
 * Sends due notifications. A notification for an incident that is no longer triggered
 * is cancelled instead (acknowledge and resolve stop pending pages); a failing provider
 * only delays its own rows. SMS and calls to one number are throttled, and SMS due
 * together for one number go as a single message.
 */
export async function dispatchDue(deps: DispatcherDeps, now: number, leaseMs: number, batch: number): Promise<number> {
  const rows = await claimDue(deps.database.db, deps.database.dialect, now, leaseMs, batch);
  const groups = new Map<string, NotificationRow[]>();
  for (const row of rows) {
    const key = bundled.has(row.channel) ? `${row.channel}:${row.address}` : row.id;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  await Promise.all([...groups.values()].map((group) => deliver(deps, group, now)));
  return rows.length;
}

async function deliver(deps: DispatcherDeps, claimed: NotificationRow[], now: number): Promise<void> {
  const { db } = deps.database;
  const live: { row: NotificationRow; message: Message }[] = [];
  for (const row of claimed) {
    const message = await messageFor(deps, row);
    if (message === 'cancel') await markFinal(db, row.id, 'cancelled', null);
    else live.push({ row, message });
  }
  const first = live[0];
  if (!first) return;
  const { channel: kind, address } = first.row;
  const log = (row: NotificationRow, kind: string, data: Record<string, unknown>) =>
    row.incident_id ? addEvent(db, row.incident_id, { at: now, kind, data: { userId: row.user_id, channel: row.channel, to: maskAddress(row.address), ...data } }) : Promise.resolve();
  const channel = deps.channels[kind];
  if (!channel) {
    for (const { row } of live) {
      await markFinal(db, row.id, 'failed', `no ${kind} channel is configured`);
      await log(row, 'delivery_failed', { error: `no ${kind} channel is configured`, final: true });
    }
    return;
  }
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
  try {
    await channel.send(message);
    for (const { row } of sending) {
      await markSent(db, row.id, now);
      await log(row, 'notified', message.bundle ? { bundled: message.bundle.length } : {});
    }
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    for (const { row } of sending) {
      deps.logger.warn({ notification: row.id, channel: row.channel, attempt: row.attempts, error }, 'delivery failed');
      const final = row.attempts >= MAX_ATTEMPTS;
      if (final) await markFinal(db, row.id, 'failed', error);
      else await markRetry(db, row.id, now + backoffMs(row.attempts), error);
      await log(row, 'delivery_failed', { error, attempt: row.attempts, final });
    }
  }
}

async function messageFor(deps: DispatcherDeps, row: NotificationRow): Promise<Message | 'cancel'> {
  const { db } = deps.database;
  const recipient = row.user_id ? await db.selectFrom('users').select('name').where('id', '=', row.user_id).executeTakeFirst() : undefined;
  const base = { idempotencyKey: row.idempotency_key, address: row.address, recipientId: row.user_id, recipientName: recipient?.name ?? null, bundle: null };
  if (row.notice) return { ...base, incident: null, notice: JSON.parse(row.notice) as Message['notice'] };
  if (!row.incident_id) return { ...base, incident: null };
  const incident = await db
    .selectFrom('incidents as i')
    .innerJoin('monitors as m', 'm.id', 'i.monitor_id')
    .select(['i.id', 'i.title', 'i.description', 'i.status', 'm.name as monitorName'])
    .where('i.id', '=', row.incident_id)
    .executeTakeFirst();
  if (!incident || incident.status !== 'triggered') return 'cancel';
  return { ...base, incident: { ...incident, url: `${deps.baseUrl}/incidents/${incident.id}` } };
}
