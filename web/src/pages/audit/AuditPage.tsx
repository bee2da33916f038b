import { Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useAuditPages } from '../../api/audit';
import { useUserChoices } from '../../api/users';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryError } from '../../components/QueryError';
import { formatWithYear } from '../../time/withYear';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { AuditFilters, type AuditFilterState, type Since } from './AuditFilters';
import { AuditRow } from './AuditRow';

const sinceMs: Record<Since, number | null> = { day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000, all: null };

/** Who changed what, when and from where (admins and owners; the API refuses everyone else). */
export function AuditPage() {
  const zone = useViewerTimeZone();
  const [filter, setFilter] = useState<AuditFilterState>({ entityType: null, action: null, actorId: null, since: 'all' });
  // The browser's clock, fixed for this page view: it only picks the start of "last 7 days" and whether to show years.
  const [now] = useState(() => new Date().getTime());
  const since = sinceMs[filter.since];
  const audit = useAuditPages({
    entityType: filter.entityType ?? undefined,
    action: filter.action ?? undefined,
    actorId: filter.actorId ?? undefined,
    from: since === null ? undefined : new Date(now - since).toISOString(),
  });
  const users = useUserChoices();
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.name])), [users.data]);
  const formatInstant = (ms: number) => formatWithYear(ms, zone, now);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = filter.entityType !== null || filter.action !== null || filter.actorId !== null || since !== null;

  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      <AuditFilters value={filter} onChange={setFilter} />
      {audit.isPending && <Skeleton h={200} />}
      {audit.isError && <QueryError error={audit.error} />}
      {audit.isSuccess && entries.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {filtered ? 'No changes match these filters.' : 'No changes recorded yet: edits to users, teams, schedules, policies and monitors will show up here.'}
        </Text>
      )}
      {entries.length > 0 && (
        <Table striped aria-label="Audit log" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44} aria-label="Details" />
              <Table.Th w={{ base: 96, sm: 170 }}>When</Table.Th>
              <Table.Th w="30%">Who</Table.Th>
              <Table.Th>What</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} names={names} formatInstant={formatInstant} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMoreButton hasNextPage={audit.hasNextPage} isFetchingNextPage={audit.isFetchingNextPage} fetchNextPage={audit.fetchNextPage} />
    </Stack>
  );
}
