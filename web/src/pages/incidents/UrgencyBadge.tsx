import { Badge } from '@mantine/core';
import type { Incident } from '../../api/incidentTypes';

/** High urgency stands out; low is quiet, as it pages. */
export function UrgencyBadge({ urgency }: { urgency: Incident['urgency'] }) {
  return (
    <Badge color={urgency === 'high' ? 'red' : 'gray'} variant="outline">
      {urgency} urgency
    </Badge>
  );
}
