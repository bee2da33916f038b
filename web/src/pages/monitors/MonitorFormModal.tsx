import { Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import type { Monitor } from '../../api/incidentTypes';
import { useCreateMonitor, useUpdateMonitor } from '../../api/monitors';
import { usePolicyChoices } from '../../api/policies';
import { useTeamChoices } from '../../api/teams';
import { FormError } from '../../components/FormError';

interface MonitorFormModalProps {
  /** Absent to create one. */
  monitor?: Monitor;
  onClose: () => void;
  onSaved?: (monitor: Monitor) => void;
}

/** Creates or edits a manual monitor; rendered only while open so each opening starts from the monitor as saved. */
export function MonitorFormModal({ monitor, onClose, onSaved }: MonitorFormModalProps) {
  const teams = useTeamChoices();
  const policies = usePolicyChoices();
  const creating = useCreateMonitor();
  const updating = useUpdateMonitor(monitor?.id ?? '');
  const saving = monitor ? updating : creating;
  const [name, setName] = useState(monitor?.name ?? '');
  const [teamId, setTeamId] = useState<string | null>(monitor?.teamId ?? null);
  const [policyId, setPolicyId] = useState<string | null>(monitor?.policyId ?? null);
  const [paused, setPaused] = useState(monitor?.paused ?? false);
  const errors = fieldMessages(saving.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (policyId === null || teamId === null) return;
    const done = { onSuccess: (saved: Monitor) => (onSaved ?? onClose)(saved) };
    if (monitor) updating.mutate({ name, policyId, paused }, done);
    else creating.mutate({ name, teamId, policyId, paused }, done);
  };

  return (
    <Modal opened onClose={onClose} title={monitor ? `Edit ${monitor.name}` : 'New monitor'}>
      <Stack component="form" onSubmit={submit}>
        <FormError error={saving.error} />
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['name']} />
        <Select
          label="Team"
          required
          // A monitor's team is fixed once it exists: the API cannot move it.
          disabled={monitor !== undefined}
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={teamId}
          onChange={setTeamId}
          error={errors['teamId']}
        />
        <Select
          label="Escalation policy"
          required
          searchable
          placeholder={policies.isPending ? 'Loading policies…' : 'Pick a policy'}
          nothingFoundMessage="No escalation policy yet"
          data={(policies.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={policyId}
          onChange={setPolicyId}
          error={errors['policyId']}
        />
        <Switch label="Paused" description="A paused monitor opens no incidents." checked={paused} onChange={(e) => setPaused(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.isPending} disabled={policyId === null || teamId === null}>
            {monitor ? 'Save monitor' : 'Create monitor'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
