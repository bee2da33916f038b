import { Button, CloseButton, Group, SegmentedControl, Skeleton, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBellRinging, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useIncidentListPages } from '../../api/incidentList';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryError } from '../../components/QueryError';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { BulkActionsBar } from './BulkActionsBar';
import { IncidentFilters } from './IncidentFilters';
import { IncidentTable } from './IncidentTable';
import { PageSomeoneModal } from './PageSomeoneModal';
import { apiQueryOf, defaultOrder, isOpenOnly, OPEN, paramsOf, viewOf, type IncidentListView, type Sort } from './incidentListView';

/** Every incident, filtered, searched and sorted; the whole view lives in the address, so a link or Back brings it back. */
export function IncidentsPage() {
  const [params, setParams] = useSearchParams();
  const view = viewOf(params);
  const zone = useViewerTimeZone();
  const incidents = useIncidentListPages(apiQueryOf(view, zone));
  const change = (patch: Partial<IncidentListView>) => setParams(paramsOf({ ...view, ...patch }));

  // The box shows every keystroke; the address (and the request) follow once typing pauses.
  const [text, setText] = useState(view.q);
  useEffect(() => setText(view.q), [view.q]);
  const search = useDebouncedCallback((q: string) => setParams(paramsOf({ ...viewOf(new URLSearchParams(window.location.search)), q }), { replace: true }), 300);

  const shown = incidents.data?.pages.flatMap((page) => page.items) ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Viewers watch; the server decides team by team for the others.
  const mayAct = hasRole(useCurrentUser().role, 'responder');
  const [paging, setPaging] = useState(false);

  const sortBy = (sort: Sort) => change({ sort, order: sort === view.sort ? (view.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort) });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Incidents</Title>
        {/* The two usual status choices in one click; any other mix is made in the filters and selects neither. */}
        <SegmentedControl
          aria-label="Show incidents"
          data={[
            { value: 'open', label: 'Open' },
            { value: 'all', label: 'All' },
          ]}
          value={view.statuses.length === 0 ? 'all' : isOpenOnly(view.statuses) ? 'open' : ''}
          onChange={(value) => change({ statuses: value === 'all' ? [] : OPEN })}
        />
        {mayAct && (
          <Button color="red" leftSection={<IconBellRinging size={16} />} onClick={() => setPaging(true)}>
            Page someone
          </Button>
        )}
      </Group>
      <PageSomeoneModal opened={paging} onClose={() => setPaging(false)} />
      <TextInput
        aria-label="Search incidents"
        placeholder="Search title, description or dedup key"
        leftSection={<IconSearch size={16} />}
        rightSection={text !== '' && <CloseButton aria-label="Clear search" onClick={() => { setText(''); change({ q: '' }); }} />}
        value={text}
        maxLength={200}
        onChange={(e) => {
          setText(e.currentTarget.value);
          search(e.currentTarget.value);
        }}
      />
      <IncidentFilters view={view} onChange={change} />
      {incidents.isPending ? (
        <Skeleton h={200} />
      ) : incidents.isError ? (
        <QueryError error={incidents.error} />
      ) : (
        <>
          <BulkActionsBar ids={shown.filter((i) => selected.has(i.id)).map((i) => i.id)} onDone={() => setSelected(new Set())} />
          <IncidentTable
            incidents={shown}
            sort={{ sort: view.sort, order: view.order, onSort: sortBy }}
            {...(mayAct && { selection: { selected, onChange: setSelected } })}
            stale={incidents.isPlaceholderData}
          />
          <LoadMoreButton hasNextPage={incidents.hasNextPage && !incidents.isPlaceholderData} isFetchingNextPage={incidents.isFetchingNextPage} fetchNextPage={incidents.fetchNextPage} />
        </>
      )}
    </Stack>
  );
}
