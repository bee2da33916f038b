import { Button, Group } from '@mantine/core';
import { IconArrowBigUpLines, IconCheck, IconEye } from '@tabler/icons-react';
import type { IncidentStatus } from '../../api/incidentTypes';
import { useIncidentAction } from '../../api/incidents';
import { notifyError } from '../../components/notifyError';

/** Acknowledge, Resolve and Escalate; only what the status allows is enabled. */
export function IncidentActions({ incidentId, status }: { incidentId: string; status: IncidentStatus }) {
  const acting = useIncidentAction(incidentId);
  const pending = acting.isPending ? acting.variables.kind : null;
  const act = (kind: 'acknowledge' | 'resolve' | 'escalate') => acting.mutate({ kind }, { onError: notifyError });
  const resolved = status === 'resolved';
  return (
    <Group>
      <Button
        leftSection={<IconEye size={16} />}
        color="yellow"
        disabled={status !== 'triggered' || acting.isPending}
        loading={pending === 'acknowledge'}
        onClick={() => act('acknowledge')}
      >
        Acknowledge
      </Button>
      <Button leftSection={<IconCheck size={16} />} color="green" disabled={resolved || acting.isPending} loading={pending === 'resolve'} onClick={() => act('resolve')}>
        Resolve
      </Button>
      <Button
        leftSection={<IconArrowBigUpLines size={16} />}
        variant="default"
        disabled={resolved || acting.isPending}
        loading={pending === 'escalate'}
        onClick={() => act('escalate')}
      >
        Escalate
      </Button>
    </Group>
  );
}
