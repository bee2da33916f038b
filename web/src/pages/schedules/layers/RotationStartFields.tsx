import { Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import type { RotationSlot, RotationStartValues } from './layerValues';

interface RotationStartFieldsProps {
  value: RotationStartValues;
  members: RotationSlot[];
  timeZone: string;
  /** The layer exists: this restarts its rotation rather than starting it. */
  restart: boolean;
  onChange: (value: RotationStartValues) => void;
  /** API field errors keyed by path under rotationStart. */
  errors: Record<string, string>;
}

const wording = {
  start: { label: 'Choose who takes the first turn, and from when', description: 'Otherwise the first member is on call now, until the next handoff.' },
  restart: {
    label: 'Restart the rotation: choose who is on call from when',
    description: 'Otherwise whoever is on call keeps their turn and the order continues from them.',
  },
};

/** Who takes the first full turn, and from when; off keeps the rotation's own first turn (for a restart, the turn in force). */
export function RotationStartFields({ value, members, timeZone, restart, onChange, errors }: RotationStartFieldsProps) {
  const { label, description } = wording[restart ? 'restart' : 'start'];
  const options = members.map((slot, i) => ({ value: String(i), label: `${i + 1}. ${slot.user.name}` }));
  return (
    <Stack gap="xs">
      <Switch
        label={label}
        description={description}
        checked={value.enabled}
        onChange={(e) => onChange({ ...value, enabled: e.currentTarget.checked })}
      />
      {value.enabled && (
        <Group align="flex-start">
          <TextInput
            label="First turn starts"
            description={`In ${timeZone}. Leave empty for the next handoff.`}
            type="datetime-local"
            w={260}
            value={value.at}
            onChange={(e) => onChange({ ...value, at: e.currentTarget.value })}
            error={errors['at']}
          />
          <Select
            label="with"
            description="On call until the end of that full turn"
            w={260}
            allowDeselect={false}
            data={options}
            placeholder="Add members first"
            disabled={options.length === 0}
            value={options.length === 0 ? null : String(Math.min(value.member, options.length - 1))}
            onChange={(member) => member !== null && onChange({ ...value, member: Number(member) })}
            error={errors['member'] ?? errors['']}
          />
        </Group>
      )}
    </Stack>
  );
}
