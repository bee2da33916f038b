import type { Urgency } from '../escalation/urgency.js';
import { inOwnMaintenance, isOutage } from './monitor-rules.js';
import { componentState, worstState, type MonitorNow } from './state.js';
import type { ComponentState } from './view.js';

/** What the overall states of many pages are read from, in one pass, whatever the number of pages. */
export interface OverallRows {
  components: readonly { id: string; page_id: string; manual_state: ComponentState | null }[];
  links: readonly { component_id: string; monitor_id: string }[];
  monitors: readonly { id: string; kind: string; paused: number; config: string }[];
  /** The monitors' open (triggered or acknowledged) incidents. */
  openIncidents: readonly { monitor_id: string; dedup_key: string | null; urgency: Urgency }[];
  /** Components named by a page maintenance in progress now. */
  maintainedComponents: ReadonlySet<string>;
}

/**
 * Each page's overall state at `now`, by the rules of its public view (the worst of its
 * components; src/service/status-page-view.ts builds the same from one page's rows): a
 * checked monitor's certificate warning is not an outage, and its own maintenance windows
 * count as maintenance. Pages without components are operational.
 */
export function overallStates(pageIds: readonly string[], rows: OverallRows, now: number): Map<string, ComponentState> {
  const byId = new Map(rows.monitors.map((m) => [m.id, m]));
  const open = new Map<string, Urgency[]>();
  for (const i of rows.openIncidents) {
    const monitor = byId.get(i.monitor_id);
    if (monitor && isOutage(monitor, i.dedup_key)) open.set(i.monitor_id, [...(open.get(i.monitor_id) ?? []), i.urgency]);
  }
  const monitors = new Map(rows.monitors.map((m) => [m.id, { paused: m.paused === 1, ownMaintenance: inOwnMaintenance(m, now), open: open.get(m.id) ?? [] }] as const));
  const monitorsOf = new Map<string, string[]>();
  for (const l of rows.links) monitorsOf.set(l.component_id, [...(monitorsOf.get(l.component_id) ?? []), l.monitor_id]);

  const states = new Map<string, ComponentState[]>(pageIds.map((id) => [id, []]));
  for (const c of rows.components) {
    const pageMaintenance = rows.maintainedComponents.has(c.id);
    const monitorsNow: MonitorNow[] = (monitorsOf.get(c.id) ?? []).flatMap((id) => {
      const m = monitors.get(id);
      return m ? [{ paused: m.paused, inMaintenance: m.ownMaintenance || pageMaintenance, openIncidents: m.open }] : [];
    });
    states.get(c.page_id)?.push(componentState(c.manual_state, monitorsNow));
  }
  return new Map([...states].map(([id, s]) => [id, worstState(s)]));
}
