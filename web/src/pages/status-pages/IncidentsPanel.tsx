import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import type { StatusIncident, StatusPage } from '../../api/statusPageTypes';
import { useStatusIncidents, useStatusPageView } from '../../api/statusPages';
import { GuardedFormModal } from '../../components/GuardedFormModal';
import { QueryError } from '../../components/QueryError';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { AddUpdateForm } from './AddUpdateForm';
import { componentNames } from './componentChoices';
import { IncidentHistory } from './IncidentHistory';
import { PublishIncidentForm } from './PublishIncidentForm';

/** The page's public incidents, open ones first; members of the team publish and update them. */
export function IncidentsPanel({ page, mayPublish }: { page: StatusPage; mayPublish: boolean }) {
  const incidents = useStatusIncidents(page.id);
  const view = useStatusPageView(page.id);
  const zone = useViewerTimeZone();
  const [publishing, setPublishing] = useState(false);
  const [updating, setUpdating] = useState<StatusIncident | null>(null);
  const sorted = [...(incidents.data ?? [])].sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.createdAt.localeCompare(a.createdAt));

  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed" size="sm" style={{ flex: 1, minWidth: 200 }}>
          What you publish here is public at once and sent to the page's subscribers.
        </Text>
        {mayPublish && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setPublishing(true)}>
            Publish incident
          </Button>
        )}
      </Group>
      {incidents.isPending && <Skeleton h={160} />}
      {incidents.isError && <QueryError error={incidents.error} />}
      {incidents.isSuccess && sorted.length === 0 && <Text c="dimmed">No public incidents yet.</Text>}
      {sorted.map((incident) => {
        const affected = componentNames(view.data, incident.components);
        return (
          <Paper key={incident.id} withBorder p="md" component="article" aria-label={incident.title}>
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start">
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs">
                    <Title order={4} style={{ overflowWrap: 'anywhere' }}>
                      {incident.title}
                    </Title>
                    <Badge color={incident.resolvedAt === null ? 'red' : 'gray'} variant="light">
                      {incident.resolvedAt === null ? 'Open' : 'Resolved'}
                    </Badge>
                  </Group>
                  {affected !== '' && (
                    <Text size="xs" c="dimmed">
                      Affects {affected}
                    </Text>
                  )}
                </Stack>
                {mayPublish && incident.resolvedAt === null && (
                  <Button variant="light" size="xs" leftSection={<IconSpeakerphone size={14} />} onClick={() => setUpdating(incident)}>
                    Post update
                  </Button>
                )}
              </Group>
              <IncidentHistory entries={incident.entries} zone={zone} />
            </Stack>
          </Paper>
        );
      })}
      <GuardedFormModal opened={publishing} title="Publish an incident" subject="this incident" onClose={() => setPublishing(false)}>
        {(form) => <PublishIncidentForm pageId={page.id} {...form} />}
      </GuardedFormModal>
      <GuardedFormModal opened={updating !== null} title={`Update “${updating?.title ?? ''}”`} subject="this update" onClose={() => setUpdating(null)}>
        {(form) => updating && <AddUpdateForm pageId={page.id} incident={updating} {...form} />}
      </GuardedFormModal>
    </Stack>
  );
}
