import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { myOnCallDays, useMyOnCall } from '../../api/myOnCall';
import { QueryError } from '../../components/QueryError';
import { MonthHours } from './MonthHours';
import { MyShiftList } from './MyShiftList';

/**
 * "My on-call" at the top of Who's on-call, the page everyone lands on after logging in:
 * your next shifts on every schedule and your hours this month, before everyone else's.
 */
export function MyOnCallSection() {
  const mine = useMyOnCall();
  return (
    <Paper component="section" aria-labelledby="my-on-call" withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={3} id="my-on-call">
            My on-call
          </Title>
          {mine.data && (
            <Text size="xs" c="dimmed">
              Times in your zone, {mine.data.timeZone}
            </Text>
          )}
        </Group>
        {mine.isPending && <Skeleton h={120} />}
        {mine.isError && <QueryError error={mine.error} />}
        {mine.data && (
          <>
            <MonthHours month={mine.data.month} timeZone={mine.data.timeZone} />
            <MyShiftList shifts={mine.data.shifts} zone={mine.data.timeZone} now={mine.data.from} days={myOnCallDays} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
