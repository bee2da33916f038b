import type { Kysely } from 'kysely';
import type { PolicySnapshot } from '../core/escalation/types.js';
import type { Urgency } from '../core/escalation/urgency.js';
import { addEventsOf, insertIncidents, newIncidentRow, type IncidentRow, type NewIncident } from '../store/incidents.js';
import type { DB } from '../store/schema.js';

/**
 * Opens incidents that page nobody (an event rule suppressed them, or a monitor they
 * depend on is down): recorded with their policy but before step 1, with nothing due, so
 * the engine leaves them be. Escalating one, or releasing it, pages as usual.
 */
export async function recordSuppressed(trx: Kysely<DB>, policy: PolicySnapshot, urgency: Urgency, inputs: Omit<NewIncident, 'policy' | 'urgency'>[], now: number): Promise<IncidentRow[]> {
  const rows = inputs.map((input) => newIncidentRow({ ...input, policy, urgency }, now));
  await insertIncidents(trx, rows);
  await addEventsOf(
    trx,
    rows.map((row, i) => ({ incidentId: row.id, at: now, kind: 'suppressed', data: { ...inputs[i]?.suppression } })),
  );
  return rows;
}

/**
 * Lets suppressed incidents that are still open page from `at` on: the engine fires step 1
 * then (a tick before step 1), and the page clears the suppression. Incidents someone
 * already escalated or finished are left as they are.
 */
export async function releaseSuppressed(trx: Kysely<DB>, incidentIds: string[], at: number, reason: string, now: number): Promise<string[]> {
  if (incidentIds.length === 0) return [];
  const released = await trx
    .updateTable('incidents')
    .set({ next_action_at: at, updated_at: now })
    .where('id', 'in', incidentIds)
    .where('suppression', 'is not', null)
    .where('status', '=', 'triggered')
    .where('step', '=', -1)
    .returning('id')
    .execute();
  await addEventsOf(
    trx,
    released.map(({ id }) => ({ incidentId: id, at: now, kind: 'released', data: { reason, pagesAt: at } })),
  );
  return released.map(({ id }) => id);
}
