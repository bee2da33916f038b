import { ActionIcon, Button, Group, Loader, SegmentedControl, Switch, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { ZoneNote } from '../../../time/ZoneNote';
import type { CalendarView } from './calendarRange';

const views: { value: CalendarView; label: string; step: string }[] = [
  { value: 'day', label: 'Day', step: 'day' },
  { value: 'week', label: 'Week', step: 'week' },
  { value: 'twoWeeks', label: '2 weeks', step: 'two weeks' },
  { value: 'month', label: 'Month', step: 'month' },
];

interface CalendarToolbarProps {
  view: CalendarView;
  onView: (view: CalendarView) => void;
  rangeName: string;
  atToday: boolean;
  onStep: (by: -1 | 1) => void;
  onToday: () => void;
  loading: boolean;
  viewerZone: string;
  scheduleZone: string;
  inScheduleZone: boolean;
  onScheduleZone: (on: boolean) => void;
}

export function CalendarToolbar(props: CalendarToolbarProps) {
  const { view, onView, rangeName, atToday, onStep, onToday, loading, viewerZone, scheduleZone, inScheduleZone, onScheduleZone } = props;
  const step = views.find((v) => v.value === view)?.step ?? view;
  return (
    <>
      <Group justify="space-between" gap="sm">
        <Title order={3}>Calendar</Title>
        <SegmentedControl aria-label="Calendar view" size="xs" data={views} value={view} onChange={(value) => onView(value as CalendarView)} />
      </Group>
      <Group justify="space-between" gap="sm">
        {/* The range name wraps under the buttons on a phone rather than squeezing them. */}
        <Group gap="xs">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon variant="default" size="lg" aria-label={`Previous ${step}`} onClick={() => onStep(-1)}>
              <IconChevronLeft size={16} />
            </ActionIcon>
            <Button variant="default" size="sm" h={34} disabled={atToday} onClick={onToday}>
              Today
            </Button>
            <ActionIcon variant="default" size="lg" aria-label={`Next ${step}`} onClick={() => onStep(1)}>
              <IconChevronRight size={16} />
            </ActionIcon>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} aria-live="polite">
              {rangeName}
            </Text>
            {loading && <Loader size="xs" aria-label="Loading calendar" />}
          </Group>
        </Group>
        {viewerZone === scheduleZone ? (
          <ZoneNote viewerZone={viewerZone} scheduleZone={scheduleZone} />
        ) : (
          <Group gap="sm">
            <Text size="xs" c="dimmed">
              Times in {inScheduleZone ? scheduleZone : `your zone, ${viewerZone}`}
            </Text>
            <Switch size="sm" label={`Schedule’s zone (${scheduleZone})`} checked={inScheduleZone} onChange={(e) => onScheduleZone(e.currentTarget.checked)} />
          </Group>
        )}
      </Group>
    </>
  );
}
