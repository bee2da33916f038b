import { ActionIcon, Box, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { ScheduleDetail, Span } from '../../../api/scheduleTypes';
import { useTimeline } from '../../../api/timeline';
import { QueryError } from '../../../components/QueryError';
import { formatDay, formatSpan } from '../../../time/format';
import { ZoneNote } from '../../../time/ZoneNote';
import { addDays, fromLocalInput, mondayOf } from '../../../time/zoned';
import { CreateOverrideModal, type OverrideDraft } from './CreateOverrideModal';
import { OverridesList } from './OverridesList';
import { TimelineBlock } from './TimelineBlock';
import { TimelineRow } from './TimelineRow';

interface TimelineSectionProps {
  schedule: ScheduleDetail;
  viewerZone: string;
  /** The server's now: the week shown first, and what "now" means under a test clock. */
  now: string;
}

/** A week of shifts per layer and the final schedule; clicking a shift starts an override for it. */
export function TimelineSection({ schedule, viewerZone, now }: TimelineSectionProps) {
  const [week, setWeek] = useState(() => mondayOf(now, viewerZone));
  const [draft, setDraft] = useState<OverrideDraft | null>(null);
  const from = fromLocalInput(week, viewerZone);
  const to = fromLocalInput(addDays(week, 7), viewerZone);
  const timeline = useTimeline(schedule.id, from, to);
  const days = Array.from({ length: 7 }, (_, i) => fromLocalInput(addDays(week, i), viewerZone));

  const start = Date.parse(from);
  const length = Date.parse(to) - start;
  const place = (span: Span) => {
    const left = Math.max(0, (Date.parse(span.start) - start) / length);
    const right = Math.min(1, (Date.parse(span.end) - start) / length);
    return { left: left * 100, width: (right - left) * 100 };
  };
  const spanText = (span: Span) => formatSpan(span.start, span.end, viewerZone);

  return (
    <Stack component="section" aria-label="Timeline" gap="xs">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3}>Timeline</Title>
          <ActionIcon variant="default" aria-label="Previous week" onClick={() => setWeek(addDays(week, -7))}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <ActionIcon variant="default" aria-label="Next week" onClick={() => setWeek(addDays(week, 7))}>
            <IconChevronRight size={16} />
          </ActionIcon>
          <Text size="sm">Week of {formatDay(from, viewerZone)}</Text>
          {timeline.isFetching && <Loader size="xs" aria-label="Loading timeline" />}
        </Group>
        <ZoneNote viewerZone={viewerZone} scheduleZone={schedule.timeZone} />
      </Group>
      <Group gap="xs" wrap="nowrap" aria-hidden>
        <Box w={140} />
        {/* Placed like the blocks, so a DST week's labels stay over their days. */}
        <Box pos="relative" h={18} style={{ flex: 1 }}>
          {days.map((day) => (
            <Text key={day} size="xs" c="dimmed" pos="absolute" left={`${place({ start: day, end: day }).left}%`} pl={4}>
              {formatDay(day, viewerZone)}
            </Text>
          ))}
        </Box>
      </Group>
      {timeline.isError && <QueryError error={timeline.error} />}
      {timeline.data?.layers.map((row) => (
        <TimelineRow key={row.layerId} label={row.name}>
          {row.segments.map((segment) => (
            <TimelineBlock
              key={segment.start}
              {...place(segment)}
              label={`${row.name}: ${segment.user?.name ?? 'Nobody'}, ${spanText(segment)}${segment.source === 'override' ? ', override' : ''}${segment.active ? '' : ', off-duty'}`}
              text={segment.user?.name ?? '—'}
              userId={segment.user?.id ?? null}
              override={segment.source === 'override'}
              offDuty={!segment.active}
              gap={false}
              onClick={() => setDraft({ layerId: row.layerId, start: segment.start, end: segment.end })}
            />
          ))}
        </TimelineRow>
      ))}
      {timeline.data && (
        <TimelineRow label="Final schedule" final>
          {timeline.data.final
            .filter((segment) => segment.user !== null)
            .map((segment) => (
              <TimelineBlock
                key={segment.start}
                {...place(segment)}
                label={`Final: ${segment.user?.name ?? ''}, ${spanText(segment)}${segment.source === 'override' ? ', override' : ''}`}
                text={segment.user?.name ?? ''}
                userId={segment.user?.id ?? null}
                override={segment.source === 'override'}
                offDuty={false}
                gap={false}
                onClick={() => setDraft({ layerId: null, start: segment.start, end: segment.end })}
              />
            ))}
          {timeline.data.gaps.map((gap) => (
            <TimelineBlock
              key={`gap ${gap.start}`}
              {...place(gap)}
              label={`Gap: nobody on call, ${spanText(gap)}`}
              text="Gap"
              userId={null}
              override={false}
              offDuty={false}
              gap
              onClick={() => setDraft({ layerId: null, start: gap.start, end: gap.end })}
            />
          ))}
        </TimelineRow>
      )}
      <Text size="xs" c="dimmed">
        Striped blocks are overrides; faded blocks are off-duty; red is a gap with nobody to page. Click a shift to override it.
      </Text>
      <CreateOverrideModal scheduleId={schedule.id} layers={schedule.layers} draft={draft} viewerZone={viewerZone} onClose={() => setDraft(null)} />
      <OverridesList scheduleId={schedule.id} layers={schedule.layers} from={from} to={to} viewerZone={viewerZone} />
    </Stack>
  );
}
