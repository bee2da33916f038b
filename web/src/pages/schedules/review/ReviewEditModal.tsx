import { Alert, Button, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { FormError } from '../../../components/FormError';
import { InUseNotice, referencesOf } from '../../../components/InUseNotice';
import { formatSpan } from '../../../time/format';
import type { EditReview } from './useEditReview';

/** Rows beyond this are summarised: the point is to see who is affected, not every shift. */
const shownChanges = 12;

/** The preview of a pending layer change: coverage gaps it leaves and whose shifts move; saves on confirm. */
export function ReviewEditModal({ review, title, viewerZone }: { review: EditReview; title: string; viewerZone: string }) {
  const { pending } = review;
  const gaps = pending?.preview.after.gaps ?? [];
  const changes = pending?.preview.changes ?? [];
  const references = referencesOf(review.saving.error);
  const forceable = references.length > 0 && references.every((r) => r.settledBy.includes('force'));
  return (
    <Modal opened={pending !== null} onClose={review.cancel} title={title} size="lg">
      <Stack>
        {references.length > 0 ? <InUseNotice references={references} forceable={forceable} /> : <FormError error={review.saving.error} />}
        <Text fw={500}>{pending?.summary}</Text>
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
        <Text size="xs" c="dimmed">
          Times in {viewerZone}.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={review.cancel}>
            Cancel
          </Button>
          {forceable ? (
            <Button color="red" loading={review.saving.isPending} onClick={() => review.confirm(true)}>
              Delete anyway
            </Button>
          ) : (
            <Button color={gaps.length > 0 ? 'red' : undefined} loading={review.saving.isPending} onClick={() => review.confirm()}>
              {gaps.length > 0 ? 'Save with gaps' : 'Save change'}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
