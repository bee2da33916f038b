import { Group, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import type { Rotation } from '../../../api/scheduleTypes';
import { TimeField } from './TimeField';
import { WeekdayChips } from './WeekdayChips';
import { toWeekday, weekdayOptions, weekdays } from './weekdays';

interface RotationFieldsProps {
  value: Rotation;
  onChange: (rotation: Rotation) => void;
  /** API field errors keyed by path under the rotation, '' for the rotation itself. */
  errors: Record<string, string>;
}

const units = [
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
];

/** Switching kind keeps the handoff time the user already chose. */
function ofKind(kind: string, current: Rotation): Rotation {
  const handoffTime = current.kind === 'custom' ? current.anchor.slice(11) : current.handoffTime;
  if (kind === 'daily') return { kind: 'daily', handoffTime };
  if (kind === 'weekly') return { kind: 'weekly', handoffDay: 1, handoffTime };
  if (kind === 'monthly') return { kind: 'monthly', handoffDay: 1, handoffTime };
  const today = new Date().toISOString().slice(0, 10);
  return { kind: 'custom', every: 12, unit: 'hours', anchor: `${today}T${handoffTime}` };
}

export function RotationFields({ value, onChange, errors }: RotationFieldsProps) {
  return (
    <Stack gap="xs">
      <Radio.Group label="Rotation" value={value.kind} onChange={(kind) => onChange(ofKind(kind, value))} error={errors['']}>
        <Group mt={4}>
          <Radio value="daily" label="Daily" />
          <Radio value="weekly" label="Weekly" />
          <Radio value="monthly" label="Monthly" />
          <Radio value="custom" label="Custom" />
        </Group>
      </Radio.Group>
      {value.kind === 'daily' && (
        <>
          <TimeField label="Handoff time" value={value.handoffTime} onChange={(handoffTime) => onChange({ ...value, handoffTime })} error={errors['handoffTime']} />
          <WeekdayChips
            label="Handoff days"
            days={value.days ?? weekdays.map((d) => d.value)}
            // An empty choice is not a rotation; all seven is the API's default.
            onChange={(days) => days.length > 0 && onChange({ ...value, days })}
            error={errors['days']}
          />
        </>
      )}
      {value.kind === 'weekly' && (
        <Group align="flex-start">
          <Select
            label="Handoff day"
            w={160}
            allowDeselect={false}
            data={weekdayOptions}
            value={String(value.handoffDay)}
            onChange={(day) => {
              const handoffDay = toWeekday(day);
              if (handoffDay !== null) onChange({ ...value, handoffDay });
            }}
            error={errors['handoffDay']}
          />
          <TimeField label="Handoff time" value={value.handoffTime} onChange={(handoffTime) => onChange({ ...value, handoffTime })} error={errors['handoffTime']} />
        </Group>
      )}
      {value.kind === 'monthly' && (
        <Stack gap={4}>
          <Group align="flex-start">
            <NumberInput
              label="Day of the month"
              description="31 means the last day of every month"
              w={200}
              min={1}
              max={31}
              allowDecimal={false}
              value={value.handoffDay}
              onChange={(day) => onChange({ ...value, handoffDay: Number(day) || 1 })}
              error={errors['handoffDay']}
            />
            <TimeField label="Handoff time" value={value.handoffTime} onChange={(handoffTime) => onChange({ ...value, handoffTime })} error={errors['handoffTime']} />
          </Group>
          <Text size="sm" c="dimmed">
            Monthly, on day {value.handoffDay} at {value.handoffTime}
            {value.handoffDay > 28 && ' (or the last day of shorter months)'}
          </Text>
        </Stack>
      )}
      {value.kind === 'custom' && (
        <Group align="flex-start">
          <NumberInput
            label="Every"
            w={100}
            min={1}
            max={10_000}
            value={value.every}
            onChange={(every) => onChange({ ...value, every: Number(every) || 1 })}
            error={errors['every']}
          />
          <Select
            label="Unit"
            w={120}
            allowDeselect={false}
            data={units}
            value={value.unit}
            onChange={(unit) => unit !== null && onChange({ ...value, unit: unit as typeof value.unit })}
            error={errors['unit']}
          />
          <TextInput
            label="Starting at"
            description="In the layer's time zone"
            type="datetime-local"
            value={value.anchor}
            onChange={(e) => onChange({ ...value, anchor: e.currentTarget.value })}
            error={errors['anchor']}
          />
        </Group>
      )}
    </Stack>
  );
}
