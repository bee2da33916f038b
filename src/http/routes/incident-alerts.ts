import { getIncident } from '../../store/incidents.js';
import { listAlerts } from '../../store/incident-alerts.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { IdParams, Page, PageQuery } from '../schemas/common.js';
import { IncidentAlertView, toIncidentAlert } from '../schemas/incident-alert.js';

/** The alerts an incident received, with what their senders said: readable by whoever may read the incident. */
export function incidentAlertRoutes(api: Api, { database }: HttpDeps): void {
  const { db } = database;
  api.get(
    '/incidents/:id/alerts',
    {
      schema: {
        tags: ['incidents'],
        summary: "The incident's alerts, newest first (at most the newest 1,000 are kept), each with its details (fields, links, images), dedup key and when it was resolved",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(IncidentAlertView) },
      },
    },
    async (req) => {
      const incident = await getIncident(db, req.params.id);
      const page = await listAlerts(db, req.params.id, req.query);
      return { items: page.items.map((alert) => toIncidentAlert(alert, incident)), nextCursor: page.nextCursor };
    },
  );
}
