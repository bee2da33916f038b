import { Anchor, Group, Select } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Monitor } from '../../api/incidentTypes';
import { useUpdateMonitor } from '../../api/monitors';
import { usePolicyChoices } from '../../api/policies';
import { useTeamChoices } from '../../api/teams';
import { notifyError } from '../../components/notifyError';
import { teamLabelledOptions } from '../../components/teamLabelledOptions';

/** Points the monitor's future incidents at another policy in place; open incidents keep the one they started with. */
export function MonitorPolicySelect({ monitor }: { monitor: Monitor }) {
  const policies = usePolicyChoices();
  const teams = useTeamChoices();
  const updating = useUpdateMonitor(monitor.id);
  return (
    <Group gap="xs" align="flex-end">
      <Select
        label="Escalation policy"
        w={280}
        searchable
        allowDeselect={false}
        placeholder={policies.isPending ? 'Loading policies…' : undefined}
        data={teamLabelledOptions(policies.data ?? [], teams.data)}
        value={monitor.policyId}
        disabled={updating.isPending}
        onChange={(policyId) => policyId !== null && policyId !== monitor.policyId && updating.mutate({ policyId }, { onError: notifyError })}
      />
      <Anchor component={Link} to={`/escalation-policies/${monitor.policyId}`} size="sm" mb={8}>
        Open policy
      </Anchor>
    </Group>
  );
}
