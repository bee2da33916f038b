import type { Logger } from 'pino';
import type { Channels, Message } from '../channels/channel.js';
import type { Database } from '../store/database.js';
import { addEvent } from '../store/incidents.js';
import { claimDue, markFinal, markRetry, markSent, type NotificationRow } from '../store/notifications.js';

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

/**
 * Sends due notifications. A notification for an incident that is no longer triggered
 * is cancelled instead (acknowledge and resolve stop pending pages); a failing provider
 * only delays its own rows.
 */
export async function dispatchDue(deps: DispatcherDeps, now: number, leaseMs: number, batch: number): Promise<number> {
  const rows = await claimDue(deps.database.db, deps.database.dialect, now, leaseMs, batch);
  await Promise.all(rows.map((row) => deliver(deps, row, now)));
  return rows.length;
}

async function deliver(deps: DispatcherDeps, row: NotificationRow, now: number): Promise<void> {
  const { db } = deps.database;
  const message = await messageFor(deps, row);
  if (message === 'cancel') {
    await markFinal(db, row.id, 'cancelled', null);
    return;
  }
  const channel = deps.channels[row.channel];
  const log = (kind: string, data: Record<string, unknown>) =>
    row.incident_id ? addEvent(db, row.incident_id, { at: now, kind, data: { userId: row.user_id, channel: row.channel, to: maskAddress(row.address), ...data } }) : Promise.resolve();
  if (!channel) {
    await markFinal(db, row.id, 'failed', `no ${row.channel} channel is configured`);
    await log('delivery_failed', { error: `no ${row.channel} channel is configured`, final: true });
    return;
  }
  try {
    await channel.send(message);
    await markSent(db, row.id, now);
    await log('notified', {});
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    deps.logger.warn({ notification: row.id, channel: row.channel, attempt: row.attempts, error }, 'delivery failed');
    const final = row.attempts >= MAX_ATTEMPTS;
    if (final) await markFinal(db, row.id, 'failed', error);
    else await markRetry(db, row.id, now + backoffMs(row.attempts), error);
    await log('delivery_failed', { error, attempt: row.attempts, final });
  }
}

async function messageFor(deps: DispatcherDeps, row: NotificationRow): Promise<Message | 'cancel'> {
  const { db } = deps.database;
  const recipient = row.user_id ? await db.selectFrom('users').select('name').where('id', '=', row.user_id).executeTakeFirst() : undefined;
  const base = { idempotencyKey: row.idempotency_key, address: row.address, recipientId: row.user_id, recipientName: recipient?.name ?? null };
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
