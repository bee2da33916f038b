import { Badge } from '@mantine/core';
import { monitorKindLabel } from './monitorKinds';

export function MonitorKindBadge({ kind }: { kind: string }) {
  return (
    <Badge color="blue" variant="outline" tt="none">
      {monitorKindLabel(kind)}
    </Badge>
  );
}
