import type { AlertGroup, Fold, OpenGroupedIncident } from './types.js';

/** Whether an open incident of the alert's group may still take it. */
export const takes = (incident: OpenGroupedIncident, group: AlertGroup, now: number): boolean =>
  incident.groupKey === group.key && (group.windowMs === null || incident.triggeredAt >= now - group.windowMs);

/**
 * Where each alert of a batch goes, in order, as if they came one after another: into the
 * newest open incident of its group that still takes it, else into the incident an earlier
 * alert of its group in this batch opens, else it opens one. An ungrouped alert (no group)
 * always opens its own, as every alert did before grouping.
 */
export function planFolds(groups: (AlertGroup | undefined)[], open: OpenGroupedIncident[], now: number): Fold[] {
  const newest = [...open].sort((a, b) => b.triggeredAt - a.triggeredAt || (a.id < b.id ? 1 : -1));
  const openers = new Map<string, number>();
  return groups.map((group, index): Fold => {
    if (!group) return { opener: index };
    const incident = newest.find((candidate) => takes(candidate, group, now));
    if (incident) return { into: incident.id };
    // An incident opened now takes every later alert of its group, whatever the window.
    const opener = openers.get(group.key);
    if (opener !== undefined) return { opener };
    openers.set(group.key, index);
    return { opener: index };
  });
}
