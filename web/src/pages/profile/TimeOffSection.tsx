import { ActionIcon, Badge, Button, Group, Skeleton, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconPencil, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useDeleteTimeOff, useSetTimeOffCalendar, useTimeOff, useTimeOffCalendar, type TimeOff } from '../../api/timeOff';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { formatWithYear } from '../../time/withYear';
import { addDays, fromLocalInput, toLocalInput } from '../../time/zoned';
import { TimeOffModal, type TimeOffDraft } from '../time-off/TimeOffModal';
import { ProfileCard } from './ProfileCard';

/** Your time off, entered here or imported from your calendar: your turns then are covered automatically. */
export function TimeOffSection({ user, onDirtyChange }: { user: { id: string; name: string }; onDirtyChange: (dirty: boolean) => void }) {
  const list = useTimeOff(user.id);
  const removing = useDeleteTimeOff(user.id);
  const zone = useViewerTimeZone();
  const [now] = useState(() => new Date().getTime());
  const [draft, setDraft] = useState<TimeOffDraft | null>(null);
  const when = (t: TimeOff) => `${formatWithYear(t.start, zone, now)} – ${formatWithYear(t.end, zone, now)}`;

  const addNew = () => {
    // Tomorrow, whole day, on the viewer's wall clock: the usual shape of time off.
    const tomorrow = addDays(toLocalInput(now, zone).slice(0, 10), 1);
    setDraft({ userId: user.id, userName: user.name, start: fromLocalInput(`${tomorrow}T00:00`, zone), end: fromLocalInput(`${addDays(tomorrow, 1)}T00:00`, zone) });
  };

  return (
    <ProfileCard
      id="time-off"
      title="Time off"
      description="While you are away, each of your rotation turns is covered by the next person in that rotation who is not away. The calendar shows the covers, and a manager can still change them."
    >
      <Group>
        <Button leftSection={<IconCalendarPlus size={16} />} onClick={addNew}>
          Add time off
        </Button>
      </Group>
      {list.isPending && <Skeleton h={60} />}
      {list.isError && <QueryError error={list.error} />}
      {list.isSuccess && list.data.length === 0 && <Text c="dimmed">No time off coming up.</Text>}
      {list.isSuccess && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table striped aria-label="Time off">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{when(t)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{t.note || '—'}</Text>
                      {t.source === 'calendar' && (
                        <Badge size="xs" variant="light" color="gray">
                          from calendar
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {t.source === 'manual' && (
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Tooltip label="Change">
                          <ActionIcon variant="subtle" aria-label={`Change time off ${when(t)}`} onClick={() => setDraft({ userId: user.id, userName: user.name, start: t.start, end: t.end, existing: t })}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <ConfirmButton
                          label={`Cancel time off ${when(t)}`}
                          icon={<IconTrash size={16} />}
                          message={Date.parse(t.start) <= now ? 'It ends now: your turns from now on are yours again.' : 'Your turns in this span are yours again.'}
                          confirmLabel="Cancel time off"
                          onConfirm={() =>
                            removing.mutateAsync(t.id).then(() => notifications.show({ color: 'green', title: 'Time off cancelled', message: 'Your turns then are back with you.' }))
                          }
                        />
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CalendarImport userId={user.id} zone={zone} now={now} onDirtyChange={onDirtyChange} />
      <TimeOffModal draft={draft} viewerZone={zone} self now={now} onClose={() => setDraft(null)} />
    </ProfileCard>
  );
}

/** The calendar address time off is imported from, with how its last fetch went. */
function CalendarImport({ userId, zone, now, onDirtyChange }: { userId: string; zone: string; now: number; onDirtyChange: (dirty: boolean) => void }) {
  const calendar = useTimeOffCalendar(userId);
  const saving = useSetTimeOffCalendar(userId);
  const stored = calendar.data?.url ?? '';
  const [url, setUrl] = useState<string | null>(null);
  const value = url ?? stored;
  const dirty = url !== null && url.trim() !== stored;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const errors = fieldMessages(saving.error);

  const save = (next: string | null) =>
    saving.mutate(next, {
      onSuccess: () => {
        setUrl(null);
        notifications.show({
          color: 'green',
          title: next === null ? 'Calendar import stopped' : 'Calendar saved',
          message: next === null ? 'The time off it imported is removed.' : 'Its busy events of the next 180 days become time off within a minute, then every 15 minutes.',
        });
      },
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(value.trim() === '' ? null : value.trim());
  };

  if (calendar.isError) return <QueryError error={calendar.error} />;
  const status = calendar.data;
  return (
    <Stack component="form" gap="xs" onSubmit={submit} aria-label="Import time off from a calendar">
      <FormError error={saving.error} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          style={{ flex: 1, minWidth: 220 }}
          label="Import from a calendar (iCal URL)"
          description="Your leave or out-of-office calendar's secret iCal address: busy events become time off."
          placeholder="https://calendar.example.com/…/basic.ics"
          value={value}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={errors['url']}
        />
        <Button type="submit" variant="default" loading={saving.isPending && saving.variables !== null} disabled={!dirty}>
          Save
        </Button>
        {stored !== '' && (
          <Button variant="subtle" color="red" loading={saving.isPending && saving.variables === null} onClick={() => save(null)}>
            Stop importing
          </Button>
        )}
      </Group>
      {status?.url && (
        <Text size="sm" c={status.error ? 'red' : 'dimmed'} role="status">
          {status.syncedAt === null
            ? 'Not read yet: it is fetched within a minute.'
            : status.error
              ? `Last fetch failed ${formatWithYear(status.syncedAt, zone, now)}: ${status.error}. The time off imported before is kept.`
              : `Last read ${formatWithYear(status.syncedAt, zone, now)}.`}
        </Text>
      )}
    </Stack>
  );
}
