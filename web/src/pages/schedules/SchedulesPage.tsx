import { Anchor, Button, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useSchedulePages } from '../../api/schedules';
import { useTeamChoices } from '../../api/teams';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryError } from '../../components/QueryError';
import { CreateScheduleModal } from './CreateScheduleModal';

export function SchedulesPage() {
  const me = useCurrentUser();
  const schedules = useSchedulePages();
  const teams = useTeamChoices();
  const [creating, { open, close }] = useDisclosure();
  const teamName = (id: string) => teams.data?.find((t) => t.id === id)?.name ?? '…';
  const items = schedules.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Schedules</Title>
        {hasRole(me.role, 'responder') && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New schedule
          </Button>
        )}
      </Group>
      {schedules.isPending && <Skeleton h={200} />}
      {schedules.isError && <QueryError error={schedules.error} />}
      {schedules.isSuccess && items.length === 0 && <Text c="dimmed">No schedules yet.</Text>}
      {items.length > 0 && (
        <Table striped aria-label="Schedules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Team</Table.Th>
              <Table.Th>Time zone</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((schedule) => (
              <Table.Tr key={schedule.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/schedules/${schedule.id}`}>
                    {schedule.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{teamName(schedule.teamId)}</Table.Td>
                <Table.Td>{schedule.timeZone}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMoreButton hasNextPage={schedules.hasNextPage} isFetchingNextPage={schedules.isFetchingNextPage} fetchNextPage={schedules.fetchNextPage} />
      <CreateScheduleModal opened={creating} onClose={close} />
    </Stack>
  );
}
