import { Text } from '@mantine/core';
import type { Monitor } from '../../api/incidentTypes';
import { describeTarget } from './checkFormat';
import { InfoCard } from './InfoCard';

/** What a checked monitor probes and how often, and when it counts as down. */
export function TargetCard({ monitor }: { monitor: Monitor }) {
  const { check, http } = monitor;
  return (
    <InfoCard label="Target">
      <Text fw={500} style={{ wordBreak: 'break-all' }}>
        {describeTarget(monitor)}
      </Text>
      {http && (
        <Text size="sm">
          Expects {http.expectedStatus.join(', ')}
          {http.keyword !== undefined && `, ${http.keywordMode === 'present' ? 'containing' : 'without'} “${http.keyword}”`}
        </Text>
      )}
      {check && (
        <Text size="sm" c="dimmed">
          Every {check.intervalSeconds} s; down after {check.confirmations} failure{check.confirmations === 1 ? '' : 's'} in a row, up after{' '}
          {check.recoveries} success{check.recoveries === 1 ? '' : 'es'}
          {check.autoResolve ? ', then resolves its incident' : ''}
        </Text>
      )}
    </InfoCard>
  );
}
