import type { Kysely } from 'kysely';
import type { UpdateStatus } from '../core/status-page/view.js';
import type { DB } from './schema.js';

/** How many updates and maintenances a feed lists: a feed reader needs recent history, not all of it. */
export const FEED_LIMIT = 50;

export interface FeedEntry {
  id: string;
  incidentId: string;
  title: string;
  status: UpdateStatus;
  body: string;
  at: number;
}

export interface FeedMaintenance {
  id: string;
  title: string;
  body: string;
  startsAt: number;
  endsAt: number;
  createdAt: number;
  updatedAt: number;
}

/** A page's latest public updates (every entry of its public incidents) and maintenances, newest first. */
export async function feedHistory(db: Kysely<DB>, pageId: string): Promise<{ entries: FeedEntry[]; maintenances: FeedMaintenance[] }> {
  const entries = await db
    .selectFrom('status_incident_entries as e')
    .innerJoin('status_incidents as i', 'i.id', 'e.status_incident_id')
    .select(['e.id', 'e.status_incident_id', 'i.title', 'e.status', 'e.body', 'e.at'])
    .where('i.page_id', '=', pageId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(FEED_LIMIT)
    .execute();
  const maintenances = await db
    .selectFrom('status_maintenances')
    .select(['id', 'title', 'body', 'starts_at', 'ends_at', 'created_at', 'updated_at'])
    .where('page_id', '=', pageId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(FEED_LIMIT)
    .execute();
  return {
    entries: entries.map((e) => ({ id: e.id, incidentId: e.status_incident_id, title: e.title, status: e.status, body: e.body, at: Number(e.at) })),
    maintenances: maintenances.map((m) => ({
      id: m.id,
      title: m.title,
      body: m.body,
      startsAt: Number(m.starts_at),
      endsAt: Number(m.ends_at),
      createdAt: Number(m.created_at),
      updatedAt: Number(m.updated_at),
    })),
  };
}
