import { PostgresAdapter, sql, type Transaction } from 'kysely';
import { planFolds } from '../core/alert-grouping/fold-plan.js';
import { groupOf } from '../core/alert-grouping/group-key.js';
import type { AlertGroup } from '../core/alert-grouping/types.js';
import { addAlertCounts, incidentsOfFiringAlerts, openGroupedIncidents } from '../store/grouped-incidents.js';
import type { Dialect } from '../store/database.js';
import { resolveAlertsOf } from '../store/incident-alerts.js';
import { getIncident, lockIncident, type IncidentRow } from '../store/incidents.js';
import { groupingOf, type MonitorRow } from '../store/monitors.js';
import type { DB } from '../store/schema.js';
import type { Alert } from './incidents.js';

/**
 * The group of an event under its monitor's grouping; undefined when the monitor does not
 * group. An alert that an event rule routed to another policy, or suppressed, is grouped
 * apart: it must never join an incident that pages other people, or nobody.
 */
export function alertGroupOf(monitor: MonitorRow, event: unknown, alert: Pick<Alert, 'policyId' | 'suppression'> = {}): AlertGroup | undefined {
  const grouping = groupingOf(monitor);
  if (!grouping) return undefined;
  const apart = {
    ...(alert.policyId !== undefined && { 'routed to policy': alert.policyId }),
    ...(alert.suppression?.by === 'rule' && { 'suppressed by rule': alert.suppression.rule }),
  };
  return groupOf(grouping, event, apart);
}

/**
 * Serialises grouping per monitor across PostgreSQL transactions (other nodes'), so two
 * alerts of one group arriving at once cannot each open an incident. Taken before any of
 * the batch's writes and in one order, so no transaction holding rows waits on it.
 * SQLite writes one transaction at a time already.
 */
export async function lockGroupedMonitors(trx: Transaction<DB>, alerts: Alert[]): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  const monitors = [...new Set(alerts.filter((a) => a.group !== undefined).map((a) => a.monitorId))].sort();
  for (const monitorId of monitors) await sql`SELECT pg_advisory_xact_lock(hashtext(${`alert-grouping:${monitorId}`}))`.execute(trx);
}

/**
 * Folds a monitor's grouped alerts that no open incident's dedup key took (`pending`: dedup
 * key → the batch's alerts with it, in arrival order): a repeat of an alert that is
 * firing in a grouped incident goes there; the others go by planFolds. Answers the folds
 * into open incidents (each incident after its count, with its alerts), and leaves in
 * `pending` only the alerts that open incidents, each with all the alerts joining it.
 */
export async function foldGrouped(trx: Transaction<DB>, monitorId: string, alerts: Alert[], pending: Map<string | symbol, number[]>, now: number): Promise<{ incident: IncidentRow; indexes: number[] }[]> {
  const groupOfEntry = (indexes: number[]) => (alerts[indexes[0] as number] as Alert).group;
  const grouped = [...pending].filter(([, indexes]) => groupOfEntry(indexes) !== undefined);
  if (grouped.length === 0) return [];
  const firing = await incidentsOfFiringAlerts(trx, monitorId, grouped.flatMap(([key]) => (typeof key === 'string' ? [key] : [])));
  const rest = grouped.filter(([key]) => typeof key !== 'string' || !firing.has(key));
  const groupKeys = [...new Set(rest.map(([, indexes]) => (groupOfEntry(indexes) as AlertGroup).key))];
  const open = groupKeys.length === 0 ? [] : await openGroupedIncidents(trx, monitorId, groupKeys);
  const plan = planFolds(rest.map(([, indexes]) => groupOfEntry(indexes)), open, now);

  const into = new Map<string, number[]>();
  const foldInto = (incidentId: string, key: string | symbol, indexes: number[]) => {
    into.set(incidentId, [...(into.get(incidentId) ?? []), ...indexes]);
    pending.delete(key);
  };
  for (const [key, indexes] of grouped) if (typeof key === 'string' && firing.has(key)) foldInto(firing.get(key) as string, key, indexes);
  for (const [n, fold] of plan.entries()) {
    const [key, indexes] = rest[n] as [string | symbol, number[]];
    if ('into' in fold) foldInto(fold.into, key, indexes);
    else if (fold.opener !== n) {
      // The opener's incident counts this alert too: it opens with all of them.
      const [openerKey] = rest[fold.opener] as [string | symbol, number[]];
      pending.set(openerKey, [...(pending.get(openerKey) as number[]), ...indexes]);
      pending.delete(key);
    }
  }
  const counted = await addAlertCounts(trx, new Map([...into].map(([id, indexes]) => [id, indexes.length])), now);
  return counted.map((incident) => ({ incident, indexes: into.get(incident.id) as number[] }));
}

/** The open grouped incident of the monitor where an alert with this key is firing. */
export async function groupedIncidentOf(trx: Transaction<DB>, monitorId: string, dedupKey: string): Promise<IncidentRow | undefined> {
  const incidentId = (await incidentsOfFiringAlerts(trx, monitorId, [dedupKey])).get(dedupKey);
  return incidentId === undefined ? undefined : getIncident(trx, incidentId);
}

/**
 * Its sender resolved the grouped incident's alerts with this key: true while others of
 * its alerts still fire (it stays open). The incident is locked first so that two of its
 * last alerts resolved at once on PostgreSQL see each other and one resolves it.
 */
export async function othersStillFiring(trx: Transaction<DB>, dialect: Dialect, incidentId: string, dedupKey: string, now: number): Promise<boolean> {
  await lockIncident(trx, dialect, incidentId);
  return (await resolveAlertsOf(trx, incidentId, dedupKey, now)) > 0;
}
