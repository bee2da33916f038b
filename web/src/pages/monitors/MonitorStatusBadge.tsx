import { Badge } from '@mantine/core';
import type { MonitorStatus } from '../../api/incidentTypes';

const looks: Record<MonitorStatus, { color: string; label: string }> = {
  up: { color: 'green', label: 'Up' },
  down: { color: 'red', label: 'Down' },
  pending: { color: 'gray', label: 'Pending' },
  paused: { color: 'yellow', label: 'Paused' },
  maintenance: { color: 'blue', label: 'Maintenance' },
};

export function MonitorStatusBadge({ status }: { status: MonitorStatus }) {
  // A server newer than this page may report a status it does not know yet.
  const { color, label } = looks[status] ?? { color: 'gray', label: status };
  return (
    <Badge color={color} variant="light" tt="none">
      {label}
    </Badge>
  );
}
