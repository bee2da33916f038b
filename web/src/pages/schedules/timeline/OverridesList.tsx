import { Table, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useDeleteOverride, useOverrides } from '../../../api/overrides';
import type { LayerView } from '../../../api/scheduleTypes';
import { ConfirmButton } from '../../../components/ConfirmButton';
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

/** The overrides touching the days on screen. */
export function OverridesList({ scheduleId, layers, from, to, viewerZone, period }: OverridesListProps) {
  const overrides = useOverrides(scheduleId, from, to);
  const deleting = useDeleteOverride(scheduleId);
  const layerName = (id: string | null) => (id === null ? 'Schedule-wide' : (layers.find((l) => l.id === id)?.name ?? 'Removed layer'));
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
                <Table.Td>{o.user.name}</Table.Td>
                <Table.Td>{layerName(o.layerId)}</Table.Td>
                <Table.Td>{formatDateTime(o.start, viewerZone)}</Table.Td>
                <Table.Td>{formatDateTime(o.end, viewerZone)}</Table.Td>
                <Table.Td>
                  <ConfirmButton
                    label={`Delete override for ${o.user.name}`}
                    icon={<IconTrash size={16} />}
                    message="An override not yet started is deleted; one under way ends now."
                    confirmLabel="Delete override"
                    onConfirm={() => deleting.mutateAsync(o.id)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
