import { Anchor, Input, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { fieldMessages } from '../../api/ApiError';
import { usePageSomeone, type ManualPageTargetType } from '../../api/manualPages';
import { usePolicyChoices } from '../../api/policies';
import { useScheduleChoices } from '../../api/schedules';
import { useTeamChoices } from '../../api/teams';
import { useUserChoices } from '../../api/users';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { GuardedFormModal, type GuardedForm } from '../../components/GuardedFormModal';
import { teamLabelledOptions } from '../../components/teamLabelledOptions';

const targetTypes: { value: ManualPageTargetType; label: string }[] = [
  { value: 'user', label: 'Person' },
  { value: 'team', label: 'Team' },
  { value: 'schedule', label: 'Schedule' },
  { value: 'policy', label: 'Policy' },
];

const pickerLabel: Record<ManualPageTargetType, string> = {
  user: 'Who to page',
  team: 'Team to page (every member)',
  schedule: 'Schedule (whoever is on call now)',
  policy: 'Escalation policy (from its first step)',
};

/** Who the form starts on: a schedule's page offers its own on-call. */
export interface PageTarget {
  type: ManualPageTargetType;
  id: string;
}

/** "Page someone now": opens an incident without any monitor, paging a person, a team, a schedule's on-call or a policy. */
export function PageSomeoneModal({ opened, onClose, initial }: { opened: boolean; onClose: () => void; initial?: PageTarget }) {
  return (
    <GuardedFormModal opened={opened} title="Page someone" subject="the unsent page" onClose={onClose}>
      {(form) => <PageSomeoneForm {...form} initial={initial} />}
    </GuardedFormModal>
  );
}

function PageSomeoneForm({ onDirty, onDone, onCancel, initial }: GuardedForm & { initial: PageTarget | undefined }) {
  const users = useUserChoices();
  const teams = useTeamChoices();
  const schedules = useScheduleChoices();
  const policies = usePolicyChoices();
  const paging = usePageSomeone();
  const navigate = useNavigate();
  const [type, setType] = useState<ManualPageTargetType>(initial?.type ?? 'user');
  const [targetId, setTargetId] = useState<string | null>(initial?.id ?? null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [urgency, setUrgency] = useState<'high' | 'low'>('high');
  const errors = fieldMessages(paging.error);

  const dirty = targetId !== (initial?.id ?? null) || teamId !== null || title !== '' || message !== '' || urgency !== 'high';
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const options: Record<ManualPageTargetType, { value: string; label: string }[]> = {
    user: (users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    team: (teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
    schedule: teamLabelledOptions(schedules.data ?? [], teams.data),
    policy: teamLabelledOptions(policies.data ?? [], teams.data),
  };
  const named = { user: users.data, team: teams.data, schedule: schedules.data, policy: policies.data }[type] ?? [];
  const targetName = named.find((item) => item.id === targetId)?.name ?? 'them';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (targetId === null) return;
    paging.mutate(
      { title: title.trim(), target: { type, id: targetId }, urgency, ...(message.trim() !== '' && { message: message.trim() }), ...(type === 'user' && teamId !== null && { teamId }) },
      {
        onSuccess: (incident) => {
          const to = `/incidents/${incident.id}`;
          // Toasts render outside the router: the link navigates through the form's own navigate.
          const toastId = notifications.show({
            color: 'green',
            title: `Paged ${targetName}`,
            autoClose: 10_000,
            message: (
              <Anchor
                href={to}
                size="sm"
                onClick={(e) => {
                  e.preventDefault();
                  notifications.hide(toastId);
                  navigate(to);
                }}
              >
                Open the incident “{incident.title}”
              </Anchor>
            ),
          });
          onDone();
        },
      },
    );
  };

  return (
    <Stack component="form" onSubmit={submit} aria-label="Page someone">
      <FormError error={paging.error} />
      <Text size="sm" c="dimmed">
        Opens an incident and pages at once. It escalates no further unless you page a policy, whose later steps follow if nobody acknowledges.
      </Text>
      <Input.Wrapper label="Page a">
        <SegmentedControl
          fullWidth
          data={targetTypes}
          value={type}
          onChange={(next) => {
            setType(next as ManualPageTargetType);
            setTargetId(null);
          }}
        />
      </Input.Wrapper>
      <Select
        label={pickerLabel[type]}
        placeholder="Pick one"
        searchable
        required
        data={options[type]}
        value={targetId}
        onChange={setTargetId}
        error={errors['target']}
        nothingFoundMessage="Nothing by that name"
      />
      {type === 'user' && (
        <Select
          label="For team"
          description="Whose incident it is; needed only when the person is in several teams or none"
          placeholder="Their team"
          clearable
          searchable
          data={options.team}
          value={teamId}
          onChange={setTeamId}
          error={errors['teamId']}
        />
      )}
      <TextInput label="Title" placeholder="What is wrong, in a few words" required maxLength={500} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors['title']} />
      <Textarea
        label="Message"
        placeholder="What they should know or do"
        autosize
        minRows={2}
        maxLength={10_000}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        error={errors['message']}
      />
      <Input.Wrapper label="Urgency" description="Low urgency follows each person's low-urgency rules and hours">
        <SegmentedControl
          fullWidth
          data={[
            { value: 'high', label: 'High' },
            { value: 'low', label: 'Low' },
          ]}
          value={urgency}
          onChange={(next) => setUrgency(next as 'high' | 'low')}
        />
      </Input.Wrapper>
      <FormActions submit="Page now" loading={paging.isPending} onCancel={onCancel} />
    </Stack>
  );
}
