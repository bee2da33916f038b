import { Button, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { fieldMessages, fieldMessagesUnder } from '../../api/ApiError';
import type { Policy } from '../../api/incidentTypes';
import { useSavePolicy } from '../../api/policies';
import { useTeamChoices } from '../../api/teams';
import { FormError } from '../../components/FormError';
import { newStep, toDraft, toInput, type PolicyDraft, type StepDraft } from './policyDraft';
import { DraftPagingPlan } from './plan/DraftPagingPlan';
import { StepCard } from './StepCard';

/** Wait suggested for a new step: the common "15 minutes, then the next person". */
const defaultWaitMinutes = 15;

/** Edits a whole policy locally and saves it in one request (the API replaces policies whole). */
export function PolicyForm({ policy }: { policy?: Policy }) {
  const teams = useTeamChoices();
  const saving = useSavePolicy(policy?.id);
  const navigate = useNavigate();
  const [draft, setDraft] = useState<PolicyDraft>(() => toDraft(policy));
  const errors = fieldMessages(saving.error);
  const update = (patch: Partial<PolicyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setSteps = (steps: StepDraft[]) => update({ steps });

  // Waits belong to positions ("15 minutes after step 1"), so moving a step moves who is
  // notified and keeps the timing; otherwise step 1's 0 would become step 2's wait.
  const moveStep = (index: number, by: -1 | 1) => {
    const here = draft.steps[index];
    const there = draft.steps[index + by];
    if (!here || !there) return;
    const steps = [...draft.steps];
    steps[index] = { ...there, waitMinutes: here.waitMinutes };
    steps[index + by] = { ...here, waitMinutes: there.waitMinutes };
    setSteps(steps);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate(toInput(draft), { onSuccess: () => navigate('/escalation-policies') });
  };

  return (
    <Stack component="form" onSubmit={submit}>
      <FormError error={saving.error} />
      <TextInput label="Name" required value={draft.name} onChange={(e) => update({ name: e.currentTarget.value })} error={errors['name']} maw={420} />
      <Textarea label="Description" autosize minRows={2} value={draft.description} onChange={(e) => update({ description: e.currentTarget.value })} error={errors['description']} />
      <Select
        label="Team"
        required
        data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={draft.teamId}
        onChange={(teamId) => update({ teamId })}
        error={errors['teamId']}
        maw={420}
      />
      {draft.steps.map((step, index) => (
        <StepCard
          key={step.key}
          step={step}
          index={index}
          count={draft.steps.length}
          repeats={draft.repeat > 0}
          errors={fieldMessagesUnder(saving.error, `/body/steps/${index}`)}
          signingSecrets={policy?.webhookSigningSecrets ?? {}}
          onChange={(changed) => setSteps(draft.steps.map((s) => (s.key === step.key ? changed : s)))}
          onMove={(by) => moveStep(index, by)}
          onRemove={() => setSteps(draft.steps.filter((s) => s.key !== step.key))}
        />
      ))}
      {errors['steps'] !== undefined && (
        <FormError error={new Error(`Steps ${errors['steps']}`)} />
      )}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setSteps([...draft.steps, newStep(defaultWaitMinutes)])}>
          Add step
        </Button>
      </Group>
      <Group align="flex-start">
        <NumberInput
          label="Repeat"
          description="Times the whole policy runs again after its last step"
          min={0}
          max={20}
          value={draft.repeat}
          onChange={(value) => update({ repeat: typeof value === 'number' ? value : 0 })}
          error={errors['repeat']}
          w={260}
        />
        <NumberInput
          label="Ack timeout (minutes)"
          description="Leave empty to keep acknowledged incidents acknowledged"
          min={1}
          value={draft.ackTimeoutMinutes}
          onChange={(value) => update({ ackTimeoutMinutes: typeof value === 'number' ? value : '' })}
          error={errors['ackTimeoutSeconds']}
          w={320}
        />
      </Group>
      <DraftPagingPlan draft={draft} />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => navigate('/escalation-policies')}>
          Cancel
        </Button>
        <Button type="submit" loading={saving.isPending}>
          {policy ? 'Save policy' : 'Create policy'}
        </Button>
      </Group>
    </Stack>
  );
}
