import { ActionIcon, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useDeleteOverride, useOverrides } from '../../../api/overrides';
import type { LayerView, OverrideView } from '../../../api/scheduleTypes';
import { FormError } from '../../../components/FormError';
import { formatDateTime } from '../../../time/format';

interface OverridesListProps {
  scheduleId: string;
  layers: LayerView[];
  from: string;
  to: string;
  viewerZone: string;
  /** The range in words, e.g. "this week". */
  period: string;
}

/**
 * The overrides touching the days on screen. One confirmation dialog serves every row: a
 * month can list a hundred overrides, and a dialog and tooltip per row made it slow to draw.
 */
export function OverridesList({ scheduleId, layers, from, to, viewerZone, period }: OverridesListProps) {
  const overrides = useOverrides(scheduleId, from, to);
  const deleting = useDeleteOverride(scheduleId);
  const [confirming, setConfirming] = useState<OverrideView | null>(null);
  const layerName = (id: string | null) => (id === null ? 'Schedule-wide' : (layers.find((l) => l.id === id)?.name ?? 'Removed layer'));
  const close = () => {
    deleting.reset();
    setConfirming(null);
  };
  const label = (o: OverrideView) => `Delete ${o.mode === 'shadow' ? 'shadow' : 'override'} for ${o.user.name}`;
  return (
    <>
      <Title order={4} mt="sm">
        Overrides {period}
      </Title>
      {overrides.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No overrides {period}.
        </Text>
      )}
      {overrides.data !== undefined && overrides.data.length > 0 && (
        <Table striped aria-label="Overrides">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Who</Table.Th>
              <Table.Th>Layer</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>Until</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overrides.data.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  {/* A shadow adds someone; telling it apart from a replacement matters more than anything else on the row. */}
                  <Group gap={6}>
                    {o.user.name}
                    {o.mode === 'shadow' && (
                      <Badge size="sm" variant="light" color="grape" title="Paged alongside the person on call, who stays the same">
                        shadow
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{layerName(o.layerId)}</Table.Td>
                <Table.Td>{formatDateTime(o.start, viewerZone)}</Table.Td>
                <Table.Td>{formatDateTime(o.end, viewerZone)}</Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={label(o)} title={label(o)} onClick={() => setConfirming(o)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={confirming !== null} onClose={close} title={confirming ? label(confirming) : ''}>
        <Stack>
          <FormError error={deleting.error} />
          <Text>An override not yet started is deleted; one under way ends now.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={deleting.isPending} onClick={() => confirming && deleting.mutate(confirming.id, { onSuccess: close })}>
              Delete override
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
