import { Select } from '@mantine/core';
import type { Monitor } from '../../api/incidentTypes';
import { takesRateLimit } from './RateLimitField';

export type MonitorUrgency = Monitor['urgency'];

/** Events from senders that say how bad things are: PagerDuty, Alertmanager, Grafana, webhooks. */
const takesEventUrgency = takesRateLimit;

const what: Record<string, string> = {
  pagerduty: 'the event’s severity (critical and error are high, warning and info low)',
  alertmanager: 'the alert’s urgency or severity label',
  grafana: 'the alert’s urgency or severity label',
  webhook: 'the event’s urgency or severity field',
};

interface MonitorUrgencyFieldProps {
  kind: string;
  value: MonitorUrgency;
  onChange: (value: MonitorUrgency) => void;
  error?: string | undefined;
}

/** The urgency of a monitor's incidents; senders' events may set it themselves. */
export function MonitorUrgencyField({ kind, value, onChange, error }: MonitorUrgencyFieldProps) {
  const data = [
    { value: 'high', label: 'High: page by every rule' },
    { value: 'low', label: 'Low: only rules for low urgency' },
    ...(takesEventUrgency(kind) || value === 'dynamic' ? [{ value: 'dynamic', label: 'From each event' }] : []),
  ];
  return (
    <Select
      label="Urgency"
      description={value === 'dynamic' ? `Taken from ${what[kind] ?? 'each event'}; high when it says nothing.` : 'Each person’s notification rules say how they are paged for each urgency.'}
      allowDeselect={false}
      data={data}
      value={value}
      onChange={(next) => next !== null && onChange(next as MonitorUrgency)}
      error={error}
    />
  );
}
