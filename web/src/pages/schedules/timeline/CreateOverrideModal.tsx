import { Modal, Radio, Select, Stack, Switch, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../../api/ApiError';
import { useCreateOverride } from '../../../api/overrides';
import type { LayerView, NewOverride } from '../../../api/scheduleTypes';
import { useUserChoices } from '../../../api/users';
import { FormActions } from '../../../components/FormActions';
import { FormError } from '../../../components/FormError';
import { SpanFields, useSpan } from '../../../components/SpanFields';

/** The shift that was clicked: its layer (null on the final row) and span. */
export interface OverrideDraft {
  layerId: string | null;
  start: string;
  end: string;
  /** Who takes it, when already known ("Take it" on the calendar). */
  userId?: string;
  /** Preselected choice; 'replace' when absent. */
  mode?: OverrideMode;
}

type OverrideMode = NonNullable<NewOverride['mode']>;

/** What each choice does, in words: a shadow is easy to mistake for a replacement. */
const modeChoices: { value: OverrideMode; label: string; description: string }[] = [
  { value: 'replace', label: 'Replace the person on call', description: 'They take the pager for this span instead of whoever has it.' },
  { value: 'shadow', label: 'Add alongside (shadow)', description: 'They are paged too, with the person on call, who stays the same: for training and hand-holding.' },
];

export interface CreateOverrideModalProps {
  scheduleId: string;
  layers: LayerView[];
  draft: OverrideDraft | null;
  viewerZone: string;
  onClose: () => void;
}

export function CreateOverrideModal({ draft, onClose, ...props }: CreateOverrideModalProps) {
  return (
    <Modal opened={draft !== null} onClose={onClose} title="Create override">
      {/* Keyed by the shift so the form starts from the clicked span every time. */}
      {draft && <OverrideForm key={`${draft.layerId} ${draft.start}`} draft={draft} onClose={onClose} {...props} />}
    </Modal>
  );
}

function OverrideForm({ scheduleId, layers, draft, viewerZone, onClose }: CreateOverrideModalProps & { draft: OverrideDraft }) {
  const users = useUserChoices();
  const creating = useCreateOverride(scheduleId);
  const [userId, setUserId] = useState<string | null>(draft.userId ?? null);
  const [mode, setMode] = useState<OverrideMode>(draft.mode ?? 'replace');
  const shadow = mode === 'shadow';
  const span = useSpan(draft, viewerZone);
  const [scheduleWide, setScheduleWide] = useState(draft.layerId === null);
  const layerName = layers.find((l) => l.id === draft.layerId)?.name;
  const errors = fieldMessages(creating.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (span.problem !== null) return;
    creating.mutate(
      {
        layerId: scheduleWide ? null : draft.layerId,
        userId: userId ?? '',
        mode,
        ...span.instants(),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Stack component="form" onSubmit={submit}>
      <FormError error={creating.error} />
      <Radio.Group label="What it does" value={mode} onChange={(value) => setMode(value as OverrideMode)} error={errors['mode']}>
        <Stack gap="xs" mt={4}>
          {modeChoices.map((c) => (
            <Radio key={c.value} value={c.value} label={c.label} description={c.description} />
          ))}
        </Stack>
      </Radio.Group>
      <Select
        label={shadow ? 'Who joins' : 'Who takes it'}
        required
        searchable
        placeholder={users.isPending ? 'Loading users…' : 'Pick a user'}
        data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
        value={userId}
        onChange={setUserId}
        error={errors['userId']}
      />
      <SpanFields span={span} errors={errors} labels={{ start: 'Start', end: 'End' }} />
      <Switch
        label={
          shadow
            ? 'Schedule-wide (paged with whoever is primary, and alone when nobody is)'
            : 'Schedule-wide (replaces whoever is primary, whatever the layers say)'
        }
        checked={scheduleWide}
        disabled={draft.layerId === null}
        onChange={(e) => setScheduleWide(e.currentTarget.checked)}
      />
      {!scheduleWide && layerName !== undefined && <Text size="sm">{shadow ? `Paged with ${layerName}'s person while that layer is on duty` : `On layer ${layerName}`}</Text>}
      <Text size="sm" c="red">
        {errors['layerId']}
      </Text>
      <FormActions submit={shadow ? 'Add shadow' : 'Create override'} loading={creating.isPending} onCancel={onClose} />
    </Stack>
  );
}
