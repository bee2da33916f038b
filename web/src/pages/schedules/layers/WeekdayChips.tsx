import { Chip, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { Weekday } from '../../../api/scheduleTypes';
import { toWeekday, weekdays } from './weekdays';

interface WeekdayChipsProps {
  label: string;
  /** The group's accessible name when it differs from the visible label (several rows share one). */
  ariaLabel?: string;
  days: Weekday[];
  onChange: (days: Weekday[]) => void;
  error?: string | undefined;
}

/** Seven toggles, Monday first; the days come back in week order. */
export function WeekdayChips({ label, ariaLabel, days, onChange, error }: WeekdayChipsProps) {
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId} aria-hidden={ariaLabel !== undefined || undefined}>
        {label}
      </Text>
      <Chip.Group multiple value={days.map(String)} onChange={(chosen) => onChange(chosen.map(toWeekday).filter((d): d is Weekday => d !== null).sort())}>
        <Group gap={4} role="group" mih={36} {...(ariaLabel === undefined ? { 'aria-labelledby': labelId } : { 'aria-label': ariaLabel })}>
          {weekdays.map((d) => (
            <Chip key={d.value} value={String(d.value)} size="xs">
              {d.short}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error !== undefined && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
