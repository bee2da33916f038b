import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PagingProblem } from '../../../api/pagingPlanTypes';
import { formatDateTime } from '../../../time/format';
import { useViewerTimeZone } from '../../../time/useViewerTimeZone';

/** The paging-health check found that step 1 reaches nobody right now. */
export function PagingProblemAlert({ problem }: { problem: PagingProblem }) {
  const zone = useViewerTimeZone();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="Step 1 reaches nobody right now">
      <Text size="sm">
        An incident on this policy would page nobody at first. Since {formatDateTime(problem.since, zone)}; the team’s managers are told when this starts.
      </Text>
      <List size="sm" mt={4}>
        {problem.warnings.map((w, i) => (
          <List.Item key={i}>{w.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
