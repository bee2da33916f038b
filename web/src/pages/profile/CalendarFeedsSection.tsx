import { Button, Group, List, Select, Skeleton, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CreatedCalendarFeed } from '../../api/accountTypes';
import { useCalendarFeeds, useCreateCalendarFeed, useRevokeCalendarFeed } from '../../api/calendarFeeds';
import { useScheduleChoices } from '../../api/schedules';
import { useTeamChoices } from '../../api/teams';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { teamLabelledOptions } from '../../components/teamLabelledOptions';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { formatWithYear } from '../../time/withYear';
import { OneTimeSecret } from './OneTimeSecret';
import { ProfileCard } from './ProfileCard';

const MINE = 'mine';

/** Secret iCalendar URLs of your shifts, or of one schedule, for a calendar app to subscribe to. */
export function CalendarFeedsSection() {
  const feeds = useCalendarFeeds();
  const schedules = useScheduleChoices();
  const teams = useTeamChoices();
  const creating = useCreateCalendarFeed();
  const revoking = useRevokeCalendarFeed();
  const zone = useViewerTimeZone();
  const [now] = useState(() => new Date().getTime());
  const [of, setOf] = useState(MINE);
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const nameOf = (scheduleId: string | null) =>
    scheduleId === null ? 'My shifts (every schedule)' : `Schedule: ${schedules.data?.find((s) => s.id === scheduleId)?.name ?? 'a deleted schedule'}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    creating.mutate(of === MINE ? null : of, { onSuccess: setCreated });
  };

  return (
    <ProfileCard id="calendar-feeds" title="Calendar feeds" description="See on-call shifts in Google Calendar, Apple Calendar or Outlook. Anyone with a feed's URL can read it: revoke a feed you no longer use.">
      {created && (
        <OneTimeSecret title={`Feed created: ${nameOf(created.scheduleId)}`} label="Feed URL" value={created.url} onDone={() => setCreated(null)}>
          <List size="sm" spacing={2}>
            <List.Item>Google Calendar: Other calendars → + → From URL, paste it.</List.Item>
            <List.Item>Apple Calendar: File → New Calendar Subscription, paste it.</List.Item>
            <List.Item>Outlook: Add calendar → Subscribe from web, paste it.</List.Item>
          </List>
        </OneTimeSecret>
      )}
      <form onSubmit={submit} aria-label="Create a calendar feed">
        <FormError error={creating.error} />
        <Group align="flex-end" gap="sm">
          <Select
            label="Feed of"
            allowDeselect={false}
            data={[{ value: MINE, label: 'My shifts (every schedule)' }, ...teamLabelledOptions(schedules.data ?? [], teams.data).map((o) => ({ ...o, label: `Schedule: ${o.label}` }))]}
            value={of}
            onChange={(value) => value !== null && setOf(value)}
            w={280}
          />
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={creating.isPending}>
            Create feed
          </Button>
        </Group>
      </form>
      {feeds.isPending && <Skeleton h={60} />}
      {feeds.isError && <QueryError error={feeds.error} />}
      {feeds.isSuccess && feeds.data.length === 0 && <Text c="dimmed">No calendar feeds.</Text>}
      {feeds.isSuccess && feeds.data.length > 0 && (
        <Table striped aria-label="Calendar feeds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Feed of</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {feeds.data.map((feed) => (
              <Table.Tr key={feed.id}>
                <Table.Td>{nameOf(feed.scheduleId)}</Table.Td>
                <Table.Td>{formatWithYear(feed.createdAt, zone, now)}</Table.Td>
                <Table.Td>
                  <ConfirmButton
                    label={`Revoke feed: ${nameOf(feed.scheduleId)}`}
                    icon={<IconTrash size={16} />}
                    message="Its URL stops working at once: calendars subscribed to it stop updating. This cannot be undone."
                    confirmLabel="Revoke feed"
                    onConfirm={() => revoking.mutateAsync(feed.id)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </ProfileCard>
  );
}
