import { inMaintenance } from '../monitor/maintenance.js';
import { CERTIFICATE_DEDUP_KEY, CHECK_KINDS, type CheckKind, type CheckedConfig } from '../monitor/types.js';

/** A monitor as a status page reads it. */
export interface PageMonitor {
  kind: string;
  /** The monitor's stored configuration (JSON); a checked monitor's holds its maintenance windows. */
  config: string;
}

export const isCheckedKind = (kind: string): boolean => CHECK_KINDS.includes(kind as CheckKind);

/** Whether an incident of the monitor is an outage of the service: a checked monitor's certificate nearing expiry is a warning for the team. */
export function isOutage(monitor: PageMonitor, dedupKey: string | null): boolean {
  return !(isCheckedKind(monitor.kind) && dedupKey === CERTIFICATE_DEDUP_KEY);
}

/** Whether the monitor is in one of its own maintenance windows at `now` (only checked monitors have them). */
export function inOwnMaintenance(monitor: PageMonitor, now: number): boolean {
  return isCheckedKind(monitor.kind) && inMaintenance((JSON.parse(monitor.config) as CheckedConfig).maintenance, now);
}
