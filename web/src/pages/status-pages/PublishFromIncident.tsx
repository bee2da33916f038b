import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLinkedStatusIncidents, useStatusPages } from '../../api/statusPages';
import { GuardedFormModal, type GuardedForm } from '../../components/GuardedFormModal';
import { PublishIncidentForm } from './PublishIncidentForm';
import { updateStatuses } from './statusWords';

/** Picks the page first: the form's components are that page's. */
function PublishOnPage({ incidentId, form }: { incidentId: string; form: GuardedForm }) {
  const pages = useStatusPages();
  const [pageId, setPageId] = useState<string | null>(pages.data?.length === 1 ? (pages.data[0]?.id ?? null) : null);
  return (
    <Stack>
      <Select
        label="Status page"
        required
        allowDeselect={false}
        placeholder="Pick the page to publish on"
        data={(pages.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={pageId}
        onChange={setPageId}
      />
      {/* Keyed by the page: another page starts the form again with its own components. */}
      {pageId !== null && <PublishIncidentForm key={pageId} pageId={pageId} incidentId={incidentId} {...form} />}
    </Stack>
  );
}

/**
 * On a Vigil incident: the public incidents published from it, and a way to publish one,
 * linked to it. Its internal title stays here: the public one is written afresh.
 */
export function PublishFromIncident({ incidentId, mayPublish }: { incidentId: string; mayPublish: boolean }) {
  const pages = useStatusPages();
  const linked = useLinkedStatusIncidents(incidentId);
  const [open, setOpen] = useState(false);
  const pageName = (id: string) => pages.data?.find((p) => p.id === id)?.name ?? 'a status page';
  const hasPages = (pages.data?.length ?? 0) > 0;
  if (!hasPages && (linked.data?.length ?? 0) === 0) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Public status</Title>
          {mayPublish && hasPages && (
            <Button variant="light" size="xs" leftSection={<IconSpeakerphone size={14} />} onClick={() => setOpen(true)}>
              Publish status update
            </Button>
          )}
        </Group>
        {linked.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing published about this incident yet.
          </Text>
        )}
        {linked.data?.map((published) => {
          const latest = published.entries[0];
          return (
            <Group key={published.id} gap="xs">
              <Anchor component={Link} to={`/status-pages/${published.pageId}?tab=incidents`} size="sm">
                {published.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                on {pageName(published.pageId)}
              </Text>
              {latest && (
                <Badge size="sm" variant="light" color={updateStatuses[latest.status].color}>
                  {updateStatuses[latest.status].label}
                </Badge>
              )}
            </Group>
          );
        })}
      </Stack>
      <GuardedFormModal opened={open} title="Publish status update" subject="this status update" onClose={() => setOpen(false)}>
        {(form) => <PublishOnPage incidentId={incidentId} form={form} />}
      </GuardedFormModal>
    </Paper>
  );
}
