import { Badge } from '@mantine/core';

export function MonitorStatusBadge({ paused }: { paused: boolean }) {
  return (
    <Badge color={paused ? 'gray' : 'green'} variant="light">
      {paused ? 'paused' : 'active'}
    </Badge>
  );
}
