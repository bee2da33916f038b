import { Badge, Tooltip } from '@mantine/core';
import { IconBellOff } from '@tabler/icons-react';

/** An incident recorded without paging anyone (an event rule, or a monitor it depends on is down). */
export function SuppressedBadge() {
  return (
    <Tooltip label="Recorded without paging anyone">
      <Badge color="gray" variant="light" leftSection={<IconBellOff size={12} aria-hidden />}>
        suppressed
      </Badge>
    </Tooltip>
  );
}
