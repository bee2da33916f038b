import type { Suppression } from '../incident/suppression.js';
import { CERTIFICATE_DEDUP_KEY } from './types.js';

/** A monitor depends on another: while the parent is down, the child's new incidents page nobody. */
export interface DependencyEdge {
  monitorId: string;
  dependsOnId: string;
}

/** Why one entry of a proposed dependsOn list is refused. */
export type DependencyProblem =
  | { index: number; reason: 'self' }
  /** `cycle` runs from the monitor through the refused parent and back to the monitor. */
  | { index: number; reason: 'cycle'; cycle: string[] };

/**
 * What is wrong with replacing `monitorId`'s parents by `dependsOn`, given every current
 * edge: depending on itself, or on a monitor that already depends on it (directly or
 * through others), which would close a cycle. Every refused entry is named, by its index,
 * so each gets its own /body/dependsOn/N. The monitor's current parents do not count:
 * they are what the list replaces.
 */
export function dependencyProblems(monitorId: string, dependsOn: readonly string[], edges: Iterable<DependencyEdge>): DependencyProblem[] {
  const parents = new Map<string, string[]>();
  for (const { monitorId: child, dependsOnId } of edges) {
    if (child === monitorId) continue;
    parents.set(child, [...(parents.get(child) ?? []), dependsOnId]);
  }
  const problems: DependencyProblem[] = [];
  for (const [index, parent] of dependsOn.entries()) {
    if (parent === monitorId) {
      problems.push({ index, reason: 'self' });
      continue;
    }
    const back = pathBetween(parent, monitorId, parents);
    if (back) problems.push({ index, reason: 'cycle', cycle: [monitorId, ...back] });
  }
  return problems;
}

/** A path of parent links from `from` to `to` (both included), or null; breadth first, so the shortest. */
function pathBetween(from: string, to: string, parents: ReadonlyMap<string, readonly string[]>): string[] | null {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i] as string;
    if (at === to) {
      const path = [at];
      for (let step = cameFrom.get(at); step !== null && step !== undefined; step = cameFrom.get(step)) path.unshift(step);
      return path;
    }
    for (const next of parents.get(at) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      queue.push(next);
    }
  }
  return null;
}

/**
 * The monitors in an order where each comes after those of its parents that are among
 * them, otherwise as given: a batch of first alerts then opens a parent's incident before
 * its children look for one, as if the parent's alert had come first. A cycle (refused on
 * save) cannot loop: a monitor already on the path is not visited again.
 */
export function parentsFirst(monitorIds: readonly string[], parents: ReadonlyMap<string, readonly string[]>): string[] {
  const among = new Set(monitorIds);
  const placed = new Set<string>();
  const order: string[] = [];
  const place = (id: string, path: Set<string>) => {
    if (placed.has(id) || path.has(id)) return;
    path.add(id);
    for (const parent of parents.get(id) ?? []) if (among.has(parent)) place(parent, path);
    placed.add(id);
    order.push(id);
  };
  for (const id of monitorIds) place(id, new Set());
  return order;
}

/** An open incident of one of a monitor's parents. */
export interface ParentIncident {
  incidentId: string;
  monitorId: string;
  triggeredAt: number;
  dedupKey: string | null;
  suppression: Suppression | null;
}

/**
 * The parent incident that keeps a child's new incident from paging, if any parent is
 * down. A parent is down while it has an open incident, except one an event rule
 * suppressed (noise the team chose not to hear about) and a certificate warning (the
 * parent still answers). An incident suppressed because its own parent is down counts:
 * when a database takes an API and the website behind it down, only the database pages.
 * Of several, one that pages is the better link (the cause), then the oldest.
 */
export function suppressingParent(open: readonly ParentIncident[]): Extract<Suppression, { by: 'parent' }> | null {
  const down = open.filter((incident) => incident.suppression?.by !== 'rule' && incident.dedupKey !== CERTIFICATE_DEDUP_KEY);
  const best = down.sort(
    (a, b) =>
      Number(a.suppression !== null) - Number(b.suppression !== null) ||
      a.triggeredAt - b.triggeredAt ||
      (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0),
  )[0];
  return best ? { by: 'parent', incidentId: best.incidentId, monitorId: best.monitorId } : null;
}
