import { Anchor, Badge, Button, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { ComponentState } from '../../api/statusPageTypes';
import { useCreatableTeamIds, useStatusPages } from '../../api/statusPages';
import { useTeamChoices } from '../../api/teams';
import { QueryError } from '../../components/QueryError';
import { NewStatusPageModal } from './NewStatusPageModal';
import { accessWords, componentStates, publicPath } from './statusWords';

/** The page's overall state, as its public page shows it now (the list carries it). */
function OverallBadge({ overall }: { overall: ComponentState }) {
  const state = componentStates[overall];
  return (
    <Badge color={state.color} variant="light" style={{ overflow: 'visible' }}>
      {state.label}
    </Badge>
  );
}

export function StatusPagesPage() {
  const pages = useStatusPages();
  const creatable = useCreatableTeamIds().data ?? [];
  const teams = useTeamChoices();
  const [creating, { open, close }] = useDisclosure();
  const teamName = (id: string) => teams.data?.find((t) => t.id === id)?.name ?? '…';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Status pages</Title>
        {/* Admins and team managers: the API refuses anyone else. Shown once the list says so, so it never appears only to vanish. */}
        {creatable.length > 0 && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New status page
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm">
        Public pages that tell your users what works, from your monitors, with incident updates and planned maintenance.
      </Text>
      {pages.isPending && <Skeleton h={200} />}
      {pages.isError && <QueryError error={pages.error} />}
      {pages.isSuccess && pages.data.length === 0 && <Text c="dimmed">No status pages yet.</Text>}
      {pages.isSuccess && pages.data.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped aria-label="Status pages">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Now</Table.Th>
                <Table.Th>Access</Table.Th>
                <Table.Th>Team</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pages.data.map((page) => (
                <Table.Tr key={page.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/status-pages/${page.id}`}>
                      {page.name}
                    </Anchor>
                    <Anchor
                      href={publicPath(page.slug)}
                      target="_blank"
                      rel="noopener"
                      size="xs"
                      display="block"
                      aria-label={`Open the public page of ${page.name}`}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {publicPath(page.slug)} <IconExternalLink size={12} aria-hidden style={{ verticalAlign: 'middle' }} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <OverallBadge overall={page.overall} />
                  </Table.Td>
                  <Table.Td>{accessWords[page.access]}</Table.Td>
                  <Table.Td>{teamName(page.teamId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <NewStatusPageModal teamIds={creatable} onClose={close} />}
    </Stack>
  );
}
