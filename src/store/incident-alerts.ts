import type { Kysely } from 'kysely';
import { emptyDetails, parseDetails, type AlertDetails } from '../core/alert/details.js';
import { chunksOf } from './chunks.js';
import { newId } from './ids.js';
import { keysetPage, type Page, type PageRequest } from './page.js';
import type { DB, IncidentAlertsTable } from './schema.js';

export interface NewIncidentAlert {
  incidentId: string;
  at: number;
  title: string;
  details: AlertDetails | undefined;
}

export interface IncidentAlert {
  id: string;
  incidentId: string;
  at: number;
  title: string;
  details: AlertDetails;
}

const toAlert = (row: IncidentAlertsTable): IncidentAlert => ({ id: row.id, incidentId: row.incident_id, at: Number(row.at), title: row.title, details: parseDetails(row.details) });

/** Alerts of any incidents, many per statement, in this order (ids are time-ordered). */
export async function insertAlerts(db: Kysely<DB>, alerts: NewIncidentAlert[]): Promise<void> {
  for (const chunk of chunksOf(alerts)) {
    await db
      .insertInto('incident_alerts')
      .values(chunk.map((a) => ({ id: newId(), incident_id: a.incidentId, at: a.at, title: a.title, details: JSON.stringify(a.details ?? emptyDetails()) })))
      .execute();
  }
}

/** An incident's alerts, newest first: the latest says most about what is wrong now. */
export async function listAlerts(db: Kysely<DB>, incidentId: string, page: PageRequest): Promise<Page<IncidentAlert>> {
  const rows = await keysetPage(page, (before, limit) =>
    db
      .selectFrom('incident_alerts')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .$if(before !== undefined, (q) => q.where('id', '<', before as string))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  );
  return { items: rows.items.map(toAlert), nextCursor: rows.nextCursor };
}

/** A merge moves the alerts of the merged incidents to the one they joined. */
export async function moveAlerts(db: Kysely<DB>, fromIncidents: string[], toIncident: string): Promise<void> {
  if (fromIncidents.length === 0) return;
  await db.updateTable('incident_alerts').set({ incident_id: toIncident }).where('incident_id', 'in', fromIncidents).execute();
}
