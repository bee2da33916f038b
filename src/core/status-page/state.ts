import type { Urgency } from '../escalation/urgency.js';
import type { ComponentState } from './view.js';

/** Least to most severe: the page shows the worst state among what it summarises. */
export const STATE_ORDER: readonly ComponentState[] = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];

const rank = (state: ComponentState) => STATE_ORDER.indexOf(state);

/** The most severe of `states`; operational when there are none. */
export function worstState(states: Iterable<ComponentState>): ComponentState {
  let worst: ComponentState = 'operational';
  for (const state of states) if (rank(state) > rank(worst)) worst = state;
  return worst;
}

/** What a component's state reads about one of its monitors at this instant. */
export interface MonitorNow {
  paused: boolean;
  /** In one of its own maintenance windows, or a page maintenance naming the component is in progress. */
  inMaintenance: boolean;
  /** Urgencies of its open (triggered or acknowledged) incidents. */
  openIncidents: readonly Urgency[];
}

/**
 * One monitor's contribution, or null when it does not count (paused). Maintenance wins
 * over an open incident: an outage announced in advance is not shown as an outage.
 */
export function monitorState(m: MonitorNow): ComponentState | null {
  if (m.paused) return null;
  if (m.inMaintenance) return 'under_maintenance';
  if (m.openIncidents.includes('high')) return 'major_outage';
  if (m.openIncidents.length > 0) return 'degraded_performance';
  return 'operational';
}

/**
 * A component with monitors shows the worst of those that count (operational if all are
 * paused); one without shows the state set by hand.
 */
export function componentState(manualState: ComponentState | null, monitors: readonly MonitorNow[]): ComponentState {
  if (monitors.length === 0) return manualState ?? 'operational';
  return worstState(monitors.map(monitorState).filter((s): s is ComponentState => s !== null));
}

/** Where a maintenance stands at `now`; end exclusive. */
export function maintenancePhase(startsAt: number, endsAt: number, now: number): 'scheduled' | 'in_progress' | 'completed' {
  if (now < startsAt) return 'scheduled';
  return now < endsAt ? 'in_progress' : 'completed';
}
