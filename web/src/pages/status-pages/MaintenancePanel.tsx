import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { StatusMaintenance, StatusPage } from '../../api/statusPageTypes';
import { useCancelMaintenance, useMaintenances, useStatusPageView } from '../../api/statusPages';
import { ConfirmButton } from '../../components/ConfirmButton';
import { GuardedFormModal } from '../../components/GuardedFormModal';
import { QueryError } from '../../components/QueryError';
import { formatWithYear } from '../../time/withYear';
import { componentNames } from './componentChoices';
import { MaintenanceForm } from './MaintenanceForm';

const states: Record<StatusMaintenance['state'], { label: string; color: string }> = {
  scheduled: { label: 'Scheduled', color: 'blue' },
  in_progress: { label: 'In progress', color: 'yellow' },
  completed: { label: 'Completed', color: 'gray' },
};

/** Planned maintenance on the page: scheduled, changed and cancelled by the team's managers. */
export function MaintenancePanel({ page, mayManage }: { page: StatusPage; mayManage: boolean }) {
  const maintenances = useMaintenances(page.id);
  const view = useStatusPageView(page.id);
  const cancelling = useCancelMaintenance(page.id);
  // undefined: closed; null: a new one.
  const [editing, setEditing] = useState<StatusMaintenance | null | undefined>(undefined);
  const [now] = useState(() => new Date().getTime());
  const when = (m: StatusMaintenance) => `${formatWithYear(m.startsAt, page.timeZone, now)} – ${formatWithYear(m.endsAt, page.timeZone, now)}`;

  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed" size="sm" style={{ flex: 1, minWidth: 200 }}>
          Components under maintenance show as such, not as down, and their checks count as up. Times in {page.timeZone}.
        </Text>
        {mayManage && (
          <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setEditing(null)}>
            Schedule maintenance
          </Button>
        )}
      </Group>
      {maintenances.isPending && <Skeleton h={120} />}
      {maintenances.isError && <QueryError error={maintenances.error} />}
      {maintenances.isSuccess && maintenances.data.length === 0 && <Text c="dimmed">No maintenance scheduled.</Text>}
      {maintenances.data?.map((m) => {
        const affected = componentNames(view.data, m.components);
        return (
          <Paper key={m.id} withBorder p="md" component="article" aria-label={m.title}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Title order={4} style={{ overflowWrap: 'anywhere' }}>
                    {m.title}
                  </Title>
                  <Badge color={states[m.state].color} variant="light">
                    {states[m.state].label}
                  </Badge>
                </Group>
                <Text size="sm">{when(m)}</Text>
                {affected !== '' && (
                  <Text size="xs" c="dimmed">
                    Affects {affected}
                  </Text>
                )}
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {m.body}
                </Text>
              </Stack>
              {mayManage && m.state !== 'completed' && (
                <Group gap={4} wrap="nowrap">
                  <Button variant="subtle" size="xs" leftSection={<IconPencil size={14} />} onClick={() => setEditing(m)} aria-label={`Edit ${m.title}`}>
                    Edit
                  </Button>
                  <ConfirmButton
                    label={`Cancel ${m.title}`}
                    icon={<IconX size={18} />}
                    message={`The maintenance “${m.title}” (${when(m)}) is taken off the public page${m.state === 'in_progress' ? ' and ends now; subscribers are told it is completed' : '; subscribers are told it is cancelled'}.`}
                    confirmLabel="Cancel maintenance"
                    onConfirm={() => cancelling.mutateAsync(m.id)}
                  />
                </Group>
              )}
            </Group>
          </Paper>
        );
      })}
      <GuardedFormModal
        opened={editing !== undefined}
        title={editing ? `Edit “${editing.title}”` : 'Schedule maintenance'}
        subject="this maintenance"
        onClose={() => setEditing(undefined)}
      >
        {(form) => <MaintenanceForm page={page} {...(editing && { maintenance: editing })} {...form} />}
      </GuardedFormModal>
    </Stack>
  );
}
