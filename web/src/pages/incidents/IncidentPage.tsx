import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import { postmortemUrl } from '../../api/incidentAlerts';
import { useIncident } from '../../api/incidents';
import { useMonitorChoices } from '../../api/monitors';
import { useUserChoices } from '../../api/users';
import { QueryError } from '../../components/QueryError';
import { RelativeTime } from '../../components/RelativeTime';
import { CommentForm } from './CommentForm';
import type { NameOf } from './describeEvent';
import { IncidentActions } from './IncidentActions';
import { UrgencyBadge } from './UrgencyBadge';
import { IncidentAlerts } from './IncidentAlerts';
import { IncidentStatusBadge } from './IncidentStatusBadge';
import { IncidentTimeline } from './IncidentTimeline';
import { NotificationsTable } from './NotificationsTable';
import { AddRespondersForm } from './AddRespondersForm';
import { LatestStatusUpdate } from './LatestStatusUpdate';
import { MergeIncidentsForm } from './MergeIncidentsForm';
import { SuppressedBadge } from './SuppressedBadge';
import { SuppressionNotice } from './SuppressionNotice';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { PublishFromIncident } from '../status-pages/PublishFromIncident';

export function IncidentPage() {
  const { incidentId = '' } = useParams();
  const incident = useIncident(incidentId);
  const users = useUserChoices();
  const monitors = useMonitorChoices();
  const zone = useViewerTimeZone();

  if (incident.isPending) return <Skeleton h={320} />;
  if (incident.isError) return <QueryError error={incident.error} />;

  const nameOf: NameOf = (id) => (id ? (users.data?.find((u) => u.id === id)?.name ?? 'someone') : 'the system');
  const i = incident.data;
  // The server says whether this viewer may act (role, team, VIGIL_INCIDENT_ACTIONS).
  const canAct = i.youMayAct && i.status !== 'resolved';
  const monitorNamed = (id: string) => monitors.data?.find((m) => m.id === id)?.name;
  const monitorName = monitorNamed(i.monitorId) ?? 'its monitor';
  // A manual page (POST /incidents) names who paged on its trigger; a monitor's trigger names nobody.
  const pagedBy = i.timeline.find((e) => e.kind === 'triggered')?.actorId ?? null;
  // A resolved one keeps its badge (it never paged) but needs no explanation of how it would.
  const suppressed = i.suppression !== null && i.status !== 'resolved';

  return (
    <Stack>
      <Anchor component={Link} to="/incidents" size="sm">
        ← All incidents
      </Anchor>
      <Group>
        <Title order={2}>{i.title}</Title>
        <IncidentStatusBadge status={i.status} />
        <UrgencyBadge urgency={i.urgency} />
        {i.suppression !== null && <SuppressedBadge />}
        <Button component="a" href={postmortemUrl(i.id, zone)} download variant="default" size="compact-sm" leftSection={<IconDownload size={14} />} ml="auto">
          Export as Markdown
        </Button>
      </Group>
      {i.description !== '' && <Text c="dimmed">{i.description}</Text>}
      {suppressed && i.suppression && (
        <SuppressionNotice suppression={i.suppression} monitorName={(id) => monitorNamed(id) ?? 'the monitor it depends on'} canAct={canAct} />
      )}
      <LatestStatusUpdate timeline={i.timeline} nameOf={nameOf} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            From
          </Text>
          {pagedBy === null ? (
            <Anchor component={Link} to={`/monitors/${i.monitorId}`}>
              {monitorName}
            </Anchor>
          ) : (
            <Text size="sm">Paged by hand by {nameOf(pagedBy)}</Text>
          )}
          <Text size="sm">
            Policy {i.policy.name}
            {/* The policy is a snapshot: it names the step as it was when the incident triggered. */}
            {i.step >= 0 && `, at step ${i.step + 1}${i.pass > 0 ? ` (repeat ${i.pass})` : ''}`}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            Triggered
          </Text>
          <RelativeTime iso={i.triggeredAt} />
          {/* A manual page has no alerts: nothing alerted. */}
          {i.alertCount > 0 && (
            <Text size="sm">
              {i.alertCount} alert{i.alertCount === 1 ? '' : 's'}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {i.status === 'resolved' ? 'Resolved' : i.status === 'acknowledged' ? 'Acknowledged' : 'Next escalation'}
          </Text>
          {i.status === 'resolved' && i.resolvedAt !== null && (
            <Text size="sm">
              <RelativeTime iso={i.resolvedAt} /> by {nameOf(i.resolvedBy)}
            </Text>
          )}
          {i.status === 'acknowledged' && i.acknowledgedAt !== null && (
            <Text size="sm">
              <RelativeTime iso={i.acknowledgedAt} /> by {nameOf(i.acknowledgedBy)}
            </Text>
          )}
          {i.status === 'acknowledged' && i.nextActionAt !== null && (
            <Text size="sm">
              Pages again <RelativeTime iso={i.nextActionAt} />
            </Text>
          )}
          {i.status === 'triggered' && <Text size="sm">{i.nextActionAt === null ? (suppressed ? 'None: suppressed' : 'None scheduled') : <RelativeTime iso={i.nextActionAt} />}</Text>}
        </Paper>
      </SimpleGrid>
      <IncidentAlerts incidentId={i.id} />
      <PublishFromIncident incidentId={i.id} teamId={monitors.data?.find((m) => m.id === i.monitorId)?.teamId} mayPublish={i.youMayAct} />
      {i.youMayAct && <IncidentActions incidentId={i.id} status={i.status} urgency={i.urgency} suppressed={suppressed} />}
      {!i.youMayAct && i.status !== 'resolved' && (
        <Text size="sm" c="dimmed">
          You can follow this incident; acting on it is for the team that owns {monitorName} and for admins.
        </Text>
      )}
      {canAct && <AddRespondersForm incidentId={i.id} />}
      {canAct && <MergeIncidentsForm incidentId={i.id} />}
      <Title order={3}>Timeline</Title>
      <IncidentTimeline events={i.timeline} changes={i.changes} nameOf={nameOf} />
      {canAct && <CommentForm incidentId={i.id} />}
      <Title order={3}>Notifications</Title>
      <NotificationsTable notifications={i.notifications} nameOf={nameOf} />
    </Stack>
  );
}
