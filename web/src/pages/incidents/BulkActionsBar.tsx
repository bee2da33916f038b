import { Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconEye } from '@tabler/icons-react';
import { useBulkIncidentAction } from '../../api/incidents';
import { notifyError } from '../../components/notifyError';

const done = { acknowledge: 'acknowledged', resolve: 'resolved' } as const;

/** What to do with the selected incidents; shown while any are selected. */
export function BulkActionsBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const acting = useBulkIncidentAction();
  const pending = acting.isPending ? acting.variables.action : null;
  const act = (action: 'acknowledge' | 'resolve') =>
    acting.mutate(
      { action, ids },
      {
        onError: notifyError,
        onSuccess: ({ items }) => {
          const changed = items.filter((i) => i.changed).length;
          const left = items.length - changed;
          notifications.show({
            color: 'green',
            message: `${changed} ${done[action]}${left > 0 ? `; ${left} left as ${left === 1 ? 'it was' : 'they were'}` : ''}.`,
          });
          onDone();
        },
      },
    );
  if (ids.length === 0) return null;
  return (
    <Paper withBorder p="xs" aria-label="Selected incidents" role="region">
      <Group justify="space-between">
        <Text size="sm">{ids.length} selected</Text>
        <Group gap="xs">
          <Button size="xs" color="yellow" leftSection={<IconEye size={14} />} loading={pending === 'acknowledge'} disabled={acting.isPending} onClick={() => act('acknowledge')}>
            Acknowledge selected
          </Button>
          <Button size="xs" color="green" leftSection={<IconCheck size={14} />} loading={pending === 'resolve'} disabled={acting.isPending} onClick={() => act('resolve')}>
            Resolve selected
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
