import { listAudit } from '../../store/audit.js';
import type { Api } from '../app-types.js';
import { requireRole } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { AuditEntry, AuditQuery, toAuditEntry } from '../schemas/audit.js';
import { Page } from '../schemas/common.js';

const toMs = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/** The audit log: who changed what, when and from where. Admins and owners only: it names every actor and address. */
export function auditRoutes(api: Api, { database: { db } }: HttpDeps): void {
  api.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Changes to configuration, newest first (admin)',
        description:
          'Every change to users, teams and memberships, schedules, layers, overrides, fixed shifts, policies, monitors, integration keys, API tokens, two-factor and settings; filters combine. See docs/SECURITY.md#audit-log.',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntry) },
      },
    },
    async (req) => {
      requireRole(req, 'admin');
      const { limit, cursor, from, to, ...filter } = req.query;
      const page = await listAudit(db, { ...filter, from: toMs(from), to: toMs(to) }, { limit, cursor });
      return { items: page.items.map(toAuditEntry), nextCursor: page.nextCursor };
    },
  );
}
