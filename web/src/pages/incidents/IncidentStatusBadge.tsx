import { Badge } from '@mantine/core';
import type { IncidentStatus } from '../../api/incidentTypes';

const colors: Record<IncidentStatus, string> = { triggered: 'red', acknowledged: 'yellow', resolved: 'green' };

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <Badge color={colors[status]} variant="light">
      {status}
    </Badge>
  );
}
