import { Badge, Table, Text } from '@mantine/core';
import type { Notification, NotificationStatus } from '../../api/incidentTypes';
import { formatDateTime } from '../../time/format';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import type { NameOf } from './describeEvent';

// delivered: a provider's receipt (Twilio) confirmed it arrived, after sent.
const colors: Record<NotificationStatus, string> = { queued: 'gray', sending: 'blue', sent: 'green', delivered: 'teal', failed: 'red', cancelled: 'dark' };

export function NotificationsTable({ notifications, nameOf }: { notifications: Notification[]; nameOf: NameOf }) {
  const zone = useViewerTimeZone();
  if (notifications.length === 0) return <Text c="dimmed">Nobody has been notified.</Text>;
  // A failed delivery's error is long: on a phone the table scrolls in its own box, not the page.
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table striped aria-label="Notifications">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Recipient</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Sent</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Last error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {notifications.map((n) => (
            <Table.Tr key={n.id}>
              {/* Webhook and Slack targets notify a channel, not a person. */}
              <Table.Td>{n.userId === null ? 'Channel' : nameOf(n.userId)}</Table.Td>
              <Table.Td>{n.channel}</Table.Td>
              <Table.Td>
                {/* The label may not shrink: squeezed by a long error on a phone, Mantine's ellipsis would leave "QU…". */}
                <Badge color={colors[n.status]} variant="light" styles={{ label: { overflow: 'visible' } }}>
                  {n.status}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(n.dueAt, zone)}</Table.Td>
              <Table.Td>{n.sentAt === null ? '—' : formatDateTime(n.sentAt, zone)}</Table.Td>
              <Table.Td>{n.attempts}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{n.lastError ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
