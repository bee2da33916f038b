import type { MonitorKind } from '../../api/incidentTypes';

export const monitorKindLabels: Record<MonitorKind, string> = {
  manual: 'Manual',
  webhook: 'Generic webhook',
  pagerduty: 'PagerDuty Events API v2',
  alertmanager: 'Prometheus Alertmanager',
  grafana: 'Grafana alerting',
  heartbeat: 'Heartbeat',
};

export const monitorKindChoices = (Object.keys(monitorKindLabels) as MonitorKind[]).map((value) => ({ value, label: monitorKindLabels[value] }));

/** Pushed kinds receive alerts from a sender holding the monitor's integration key. */
export const isPushedKind = (kind: string): boolean => kind !== 'manual' && kind in monitorKindLabels;

export const monitorKindLabel = (kind: string): string => monitorKindLabels[kind as MonitorKind] ?? kind;
