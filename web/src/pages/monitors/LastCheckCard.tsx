import { Badge, Group, Text } from '@mantine/core';
import type { Monitor } from '../../api/incidentTypes';
import { RelativeTime } from '../../components/RelativeTime';
import { formatResponseTime } from './checkFormat';
import { InfoCard } from './InfoCard';

/** The latest result of a checked monitor, and when the next check is due. */
export function LastCheckCard({ monitor }: { monitor: Monitor }) {
  const { lastCheck, nextCheckAt } = monitor;
  return (
    <InfoCard label="Last check">
      {lastCheck ? (
        <>
          <Group gap="xs">
            <Badge color={lastCheck.ok ? 'green' : 'red'} variant="light" tt="none">
              {lastCheck.ok ? 'OK' : 'Failed'}
            </Badge>
            {lastCheck.responseMs !== null && <Text fw={500}>{formatResponseTime(lastCheck.responseMs)}</Text>}
            <Text size="sm" c="dimmed">
              <RelativeTime iso={lastCheck.at} />
            </Text>
          </Group>
          {lastCheck.message !== '' && (
            <Text size="sm" style={{ wordBreak: 'break-word' }}>
              {lastCheck.message}
            </Text>
          )}
        </>
      ) : (
        <Text size="sm">Not checked yet</Text>
      )}
      {nextCheckAt !== undefined && (
        <Text size="sm" c="dimmed">
          Next check <RelativeTime iso={nextCheckAt} />
        </Text>
      )}
    </InfoCard>
  );
}
