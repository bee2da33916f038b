import { Alert, Badge, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconMailOff, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { StatusPage } from '../../api/statusPageTypes';
import { useRemoveSubscriber, useStatusSubscribers } from '../../api/statusPages';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { formatWithYear } from '../../time/withYear';

/** Who is told about the page's updates; they subscribe on the public page, managers may remove them. */
export function SubscribersPanel({ page, mayManage }: { page: StatusPage; mayManage: boolean }) {
  const subscribers = useStatusSubscribers(page.id);
  const removing = useRemoveSubscriber(page.id);
  const zone = useViewerTimeZone();
  const [now] = useState(() => new Date().getTime());
  if (subscribers.isPending) return <Skeleton h={160} />;
  if (subscribers.isError) return <QueryError error={subscribers.error} />;
  const { subscribers: items, emailDelivery, queuedEmails } = subscribers.data;
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        People subscribe on the public page, by email (after confirming it) or with a webhook; the page also has Atom and RSS feeds.
      </Text>
      {emailDelivery === 'not_configured' && (
        <Alert color="yellow" icon={<IconMailOff size={18} />} title="Email is not set up">
          Vigil has no VIGIL_SMTP_URL, so no email is sent: {queuedEmails} email{queuedEmails === 1 ? '' : 's'} of this page wait{queuedEmails === 1 ? 's' : ''} until it is set.
        </Alert>
      )}
      {items.length === 0 && <Text c="dimmed">No subscribers yet.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped aria-label="Subscribers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Address</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Since</Table.Th>
                <Table.Th>Delivery</Table.Th>
                {mayManage && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Group gap="xs" wrap="nowrap">
                      <Badge size="sm" variant="outline" color="gray">
                        {s.kind === 'email' ? 'Email' : 'Webhook'}
                      </Badge>
                      {s.address}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={s.confirmed ? 'green' : 'yellow'}>
                      {s.confirmed ? 'Confirmed' : 'Not confirmed yet'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatWithYear(s.confirmedAt ?? s.createdAt, zone, now)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.pending === 0 && s.failed === 0 ? 'Up to date' : [s.pending > 0 && `${s.pending} waiting`, s.failed > 0 && `${s.failed} failed`].filter(Boolean).join(', ')}</Text>
                    {s.lastError !== null && (
                      <Text size="xs" c="red.8" style={{ overflowWrap: 'anywhere' }}>
                        {s.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  {mayManage && (
                    <Table.Td>
                      <ConfirmButton
                        label={`Remove subscriber ${s.address}`}
                        icon={<IconTrash size={18} />}
                        message={`${s.address} gets no more updates of ${page.name}; what is still queued for it is dropped.`}
                        confirmLabel="Remove subscriber"
                        onConfirm={() => removing.mutateAsync(s.id)}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
