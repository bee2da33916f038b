import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { DailyWindow } from '../../../api/scheduleTypes';
import { TimeField } from './TimeField';
import { WeekdayChips } from './WeekdayChips';
import { daysText } from './weekdays';

interface DailyWindowsEditorProps {
  windows: DailyWindow[];
  onChange: (windows: DailyWindow[]) => void;
  /** Keyed like "0/endTime". */
  errors: Record<string, string>;
}

export const newDailyWindow = (): DailyWindow => ({ days: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00' });

/** The row in words, or what is wrong with its days (the API refuses the same). */
function rowText(w: DailyWindow, daysError: string | undefined): { text: string; problem: boolean } {
  if (w.days.length === 0) return { text: 'Pick at least one day.', problem: true };
  if (daysError !== undefined) return { text: daysError, problem: true };
  if (w.startTime === w.endTime) return { text: 'An end before the start runs overnight; for whole days use custom windows.', problem: false };
  const overnight = w.endTime < w.startTime ? ' (ends the next day)' : '';
  return { text: `${daysText(w.days)} ${w.startTime}–${w.endTime}${overnight}`, problem: false };
}

/** The same hours on several days as one entry: "Mon–Fri 09:00–17:00". */
export function DailyWindowsEditor({ windows, onChange, errors }: DailyWindowsEditorProps) {
  const change = (index: number, patch: Partial<DailyWindow>) => onChange(windows.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  return (
    <Stack gap="sm" pl="lg">
      {windows.length === 0 && (
        <Text size="sm" c="dimmed">
          No hours: the layer is never active.
        </Text>
      )}
      {windows.map((w, index) => {
        const n = index + 1;
        const at = (field: keyof DailyWindow) => errors[`${index}/${field}`];
        const { text, problem } = rowText(w, at('days'));
        // Said before saving: the API would refuse it as ambiguous.
        const endError = w.startTime === w.endTime ? 'Must differ from the start' : at('endTime');
        return (
          <Stack key={index} gap={4}>
            <Group align="flex-start" gap="xs">
              <WeekdayChips label="Days" ariaLabel={`Hours ${n} days`} days={w.days} onChange={(days) => change(index, { days })} />
              <TimeField label="from" ariaLabel={`Hours ${n} from`} value={w.startTime} onChange={(startTime) => change(index, { startTime })} error={at('startTime')} />
              <TimeField label="to" ariaLabel={`Hours ${n} to`} value={w.endTime} onChange={(endTime) => change(index, { endTime })} error={endError} />
              <ActionIcon variant="subtle" color="red" mt={30} aria-label={`Remove hours ${n}`} onClick={() => onChange(windows.filter((_, i) => i !== index))}>
                <IconX size={16} />
              </ActionIcon>
            </Group>
            <Text size="xs" c={problem ? 'red' : 'dimmed'}>
              {text}
            </Text>
          </Stack>
        );
      })}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...windows, newDailyWindow()])}>
          Add hours
        </Button>
      </Group>
    </Stack>
  );
}
