import { ActionIcon, Group, Select, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ConditionDraft, Operator } from './ruleDraft';

const operators: { value: Operator; label: string }[] = [
  { value: 'equals', label: 'equals' },
  { value: 'contains', label: 'contains (any case)' },
  { value: 'matches', label: 'matches (regex)' },
  { value: 'exists', label: 'exists' },
];

interface ConditionRowProps {
  condition: ConditionDraft;
  /** "condition 1 of rule 2": names the row's inputs for screen readers. */
  label: string;
  /** API errors under this condition, keyed "field", "value" or "pattern". */
  errors: Record<string, string>;
  onChange: (condition: ConditionDraft) => void;
  onRemove: () => void;
}

/** One test on a field of the event, named by its dotted path. */
export function ConditionRow({ condition, label, errors, onChange, onRemove }: ConditionRowProps) {
  const set = (patch: Partial<ConditionDraft>) => onChange({ ...condition, ...patch });
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <TextInput
        aria-label={`Field of ${label}`}
        placeholder="payload.severity"
        value={condition.field}
        onChange={(e) => set({ field: e.currentTarget.value })}
        error={errors['field']}
        style={{ flex: '1 1 10rem' }}
      />
      <Select
        aria-label={`Operator of ${label}`}
        data={operators}
        allowDeselect={false}
        value={condition.op}
        onChange={(op) => op !== null && set({ op: op as Operator })}
        w={180}
      />
      {condition.op !== 'exists' && (
        <TextInput
          aria-label={`${condition.op === 'matches' ? 'Pattern' : 'Value'} of ${label}`}
          placeholder={condition.op === 'matches' ? '^db-\\d+$' : 'critical'}
          value={condition.value}
          onChange={(e) => set({ value: e.currentTarget.value })}
          error={errors['pattern'] ?? errors['value']}
          style={{ flex: '1 1 10rem' }}
          styles={condition.op === 'matches' ? { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } : undefined}
        />
      )}
      <ActionIcon variant="subtle" color="gray" mt={4} aria-label={`Remove ${label}`} onClick={onRemove}>
        <IconX size={16} />
      </ActionIcon>
    </Group>
  );
}
