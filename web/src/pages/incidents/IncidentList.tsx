import { Skeleton } from '@mantine/core';
import type { IncidentStatus } from '../../api/incidentTypes';
import { useIncidentPages } from '../../api/incidents';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryError } from '../../components/QueryError';
import { IncidentTable } from './IncidentTable';

interface IncidentListProps {
  statuses?: IncidentStatus[];
  monitorId?: string;
}

/** Incidents newest first, polled, with cursor paging. */
export function IncidentList({ statuses, monitorId }: IncidentListProps) {
  const incidents = useIncidentPages({ ...(statuses && { statuses }), ...(monitorId !== undefined && { monitorId }) });
  if (incidents.isPending) return <Skeleton h={200} />;
  if (incidents.isError) return <QueryError error={incidents.error} />;
  return (
    <>
      <IncidentTable incidents={incidents.data.pages.flatMap((page) => page.items)} showMonitor={monitorId === undefined} />
      <LoadMoreButton
        hasNextPage={incidents.hasNextPage}
        isFetchingNextPage={incidents.isFetchingNextPage}
        fetchNextPage={incidents.fetchNextPage}
      />
    </>
  );
}
