import { Radio, Stack } from '@mantine/core';
import { messagesUnder } from '../../../api/ApiError';
import type { Restriction } from '../../../api/scheduleTypes';
import { CustomWindowsEditor } from './CustomWindowsEditor';
import { DailyWindowsEditor, newDailyWindow } from './DailyWindowsEditor';

interface RestrictionFieldsProps {
  value: Restriction;
  onChange: (restriction: Restriction) => void;
  errors: Record<string, string>;
}

const presets: { kind: Restriction['kind']; label: string }[] = [
  { kind: 'always', label: 'Always' },
  { kind: 'business_hours', label: 'Weekday business hours (Mon–Fri 09:00–17:00)' },
  { kind: 'weekends', label: 'Weekends (Sat 00:00 – Mon 00:00)' },
  { kind: 'daily', label: 'Days and hours (e.g. Mon–Fri 09:00–17:00)' },
  { kind: 'custom', label: 'Custom windows' },
];

function ofKind(kind: string): Restriction {
  if (kind === 'custom') return { kind: 'custom', windows: [{ startDay: 1, startTime: '09:00', endDay: 1, endTime: '17:00' }] };
  if (kind === 'daily') return { kind: 'daily', windows: [newDailyWindow()] };
  return { kind: kind as Exclude<Restriction['kind'], 'custom' | 'daily'> };
}

export function RestrictionFields({ value, onChange, errors }: RestrictionFieldsProps) {
  return (
    <Stack gap="xs">
      <Radio.Group
        label="When is this layer active?"
        description="Outside these times the layer is off-duty and the next layer down is paged."
        value={value.kind}
        onChange={(kind) => onChange(ofKind(kind))}
        error={errors['']}
      >
        <Stack gap={6} mt={6}>
          {presets.map((preset) => (
            <Radio key={preset.kind} value={preset.kind} label={preset.label} />
          ))}
        </Stack>
      </Radio.Group>
      {value.kind === 'daily' && (
        <DailyWindowsEditor windows={value.windows} onChange={(windows) => onChange({ kind: 'daily', windows })} errors={messagesUnder(errors, 'windows')} />
      )}
      {value.kind === 'custom' && (
        <CustomWindowsEditor
          windows={value.windows}
          onChange={(windows) => onChange({ kind: 'custom', windows })}
          errors={messagesUnder(errors, 'windows')}
          emptyText="No windows: the layer is never active."
        />
      )}
    </Stack>
  );
}
