import type { CheckKind } from '../../api/checkTypes';
import type { MonitorKind } from '../../api/incidentTypes';

const checkedKindLabels: Record<CheckKind, string> = {
  http: 'HTTP(S)',
  tcp: 'TCP port',
  dns: 'DNS',
  ping: 'Ping',
};

const pushedKindLabels: Record<Exclude<MonitorKind, CheckKind | 'manual'>, string> = {
  webhook: 'Generic webhook',
  pagerduty: 'PagerDuty Events API v2',
  alertmanager: 'Prometheus Alertmanager',
  grafana: 'Grafana alerting',
  heartbeat: 'Heartbeat',
};

const monitorKindLabels: Record<MonitorKind, string> = { manual: 'Manual', ...checkedKindLabels, ...pushedKindLabels };

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Grouped by how problems reach Vigil. */
export const monitorKindChoices = [
  { group: 'Raised by hand', items: choices({ manual: monitorKindLabels.manual }) },
  { group: 'Checked by Vigil', items: choices(checkedKindLabels) },
  { group: 'Pushed by a sender', items: choices(pushedKindLabels) },
];

/** Pushed kinds receive alerts from a sender holding the monitor's integration key. */
export const isPushedKind = (kind: string): boolean => kind in pushedKindLabels;

/** Checked kinds are probed by Vigil on a schedule. */
export const isCheckedKind = (kind: string): kind is CheckKind => kind in checkedKindLabels;

export const monitorKindLabel = (kind: string): string => monitorKindLabels[kind as MonitorKind] ?? kind;
