import { Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMonitorChoices } from '../../api/monitors';
import { useTeamChoices } from '../../api/teams';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { teamLabelledOptions } from '../../components/teamLabelledOptions';
import { EventRulesEditor } from './EventRulesEditor';
import { takesEventRules } from './MonitorEventRules';

/** The organisation's global rules, run on every pushed monitor's events before its own (admins and owners). */
export function EventRulesPage() {
  const me = useCurrentUser();
  const monitors = useMonitorChoices();
  const teams = useTeamChoices();
  const ruled = (monitors.data ?? []).filter((m) => takesEventRules(m.kind));
  const [testMonitorId, setTestMonitorId] = useState<string | null>(null);
  const testMonitor = ruled.find((m) => m.id === testMonitorId) ?? ruled[0];
  const mayEdit = hasRole(me.role, 'admin');

  return (
    <Stack>
      <Title order={2}>Global event rules</Title>
      <Text size="sm" c="dimmed">
        Every event from a webhook, PagerDuty, Alertmanager or Grafana monitor goes through these rules first, then through its monitor’s own. The first matching rule decides, unless it
        continues.{!mayEdit && ' Admins and owners change them.'}
      </Text>
      <EventRulesEditor
        monitorId={null}
        testOn={testMonitor ? { monitorId: testMonitor.id, kind: testMonitor.kind } : null}
        testPicker={
          <Select
            label="Monitor"
            description="The event is run through the global rules, then this monitor’s own."
            searchable
            allowDeselect={false}
            data={teamLabelledOptions(ruled, teams.data)}
            value={testMonitor?.id ?? null}
            onChange={setTestMonitorId}
            maw={420}
          />
        }
        canEdit={mayEdit}
      />
      {monitors.isSuccess && ruled.length === 0 && (
        <Text size="sm" c="dimmed">
          Rules can be tried on a sample event once there is a webhook, PagerDuty, Alertmanager or Grafana monitor.
        </Text>
      )}
    </Stack>
  );
}
