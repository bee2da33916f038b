import { Button, Group, Menu } from '@mantine/core';
import { IconArrowBigUpLines, IconArrowsDownUp, IconCheck, IconClockPause, IconEye } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import type { Incident, IncidentStatus } from '../../api/incidentTypes';
import { useIncidentAction } from '../../api/incidents';
import { notifyError } from '../../components/notifyError';

const snoozeChoices: [number, string][] = [
  [60, '1 hour'],
  [240, '4 hours'],
  [24 * 60, '24 hours'],
];

interface IncidentActionsProps {
  incidentId: string;
  status: IncidentStatus;
  urgency: Incident['urgency'];
  /** Nobody was paged yet: escalating is what pages. */
  suppressed: boolean;
}

/** Acknowledge, Resolve, Escalate (Page now while suppressed), Snooze and the urgency; only what the status allows is enabled. */
export function IncidentActions({ incidentId, status, urgency, suppressed }: IncidentActionsProps) {
  const acting = useIncidentAction(incidentId);
  const pending = acting.isPending ? acting.variables.kind : null;
  const act = (kind: 'acknowledge' | 'resolve' | 'escalate') => acting.mutate({ kind }, { onError: notifyError });
  const pageNow = () =>
    acting.mutate({ kind: 'escalate' }, { onError: notifyError, onSuccess: () => notifications.show({ color: 'green', message: 'Paging step 1 of its policy now.' }) });
  const other = urgency === 'high' ? 'low' : 'high';
  const changeUrgency = () =>
    acting.mutate(
      { kind: 'urgency', urgency: other },
      {
        onError: notifyError,
        onSuccess: () => notifications.show({ color: 'green', message: `Urgency is ${other} now: later pages follow the rules for ${other} urgency.` }),
      },
    );
  const snooze = (minutes: number, label: string) =>
    acting.mutate(
      { kind: 'snooze', minutes },
      { onError: notifyError, onSuccess: () => notifications.show({ color: 'green', message: `Snoozed for ${label}: it pages again from step 1 then, unless resolved.` }) },
    );
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
        onClick={suppressed ? pageNow : () => act('escalate')}
      >
        {suppressed ? 'Page now' : 'Escalate'}
      </Button>
      <Menu position="bottom-start">
        <Menu.Target>
          <Button leftSection={<IconClockPause size={16} />} variant="default" disabled={resolved || acting.isPending} loading={pending === 'snooze'}>
            Snooze
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {snoozeChoices.map(([minutes, label]) => (
            <Menu.Item key={minutes} onClick={() => snooze(minutes, label)}>
              For {label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button
        leftSection={<IconArrowsDownUp size={16} />}
        variant="default"
        disabled={resolved || acting.isPending}
        loading={pending === 'urgency'}
        onClick={changeUrgency}
      >
        {urgency === 'high' ? 'Lower to low urgency' : 'Raise to high urgency'}
      </Button>
    </Group>
  );
}
