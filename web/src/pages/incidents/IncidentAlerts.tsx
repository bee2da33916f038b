import { Accordion, Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useIncidentAlerts } from '../../api/incidentAlerts';
import { QueryError } from '../../components/QueryError';
import { formatWithYear } from '../../time/withYear';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { AlertDetailsTable } from './AlertDetailsTable';

/** The latest alert's details in full (what the sender says is wrong now), every earlier alert one click away. */
export function IncidentAlerts({ incidentId }: { incidentId: string }) {
  const alerts = useIncidentAlerts(incidentId);
  const zone = useViewerTimeZone();
  // Only decides whether a date shows its year.
  const [now] = useState(() => new Date().getTime());
  if (alerts.isPending) return <Skeleton h={120} />;
  if (alerts.isError) return <QueryError error={alerts.error} />;
  const [latest, ...earlier] = alerts.data.pages.flatMap((p) => p.items);
  // Incidents opened before alerts were kept have none.
  if (!latest) return null;
  const when = (iso: string) => formatWithYear(iso, zone, now);
  return (
    <Stack gap="sm" component="section" aria-label="Alert details">
      <Title order={3}>Alert details</Title>
      <Text size="sm" c="dimmed">
        Latest alert, {when(latest.at)}
        {latest.title !== '' && `: ${latest.title}`}
      </Text>
      <AlertDetailsTable details={latest.details} />
      {earlier.length > 0 && (
        <Text size="sm" fw={500}>
          Earlier alerts
        </Text>
      )}
      {earlier.length > 0 && (
        <Accordion variant="separated" aria-label="Earlier alerts">
          {earlier.map((alert) => (
            <Accordion.Item key={alert.id} value={alert.id}>
              <Accordion.Control>
                <Text size="sm">
                  {when(alert.at)}
                  {alert.title !== '' && `: ${alert.title}`}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <AlertDetailsTable details={alert.details} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {alerts.hasNextPage && (
        <Button variant="subtle" size="compact-sm" onClick={() => void alerts.fetchNextPage()} loading={alerts.isFetchingNextPage} w="fit-content">
          Show earlier alerts
        </Button>
      )}
    </Stack>
  );
}
