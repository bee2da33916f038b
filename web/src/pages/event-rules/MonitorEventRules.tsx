import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Monitor } from '../../api/incidentTypes';
import { useTeamAccess } from '../../auth/teamAccess';
import { EventRulesEditor } from './EventRulesEditor';

/** The senders whose events rules run on (the server's ruledKinds). */
export const takesEventRules = (kind: string): boolean => ['webhook', 'pagerduty', 'alertmanager', 'grafana'].includes(kind);

/** A pushed monitor's own rules, after the organisation's global ones. */
export function MonitorEventRules({ monitor }: { monitor: Monitor }) {
  // As the server decides: admins, and responders of the monitor's team.
  const access = useTeamAccess(monitor.teamId);
  return (
    <Stack gap="sm">
      <Title order={3}>Event rules</Title>
      <Text size="sm" c="dimmed">
        Each event from the sender goes through these rules in order, after the{' '}
        <Anchor component={Link} to="/event-rules">
          global rules
        </Anchor>
        : they can set its urgency, title and dedup key, route it to another policy, suppress it or drop it.
      </Text>
      <EventRulesEditor monitorId={monitor.id} testOn={{ monitorId: monitor.id, kind: monitor.kind }} canEdit={access.known && access.mayEdit} />
    </Stack>
  );
}
