import { Anchor, Button, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlarm, IconPencil, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useDeleteMonitor, useMonitor } from '../../api/monitors';
import { usePolicyChoices } from '../../api/policies';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { IncidentList } from '../incidents/IncidentList';
import { CertificateCard } from './CertificateCard';
import { LastCheckCard } from './LastCheckCard';
import { ManualPagesMonitor } from './ManualPagesMonitor';
import { MonitorEventRules, takesEventRules } from '../event-rules/MonitorEventRules';
import { DependsOnLinks } from './DependsOnLinks';
import { groupingSummary } from './GroupingFields';
import { MonitorFormModal } from './MonitorFormModal';
import { MonitorKindBadge } from './MonitorKindBadge';
import { MonitorPagingPlan } from './MonitorPagingPlan';
import { MonitorPolicySelect } from './MonitorPolicySelect';
import { isCheckedKind, isPushedKind } from './monitorKinds';
import { NewIntegrationKeyButton } from './NewIntegrationKeyButton';
import { MonitorStatusBadge } from './MonitorStatusBadge';
import { RaiseAlertModal } from './RaiseAlertModal';
import { ResponseTimePanel } from './ResponseTimePanel';
import { TargetCard } from './TargetCard';
import { UptimeCard } from './UptimeCard';

export function MonitorPage() {
  const { monitorId = '' } = useParams();
  const me = useCurrentUser();
  const monitor = useMonitor(monitorId);
  const policies = usePolicyChoices();
  const deleting = useDeleteMonitor();
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure();
  const [alerting, alert] = useDisclosure();

  if (monitor.isPending) return <Skeleton h={240} />;
  if (monitor.isError) return <QueryError error={monitor.error} />;

  const m = monitor.data;
  if (m.policyId === null) return <ManualPagesMonitor monitor={m} />;
  const canEdit = hasRole(me.role, 'responder');
  const policyName = policies.data?.find((p) => p.id === m.policyId)?.name ?? '…';

  return (
    <Stack>
      <Anchor component={Link} to="/monitors" size="sm">
        ← All monitors
      </Anchor>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{m.name}</Title>
          <MonitorKindBadge kind={m.kind} />
          <MonitorStatusBadge status={m.status} />
        </Group>
        {canEdit && (
          <Group>
            {isPushedKind(m.kind) && <NewIntegrationKeyButton monitor={m} />}
            <Button color="red" variant="light" leftSection={<IconAlarm size={16} />} disabled={m.paused} onClick={alert.open}>
              Raise test alert
            </Button>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>
              Edit
            </Button>
            <ConfirmButton
              label={`Delete monitor ${m.name}`}
              icon={<IconTrash size={18} />}
              message={`The monitor ${m.name} and all its incidents will be deleted.`}
              confirmLabel="Delete monitor"
              onConfirm={() => deleting.mutateAsync(m.id).then(() => navigate('/monitors', { replace: true }))}
            />
          </Group>
        )}
      </Group>
      {isCheckedKind(m.kind) && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: m.certificateExpiresAt === undefined ? 3 : 4 }}>
            <TargetCard monitor={m} />
            <LastCheckCard monitor={m} />
            <UptimeCard monitorId={m.id} />
            {m.certificateExpiresAt !== undefined && <CertificateCard expiresAt={m.certificateExpiresAt} warnDays={m.http?.certExpiryDays ?? 0} />}
          </SimpleGrid>
          <ResponseTimePanel monitorId={m.id} />
        </>
      )}
      {canEdit ? (
        <MonitorPolicySelect monitor={m} />
      ) : (
        <Text>
          Escalation policy:{' '}
          <Anchor component={Link} to={`/escalation-policies/${m.policyId}`}>
            {policyName}
          </Anchor>
        </Text>
      )}
      {m.rateLimit !== undefined && (
        <Text>Rate limit: {m.rateLimit === null ? 'none' : `${m.rateLimit.eventsPerMinute.toLocaleString()} ${m.kind === 'alertmanager' || m.kind === 'grafana' ? 'notifications' : 'events'} a minute`}</Text>
      )}
      {m.grouping !== undefined && <Text>Grouping: {groupingSummary(m.grouping)}</Text>}
      <DependsOnLinks ids={m.dependsOn} />
      <MonitorPagingPlan monitorId={m.id} policyId={m.policyId} />
      {takesEventRules(m.kind) && <MonitorEventRules monitor={m} />}
      <Title order={3}>Incidents</Title>
      <IncidentList monitorId={m.id} />
      {editing && <MonitorFormModal monitor={m} onClose={edit.close} />}
      {alerting && <RaiseAlertModal monitorId={m.id} onClose={alert.close} />}
    </Stack>
  );
}
