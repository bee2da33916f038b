import type { Kysely } from 'kysely';
import type { TelegramIncident } from '../channels/telegram-message.js';
import type { DB } from '../store/schema.js';

/**
 * An incident as a Telegram message shows it, with the names of whoever acknowledged
 * and resolved it; undefined when it no longer exists.
 */
export async function telegramIncident(db: Kysely<DB>, incidentId: string): Promise<TelegramIncident | undefined> {
  const row = await db
    .selectFrom('incidents as i')
    .innerJoin('monitors as m', 'm.id', 'i.monitor_id')
    .leftJoin('users as a', 'a.id', 'i.acknowledged_by')
    .leftJoin('users as r', 'r.id', 'i.resolved_by')
    .select(['i.id', 'i.title', 'i.description', 'i.status', 'i.urgency', 'm.name as monitorName', 'a.name as acknowledgedBy', 'r.name as resolvedBy'])
    .where('i.id', '=', incidentId)
    .executeTakeFirst();
  if (!row) return undefined;
  return row;
}
