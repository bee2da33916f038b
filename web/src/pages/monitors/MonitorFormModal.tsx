import { Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldMessages, fieldMessagesUnder, messagesUnder } from '../../api/ApiError';
import type { CreatedMonitor, Monitor, MonitorKind } from '../../api/incidentTypes';
import { useCreateMonitor, useUpdateMonitor } from '../../api/monitors';
import { usePolicyChoices } from '../../api/policies';
import { useTeamChoices } from '../../api/teams';
import { FormError } from '../../components/FormError';
import { teamLabelledOptions } from '../../components/teamLabelledOptions';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { checkedDraftOf, checkedFieldsOf, parseHeaders, type CheckedDraft } from './checkDraft';
import { CheckFields } from './CheckFields';
import { CheckTargetFields } from './CheckTargetFields';
import { DependsOnField } from './DependsOnField';
import { GroupingFields, groupingDraftOf, groupingOf, type GroupingDraft } from './GroupingFields';
import { HeartbeatFields, heartbeatSeconds, type HeartbeatMinutes } from './HeartbeatFields';
import { MaintenanceFields } from './MaintenanceFields';
import { isCheckedKind, monitorKindChoices } from './monitorKinds';
import { MonitorUrgencyField, type MonitorUrgency } from './MonitorUrgencyField';
import { defaultEventsPerMinute, RateLimitField, rateLimitOf, takesRateLimit } from './RateLimitField';

interface MonitorFormModalProps {
  /** Absent to create one. */
  monitor?: Monitor;
  onClose: () => void;
  /** Creating answers pushed kinds with their integration key, once. */
  onSaved?: (monitor: CreatedMonitor) => void;
}

/** Creates a monitor of any kind, or edits one (its kind and team are fixed); rendered only while open so each opening starts from the monitor as saved. */
export function MonitorFormModal({ monitor, onClose, onSaved }: MonitorFormModalProps) {
  const viewerZone = useViewerTimeZone();
  const teams = useTeamChoices();
  const policies = usePolicyChoices();
  const creating = useCreateMonitor();
  const updating = useUpdateMonitor(monitor?.id ?? '');
  const saving = monitor ? updating : creating;
  const [name, setName] = useState(monitor?.name ?? '');
  const [teamId, setTeamId] = useState<string | null>(monitor?.teamId ?? null);
  const [policyId, setPolicyId] = useState<string | null>(monitor?.policyId ?? null);
  const [paused, setPaused] = useState(monitor?.paused ?? false);
  const [urgency, setUrgency] = useState<MonitorUrgency>(monitor?.urgency ?? 'high');
  const [kind, setKind] = useState<MonitorKind>(monitor?.kind ?? 'manual');
  const [heartbeat, setHeartbeat] = useState<HeartbeatMinutes>({ interval: 5, grace: 1 });
  const [checked, setChecked] = useState<CheckedDraft>(() => checkedDraftOf(monitor, viewerZone));
  // Untouched on a new monitor: the field shows its kind's default, and the API applies it.
  const [eventsPerMinute, setEventsPerMinute] = useState<number | string | undefined>(monitor && (monitor.rateLimit?.eventsPerMinute ?? ''));
  const [grouping, setGrouping] = useState<GroupingDraft>(() => groupingDraftOf(monitor?.grouping));
  const [dependsOn, setDependsOn] = useState<string[]>(monitor?.dependsOn ?? []);
  const [headersError, setHeadersError] = useState<string>();
  const errors = fieldMessages(saving.error);
  const bodyErrors = fieldMessagesUnder(saving.error, '/body');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (policyId === null || teamId === null) return;
    // Header lines are parsed here, so a malformed one is named before anything is sent.
    const badLines = kind === 'http' ? parseHeaders(checked.http.headers).badLines : [];
    setHeadersError(badLines.length > 0 ? `Line ${badLines.join(', ')}: write each header as Name: value` : undefined);
    if (badLines.length > 0) return;
    const fields = {
      ...(isCheckedKind(kind) && checkedFieldsOf(kind, checked, monitor?.maintenance !== undefined)),
      ...(takesRateLimit(kind) && eventsPerMinute !== undefined && { rateLimit: rateLimitOf(eventsPerMinute) }),
      // The kinds with a rate limit are the senders of alert storms, the ones that group.
      ...(takesRateLimit(kind) && { grouping: groupingOf(grouping) }),
      dependsOn,
    };
    const done = { onSuccess: (saved: CreatedMonitor) => (onSaved ?? onClose)(saved) };
    if (monitor) updating.mutate({ name, policyId, urgency, paused, ...fields }, done);
    else creating.mutate({ name, teamId, policyId, kind, urgency, paused, ...fields, ...(kind === 'heartbeat' && { heartbeat: heartbeatSeconds(heartbeat) }) }, done);
  };

  return (
    <Modal opened onClose={onClose} title={monitor ? `Edit ${monitor.name}` : 'New monitor'} size={isCheckedKind(kind) ? 'xl' : 'md'}>
      <Stack component="form" onSubmit={submit}>
        <FormError error={saving.error} />
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['name']} />
        <Select
          label="Kind"
          required
          description={monitor ? 'A monitor keeps its kind.' : 'How Vigil learns that something is wrong.'}
          disabled={monitor !== undefined}
          allowDeselect={false}
          data={monitorKindChoices}
          value={kind}
          onChange={(value) => value !== null && setKind(value as MonitorKind)}
          error={errors['kind']}
        />
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
          data={teamLabelledOptions(policies.data ?? [], teams.data)}
          value={policyId}
          onChange={setPolicyId}
          error={errors['policyId']}
        />
        <MonitorUrgencyField kind={kind} value={urgency} onChange={setUrgency} error={errors['urgency']} />
        {kind === 'heartbeat' && !monitor && (
          <HeartbeatFields value={heartbeat} onChange={setHeartbeat} errors={fieldMessagesUnder(saving.error, '/body/heartbeat')} error={errors['heartbeat']} />
        )}
        {takesRateLimit(kind) && (
          <RateLimitField
            kind={kind}
            value={eventsPerMinute ?? defaultEventsPerMinute(kind)}
            onChange={setEventsPerMinute}
            error={errors['rateLimit']}
          />
        )}
        {takesRateLimit(kind) && (
          <GroupingFields value={grouping} onChange={setGrouping} errors={messagesUnder(bodyErrors, 'grouping')} />
        )}
        <DependsOnField
          monitorId={monitor?.id}
          value={dependsOn}
          onChange={setDependsOn}
          errors={messagesUnder(bodyErrors, 'dependsOn')}
        />
        {isCheckedKind(kind) && (
          <>
            <CheckTargetFields kind={kind} value={checked} onChange={setChecked} errors={bodyErrors} headersError={headersError} />
            <CheckFields value={checked.check} onChange={(check) => setChecked({ ...checked, check })} errors={messagesUnder(bodyErrors, 'check')} />
            <MaintenanceFields value={checked.maintenance} onChange={(maintenance) => setChecked({ ...checked, maintenance })} errors={messagesUnder(bodyErrors, 'maintenance')} />
          </>
        )}
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
