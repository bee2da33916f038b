/** How hard an incident pages: each notification rule applies to one urgency or both. */
export type Urgency = 'high' | 'low';

/** A monitor's incidents are all high, all low, or as each event says ('dynamic'). */
export type MonitorUrgency = Urgency | 'dynamic';

export const urgencies: readonly Urgency[] = ['high', 'low'];
export const monitorUrgencies: readonly MonitorUrgency[] = ['high', 'low', 'dynamic'];

/**
 * What an event's severity means for its urgency, as PagerDuty maps it for services that
 * use alert severity: critical and error page hard; warning and info don't. Common
 * synonyms from Alertmanager rules and webhooks are understood too. Anything else says
 * nothing (undefined): an alert is never refused for a severity it doesn't need.
 */
export function urgencyOfSeverity(severity: unknown): Urgency | undefined {
  if (typeof severity !== 'string') return undefined;
  switch (severity.trim().toLowerCase()) {
    case 'critical':
    case 'crit':
    case 'error':
    case 'err':
    case 'high':
    case 'page':
    case 'p1':
    case 'p2':
    case 'sev1':
    case 'sev2':
    case 'fatal':
    case 'emergency':
    case 'alert':
      return 'high';
    case 'warning':
    case 'warn':
    case 'info':
    case 'informational':
    case 'low':
    case 'notice':
    case 'p3':
    case 'p4':
    case 'p5':
    case 'sev3':
    case 'sev4':
    case 'sev5':
    case 'none':
      return 'low';
    default:
      return undefined;
  }
}

/**
 * A new incident's urgency: the monitor's, or for a dynamic monitor the event's, high when
 * the event says nothing (a page too many beats a page missed).
 */
export function incidentUrgency(monitor: MonitorUrgency, event: Urgency | undefined): Urgency {
  if (monitor !== 'dynamic') return monitor;
  return event ?? 'high';
}

/** Whether a notification rule (null: for both urgencies) runs for an incident of this urgency. */
export const ruleApplies = (rule: Urgency | null, urgency: Urgency): boolean => rule === null || rule === urgency;
