import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { MyOnCall } from '../../api/myOnCall';

const hours = (n: number) => `${n.toLocaleString(undefined, { maximumFractionDigits: 1 })} h`;

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="xs" radius="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {note !== undefined && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

/** Your hours as primary this calendar month, split like the hours report. */
export function MonthHours({ month, timeZone }: { month: MyOnCall['month']; timeZone: string }) {
  // The month is read in the middle of the range so an offset never tips it into the neighbour.
  const name = new Intl.DateTimeFormat(undefined, { timeZone, month: 'long' }).format((Date.parse(month.from) + Date.parse(month.to)) / 2);
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" role="group" aria-label={`My hours in ${name}`}>
      <Stat label={`On call in ${name}`} value={hours(month.total)} note={`${hours(month.soFar)} so far`} />
      <Stat label="Business hours" value={hours(month.businessHours)} note="Mon–Fri 09–17" />
      <Stat label="Nights" value={hours(month.nights)} note="Mon–Fri, other hours" />
      <Stat label="Weekends" value={hours(month.weekends)} note="Sat–Sun" />
    </SimpleGrid>
  );
}
