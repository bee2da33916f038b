import type { Kysely } from 'kysely';
import { parseDetails, type AlertDetails } from '../core/alert/details.js';
import { newId } from './ids.js';
import type { DB } from './schema.js';

export interface ChangeEvent {
  id: string;
  at: number;
  summary: string;
  details: AlertDetails;
}

export async function insertChangeEvent(db: Kysely<DB>, monitorId: string, event: { at: number; summary: string; details: AlertDetails }, now: number): Promise<void> {
  await db
    .insertInto('change_events')
    .values({ id: newId(), monitor_id: monitorId, at: event.at, summary: event.summary, details: JSON.stringify(event.details), received_at: now })
    .execute();
}

/** A monitor's changes in [from, to), newest first, at most `limit`. */
export async function changesOf(db: Kysely<DB>, monitorId: string, from: number, to: number, limit: number): Promise<ChangeEvent[]> {
  const rows = await db
    .selectFrom('change_events')
    .select(['id', 'at', 'summary', 'details'])
    .where('monitor_id', '=', monitorId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, at: Number(r.at), summary: r.summary, details: parseDetails(r.details) }));
}
