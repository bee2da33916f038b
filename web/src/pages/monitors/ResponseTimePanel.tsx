import { Group, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { HistoryPoint, HistoryRange } from '../../api/checkTypes';
import { useMonitorHistory } from '../../api/monitors';
import { QueryError } from '../../components/QueryError';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { formatResponseTime } from './checkFormat';
import { ResponseTimeChart } from './ResponseTimeChart';

const ranges: Record<HistoryRange, { label: string; ms: number }> = {
  '24h': { label: '24 hours', ms: 86_400_000 },
  '7d': { label: '7 days', ms: 7 * 86_400_000 },
  '30d': { label: '30 days', ms: 30 * 86_400_000 },
};

/** Checks in the range, failed ones, and the average response time weighted by checks. */
function summarize(points: HistoryPoint[]) {
  let checks = 0;
  let failed = 0;
  let timed = 0;
  let totalMs = 0;
  for (const p of points) {
    checks += p.checks;
    failed += p.checks - p.up;
    if (p.responseMs !== null) {
      timed += p.checks;
      totalMs += p.responseMs * p.checks;
    }
  }
  return { checks, failed, averageMs: timed === 0 ? null : totalMs / timed };
}

/** A checked monitor's response times over a chosen range, with its failed checks marked. */
export function ResponseTimePanel({ monitorId }: { monitorId: string }) {
  const zone = useViewerTimeZone();
  const [range, setRange] = useState<HistoryRange>('24h');
  const history = useMonitorHistory(monitorId, range);
  const { label, ms } = ranges[range];
  const points = history.data?.points ?? [];
  const { checks, failed, averageMs } = summarize(points);
  // Ends at the latest check if that is ahead of the browser's clock (a test clock may be).
  const to = Math.max(new Date().getTime(), ...points.map((p) => Date.parse(p.at)));

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Response time</Title>
          <SegmentedControl size="xs" aria-label="Range" data={Object.entries(ranges).map(([value, { label }]) => ({ value, label }))} value={range} onChange={(r) => setRange(r as HistoryRange)} />
        </Group>
        {history.isPending && <Skeleton h={180} />}
        {history.isError && <QueryError error={history.error} />}
        {history.isSuccess && checks === 0 && <Text c="dimmed">No checks in the last {label}.</Text>}
        {history.isSuccess && checks > 0 && (
          <>
            <Text size="sm" c="dimmed">
              {averageMs === null ? 'No responses' : `Average ${formatResponseTime(averageMs)}`} · {failed === 0 ? 'no failed checks' : `${failed} of ${checks} checks failed`}
            </Text>
            <ResponseTimeChart points={points} from={to - ms} to={to} perCheck={history.data.resolution === 'check'} zone={zone} label={`Response time, last ${label}`} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
