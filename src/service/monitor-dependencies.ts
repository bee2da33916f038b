import { monitorTermsIn, type MonitorTerms } from '../store/monitor-terms.js';
import type { Kysely } from 'kysely';
import { AppError, type FieldError } from '../core/errors.js';
import type { Suppression } from '../core/incident/suppression.js';
import { dependencyProblems, suppressingParent } from '../core/monitor/dependencies.js';
import type { Dialect } from '../store/database.js';
import { addEventsOf, suppressionOf, type IncidentRow } from '../store/incidents.js';
import { allDependencyEdges, existingMonitors, holdReleased, lockDependencyEdits, monitorNames, openParentIncidents, relinkChildren, replaceParents, waitingChildrenOf } from '../store/monitor-dependencies.js';
import type { DB } from '../store/schema.js';
import { releaseSuppressed } from './suppression.js';

type ParentSuppression = Extract<Suppression, { by: 'parent' }>;

/**
 * How long a child's incident still waits after its parent's incident resolved: a child
 * that recovers with its parent (a check or two later) then never pages.
 */
export const RELEASE_GRACE_MS = 120_000;

/**
 * Sets which monitors `monitorId` depends on, in the caller's transaction (the one that
 * writes the monitor). Refuses (400 at /body/dependsOn/N) a monitor that does not exist,
 * a team's Manual pages monitor, the monitor itself, and one that already depends on it:
 * a cycle would let two monitors silence each other for ever. Edits are serialised so two
 * cannot close a cycle together.
 */
export async function setDependencies(trx: Kysely<DB>, dialect: Dialect, monitorId: string, dependsOn: string[]): Promise<void> {
  await lockDependencyEdits(trx, dialect);
  const found = await existingMonitors(trx, dialect, dependsOn);
  // The monitor itself is named below, with the cycles.
  const refusal = (id: string): string | null => {
    const parent = found.get(id);
    if (id === monitorId) return null;
    if (!parent) return 'is not an existing monitor';
    return parent.system ? "is a team's Manual pages monitor: its incidents are pages sent by hand, not an outage" : null;
  };
  const errors: FieldError[] = dependsOn.flatMap((id, i) => {
    const message = refusal(id);
    return message ? [{ path: `/body/dependsOn/${i}`, message }] : [];
  });
  const problems = dependencyProblems(monitorId, dependsOn, await allDependencyEdges(trx));
  const names = await monitorNames(trx, [...new Set(problems.flatMap((p) => (p.reason === 'cycle' ? p.cycle : [])))]);
  for (const problem of problems) {
    const message =
      problem.reason === 'self'
        ? 'is this monitor: a monitor cannot depend on itself'
        : `already depends on this monitor (${problem.cycle.map((id) => names.get(id) ?? id).join(' → ')}): depending on it back would make a cycle`;
    errors.push({ path: `/body/dependsOn/${problem.index}`, message });
  }
  if (errors.length > 0) {
    throw new AppError('invalid_dependencies', 'A monitor cannot depend on these monitors', errors.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })));
  }
  await replaceParents(trx, monitorId, dependsOn);
}

/**
 * Whether a monitor has parents or children, read once per transaction with the rest of
 * its terms: most monitors have neither, and then opening their incidents costs no more.
 */
async function linksIn(trx: Kysely<DB>, monitorId: string): Promise<MonitorTerms['links']> {
  return (await monitorTermsIn(trx, monitorId))?.links ?? { hasParents: false, hasChildren: false };
}

/** Why a monitor's new incident should page nobody now: a parent is down (suppressingParent). */
export async function parentSuppression(trx: Kysely<DB>, monitorId: string): Promise<ParentSuppression | undefined> {
  if (!(await linksIn(trx, monitorId)).hasParents) return undefined;
  return suppressingParent(await openParentIncidents(trx, monitorId)) ?? undefined;
}

/**
 * After parent incidents resolved at `resolvedAt`: each child incident still waiting on
 * one is pointed at another parent incident if one of its parents is still down, or else
 * released to page RELEASE_GRACE_MS later unless it resolves meanwhile.
 */
export async function releaseChildrenOf(trx: Kysely<DB>, parentIncidentIds: string[], resolvedAt: number, now: number): Promise<void> {
  if (parentIncidentIds.length === 0) return;
  const byMonitor = new Map<string, string[]>();
  for (const child of await waitingChildrenOf(trx, parentIncidentIds)) {
    const ids = byMonitor.get(child.monitorId) ?? [];
    ids.push(child.id);
    byMonitor.set(child.monitorId, ids);
  }
  const toRelease: string[] = [];
  for (const [monitorId, ids] of byMonitor) {
    const still = await parentSuppression(trx, monitorId);
    if (!still) {
      toRelease.push(...ids);
      continue;
    }
    await relinkChildren(trx, ids, still, now);
    await addEventsOf(trx, ids.map((id) => ({ incidentId: id, at: now, kind: 'suppressed', data: { ...still } })));
  }
  await releaseSuppressed(trx, toRelease, resolvedAt + RELEASE_GRACE_MS, 'parent resolved', now);
}

/**
 * A monitor opened incidents: if one of them makes it down, children it released that
 * have not paged yet wait again (their parent flapped: down, up, and down again within
 * the grace), linked to the new incident and logged `suppressed` again.
 */
export async function holdReleasedChildren(trx: Kysely<DB>, monitorId: string, opened: IncidentRow[], now: number): Promise<void> {
  const cause = suppressingParent(
    opened.map((row) => ({ incidentId: row.id, monitorId: row.monitor_id, triggeredAt: row.triggered_at, dedupKey: row.dedup_key, suppression: suppressionOf(row) })),
  );
  if (!cause || !(await linksIn(trx, monitorId)).hasChildren) return;
  const held = await holdReleased(trx, monitorId, cause, now);
  await addEventsOf(trx, held.map((id) => ({ incidentId: id, at: now, kind: 'suppressed', data: { ...cause } })));
}
