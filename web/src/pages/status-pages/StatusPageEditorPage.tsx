import { Anchor, Badge, Button, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconExternalLink, IconTrash } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { StatusPage } from '../../api/statusPageTypes';
import { useDeleteStatusPage, useStatusPage, useStatusPageView } from '../../api/statusPages';
import { useTeamAccess } from '../../auth/teamAccess';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { IncidentsPanel } from './IncidentsPanel';
import { LayoutEditor } from './LayoutEditor';
import { LogoField } from './LogoField';
import { MaintenancePanel } from './MaintenancePanel';
import { SettingsForm } from './SettingsForm';
import { SubscribersPanel } from './SubscribersPanel';
import { accessWords, componentStates, publicPath } from './statusWords';

const tabs = ['settings', 'layout', 'incidents', 'maintenance', 'subscribers'] as const;
type Tab = (typeof tabs)[number];

function Editor({ page }: { page: StatusPage }) {
  const access = useTeamAccess(page.teamId);
  const view = useStatusPageView(page.id);
  const deleting = useDeleteStatusPage();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = tabs.find((t) => t === search.get('tab')) ?? 'settings';
  // Both forms stay mounted across tabs (Mantine keeps panels), so the guard asks for either's edits.
  const [settingsDirty, setSettingsDirty] = useState(false);
  const [layoutDirty, setLayoutDirty] = useState(false);
  const onSettingsDirty = useCallback((dirty: boolean) => setSettingsDirty(dirty), []);
  const onLayoutDirty = useCallback((dirty: boolean) => setLayoutDirty(dirty), []);
  const overall = view.data && componentStates[view.data.overall];

  return (
    <>
      <UnsavedChangesGuard dirty={settingsDirty || layoutDirty} />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {page.name}
            </Title>
            {overall && (
              <Badge color={overall.color} variant="light">
                {overall.label}
              </Badge>
            )}
            <Badge color="gray" variant="outline">
              {accessWords[page.access]}
            </Badge>
          </Group>
          {page.customDomain !== null && (
            <Text size="sm" c="dimmed">
              Also at https://{page.customDomain}/
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button component="a" href={publicPath(page.slug)} target="_blank" rel="noopener" variant="default" leftSection={<IconExternalLink size={16} />}>
            Open public page
          </Button>
          {access.mayManage && (
            <ConfirmButton
              label={`Delete status page ${page.name}`}
              icon={<IconTrash size={18} />}
              message={`The status page ${page.name} is deleted with its incidents, maintenance and subscribers; ${publicPath(page.slug)} stops answering.`}
              confirmLabel="Delete page"
              onConfirm={() => deleting.mutateAsync(page.id).then(() => navigate('/status-pages', { replace: true }))}
            />
          )}
        </Group>
      </Group>
      <Tabs value={tab} onChange={(next) => setSearch(next === 'settings' || next === null ? {} : { tab: next }, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="settings">Settings</Tabs.Tab>
          <Tabs.Tab value="layout">Components</Tabs.Tab>
          <Tabs.Tab value="incidents">Incidents</Tabs.Tab>
          <Tabs.Tab value="maintenance">Maintenance</Tabs.Tab>
          {access.mayEdit && <Tabs.Tab value="subscribers">Subscribers</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="settings" pt="md">
          <Stack gap="xl">
            <SettingsForm page={page} mayManage={access.mayManage} onDirty={onSettingsDirty} />
            <LogoField page={page} mayManage={access.mayManage} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="layout" pt="md">
          <LayoutEditor page={page} mayManage={access.mayManage} onDirty={onLayoutDirty} />
        </Tabs.Panel>
        <Tabs.Panel value="incidents" pt="md">
          <IncidentsPanel page={page} mayPublish={access.mayEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="maintenance" pt="md">
          <MaintenancePanel page={page} mayManage={access.mayManage} />
        </Tabs.Panel>
        {/* The API shows subscribers to the page team's members and admins only. */}
        {access.mayEdit && (
          <Tabs.Panel value="subscribers" pt="md">
            <SubscribersPanel page={page} mayManage={access.mayManage} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}

/** /status-pages/:pageId: a page's settings, components, public incidents and maintenance. */
export function StatusPageEditorPage() {
  const { pageId = '' } = useParams();
  const page = useStatusPage(pageId);
  return (
    <Stack>
      <Anchor component={Link} to="/status-pages" size="sm">
        ← All status pages
      </Anchor>
      {page.isPending && <Skeleton h={320} />}
      {page.isError && <QueryError error={page.error} />}
      {page.isSuccess && <Editor page={page.data} />}
    </Stack>
  );
}
