import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { RestrictionWindow } from '../../../api/scheduleTypes';
import { toWeekday, weekdayOptions } from './weekdays';

interface CustomWindowsEditorProps {
  windows: RestrictionWindow[];
  onChange: (windows: RestrictionWindow[]) => void;
  /** Keyed like "0/endTime". */
  errors: Record<string, string>;
  /** What having no window means where the editor is used. */
  emptyText: string;
}

/** Weekly windows in a time zone chosen beside it; a window may cross midnight or the end of the week. */
export function CustomWindowsEditor({ windows, onChange, errors, emptyText }: CustomWindowsEditorProps) {
  const change = (index: number, patch: Partial<RestrictionWindow>) =>
    onChange(windows.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  return (
    <Stack gap="xs" pl="lg">
      {windows.length === 0 && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      {windows.map((w, index) => {
        const n = index + 1;
        const at = (field: keyof RestrictionWindow) => errors[`${index}/${field}`];
        return (
          <Group key={index} align="flex-end" gap="xs">
            <Select
              label={`Window ${n} from`}
              w={140}
              allowDeselect={false}
              data={weekdayOptions}
              value={String(w.startDay)}
              onChange={(day) => change(index, { startDay: toWeekday(day) ?? w.startDay })}
              error={at('startDay')}
            />
            <TextInput
              aria-label={`Window ${n} start time`}
              type="time"
              w={120}
              value={w.startTime}
              onChange={(e) => change(index, { startTime: e.currentTarget.value })}
              error={at('startTime')}
            />
            <Select
              label="to"
              w={140}
              allowDeselect={false}
              data={weekdayOptions}
              value={String(w.endDay)}
              onChange={(day) => change(index, { endDay: toWeekday(day) ?? w.endDay })}
              error={at('endDay')}
              aria-label={`Window ${n} end day`}
            />
            <TextInput
              aria-label={`Window ${n} end time`}
              type="time"
              w={120}
              value={w.endTime}
              onChange={(e) => change(index, { endTime: e.currentTarget.value })}
              error={at('endTime')}
            />
            <ActionIcon variant="subtle" color="red" mb={4} aria-label={`Remove window ${n}`} onClick={() => onChange(windows.filter((_, i) => i !== index))}>
              <IconX size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...windows, { startDay: 1, startTime: '09:00', endDay: 1, endTime: '17:00' }])}
        >
          Add window
        </Button>
      </Group>
    </Stack>
  );
}
