import { Text } from '@mantine/core';
import type { LastCheck } from '../../api/checkTypes';
import { formatResponseTime } from './checkFormat';

/** A list row's glance at the latest check: its response time, or that it failed without one. */
export function LastResponse({ check }: { check: LastCheck }) {
  return (
    <Text size="sm" c={check.ok ? undefined : 'red'} title={check.message}>
      {check.responseMs === null ? 'no response' : formatResponseTime(check.responseMs)}
      {!check.ok && ' · failed'}
    </Text>
  );
}
