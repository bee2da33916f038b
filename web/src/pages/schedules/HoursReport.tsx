import { Anchor, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { hoursCsvUrl, useHours } from '../../api/hours';
import { QueryError } from '../../components/QueryError';
import { addDays, fromLocalInput, toLocalInput } from '../../time/zoned';

/** On-call hours per person between two local dates (the end date included). */
export function HoursReport({ scheduleId, viewerZone, now }: { scheduleId: string; viewerZone: string; now: string }) {
  const today = toLocalInput(now, viewerZone).slice(0, 10);
  const [first, setFirst] = useState(addDays(today, -6));
  const [last, setLast] = useState(today);
  const from = fromLocalInput(first, viewerZone);
  const to = fromLocalInput(addDays(last, 1), viewerZone);
  const valid = first !== '' && last !== '' && to > from;
  const hours = useHours(scheduleId, from, to, valid);

  return (
    <Stack component="section" aria-label="On-call hours" gap="xs">
      <Title order={3}>On-call hours</Title>
      <Group align="flex-end">
        <TextInput label="From" type="date" value={first} onChange={(e) => setFirst(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={last} onChange={(e) => setLast(e.currentTarget.value)} error={valid ? undefined : 'must not be before From'} />
        {valid && (
          <Anchor href={hoursCsvUrl(scheduleId, from, to)} download mb={8}>
            <Group gap={4}>
              <IconDownload size={16} />
              Download CSV
            </Group>
          </Anchor>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        Dates in {viewerZone}. Business hours are Mon–Fri 09:00–17:00, nights the rest of weekdays, weekends Sat–Sun, in the schedule&apos;s zone.
      </Text>
      {valid && hours.isError && <QueryError error={hours.error} />}
      {valid && hours.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody was on call in this range.
        </Text>
      )}
      {valid && hours.data !== undefined && hours.data.items.length > 0 && (
        <Table striped aria-label="Hours per person">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Total hours</Table.Th>
              <Table.Th>Business hours</Table.Th>
              <Table.Th>Nights</Table.Th>
              <Table.Th>Weekends</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hours.data.items.map((row) => (
              <Table.Tr key={row.user.id}>
                <Table.Td>{row.user.name}</Table.Td>
                <Table.Td>{row.total}</Table.Td>
                <Table.Td>{row.businessHours}</Table.Td>
                <Table.Td>{row.nights}</Table.Td>
                <Table.Td>{row.weekends}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
