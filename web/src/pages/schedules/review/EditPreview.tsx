import { Alert, List, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Preview } from '../../../api/scheduleTypes';
import { formatSpan } from '../../../time/format';
import { FairnessChange } from '../fairness/FairnessChange';

/** Rows beyond this are summarised: the point is to see who is affected, not every shift. */
const shownChanges = 12;

/** What a change would do over the next two weeks: the coverage gaps it leaves, and who is paged instead of whom. */
export function EditPreview({ preview, viewerZone }: { preview: Preview; viewerZone: string }) {
  const gaps = preview.after.gaps;
  const changes = preview.changes;
  return (
    <Stack gap="sm">
      {gaps.length > 0 ? (
        <Alert color="red" icon={<IconAlertTriangle />} title="Nobody would be on call" role="alert">
          <Text size="sm">In the next two weeks this change leaves these spans without anyone to page:</Text>
          <List size="sm" mt={4}>
            {gaps.map((gap) => (
              <List.Item key={gap.start}>{formatSpan(gap.start, gap.end, viewerZone)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text size="sm">No coverage gaps in the next two weeks.</Text>
      )}
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody&apos;s shifts move in the next two weeks.
        </Text>
      ) : (
        <Table aria-label="Shift changes" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Was paged</Table.Th>
              <Table.Th>Will be paged</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.slice(0, shownChanges).map((change) => (
              <Table.Tr key={change.start}>
                <Table.Td>{formatSpan(change.start, change.end, viewerZone)}</Table.Td>
                <Table.Td>{change.before?.name ?? 'Nobody'}</Table.Td>
                <Table.Td>{change.after?.name ?? 'Nobody'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {changes.length > shownChanges && (
        <Text size="sm" c="dimmed">
          …and {changes.length - shownChanges} more changes.
        </Text>
      )}
      <FairnessChange before={preview.fairness.before} after={preview.fairness.after} />
      <Text size="xs" c="dimmed">
        Times in {viewerZone}.
      </Text>
    </Stack>
  );
}
