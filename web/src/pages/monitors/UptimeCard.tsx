import { Group, Stack, Text } from '@mantine/core';
import type { Uptime } from '../../api/checkTypes';
import { useMonitorUptime } from '../../api/monitors';
import { formatUptime } from './checkFormat';
import { InfoCard } from './InfoCard';

const ranges: { key: keyof Uptime; label: string }[] = [
  { key: 'h24', label: '24 hours' },
  { key: 'd7', label: '7 days' },
  { key: 'd30', label: '30 days' },
];

/** The share of good checks over three ranges. */
export function UptimeCard({ monitorId }: { monitorId: string }) {
  const uptime = useMonitorUptime(monitorId);
  return (
    <InfoCard label="Uptime">
      {uptime.isError ? (
        <Text size="sm" c="red">
          Could not load: {uptime.error.message}
        </Text>
      ) : (
        <Group gap="lg">
          {ranges.map(({ key, label }) => (
            <Stack key={key} gap={0} role="group" aria-label={`Uptime ${label}`}>
              <Text fw={500}>{uptime.data ? formatUptime(uptime.data[key]) : '…'}</Text>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
            </Stack>
          ))}
        </Group>
      )}
    </InfoCard>
  );
}
