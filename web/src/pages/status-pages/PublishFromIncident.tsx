import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { StatusPage } from '../../api/statusPageTypes';
import { useLinkedStatusIncidents, useStatusPages } from '../../api/statusPages';
import { GuardedFormModal, type GuardedForm } from '../../components/GuardedFormModal';
import { PublishIncidentForm } from './PublishIncidentForm';
import { updateStatuses } from './statusWords';

/** Picks the page first: the form's components are that page's. */
function PublishOnPage({ incidentId, pages, form }: { incidentId: string; pages: StatusPage[]; form: GuardedForm }) {
  const [pageId, setPageId] = useState<string | null>(pages.length === 1 ? (pages[0]?.id ?? null) : null);
  return (
    <Stack>
      <Select
        label="Status page"
        required
        allowDeselect={false}
        placeholder="Pick the page to publish on"
        data={pages.map((p) => ({ value: p.id, label: p.name }))}
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
 * linked to it, on a page of the team whose monitor it is (`teamId`; undefined while unknown). Its internal title stays here: the public one is written afresh.
 */
export function PublishFromIncident({ incidentId, teamId, mayPublish }: { incidentId: string; teamId: string | undefined; mayPublish: boolean }) {
  const pages = useStatusPages();
  const linked = useLinkedStatusIncidents(incidentId);
  const [open, setOpen] = useState(false);
  const pageName = (id: string) => pages.data?.find((p) => p.id === id)?.name ?? 'a status page';
  // A page tells about incidents of its own team's monitors only (the API refuses others).
  const teamPages = (pages.data ?? []).filter((p) => teamId === undefined || p.teamId === teamId);
  const hasPages = teamPages.length > 0;
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
        {(form) => <PublishOnPage incidentId={incidentId} pages={teamPages} form={form} />}
      </GuardedFormModal>
    </Paper>
  );
}
