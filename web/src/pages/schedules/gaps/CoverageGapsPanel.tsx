import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBellCog } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useIntendedGaps, useScheduleGaps, useUnmarkIntended } from '../../../api/coverageGaps';
import type { ScheduleDetail } from '../../../api/scheduleTypes';
import { useTeamAccess } from '../../../auth/teamAccess';
import { notifyError } from '../../../components/notifyError';
import { QueryError } from '../../../components/QueryError';
import { formatDuration, formatShiftSpan } from '../../../time/shiftTime';
import { CreateOverrideModal, type OverrideDraft } from '../timeline/CreateOverrideModal';
import { GapAlertSettingsModal } from './GapAlertSettingsModal';
import { MarkIntendedModal, type GapSpan } from './MarkIntendedModal';
import { spanParam } from './spanParam';

/** A fortnight of nights is ten gaps: the first few say enough until asked for all. */
const FIRST_SHOWN = 5;

interface CoverageGapsPanelProps {
  schedule: ScheduleDetail;
  viewerZone: string;
  /** The server's now: whether dates need their year. */
  now: string;
}

/**
 * Where nobody would be paged in the coming days, with a way to fill each gap (an override
 * prefilled with it) or mark it intended, each shown only to whoever may do it. The links in
 * the managers' gap alert land here: `?fill=<start>/<end>` opens the override form and
 * `?intend=<start>/<end>` the marking.
 */
export function CoverageGapsPanel({ schedule, viewerZone, now }: CoverageGapsPanelProps) {
  const gaps = useScheduleGaps(schedule.id);
  const intended = useIntendedGaps(schedule.id);
  const unmarking = useUnmarkIntended(schedule.id);
  const [fill, setFill] = useState<OverrideDraft | null>(null);
  const [intend, setIntend] = useState<GapSpan | null>(null);
  const [settings, setSettings] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [params, setParams] = useSearchParams();
  const { mayEdit, mayManage, known } = useTeamAccess(schedule.teamId);

  // A link from the alert opens its form once, for whoever may use it; the address drops it so closing stays closed.
  useEffect(() => {
    const toFill = spanParam(params.get('fill'));
    const toIntend = spanParam(params.get('intend'));
    if ((!toFill && !toIntend) || !known) return;
    if (toFill && mayEdit) setFill({ layerId: null, ...toFill });
    else if (toIntend && mayManage) setIntend(toIntend);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('fill');
        next.delete('intend');
        return next;
      },
      { replace: true },
    );
  }, [params, setParams, known, mayEdit, mayManage]);

  const days = gaps.data?.days ?? schedule.gapAlertDays;
  const open = (gaps.data?.items ?? []).filter((g) => !g.intended);
  return (
    <Paper component="section" aria-label="Coverage gaps" withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={3} size="h4">
            Coverage gaps in the next {days} days
          </Title>
          {mayEdit ? (
            <Button size="compact-sm" variant="subtle" leftSection={<IconBellCog size={14} />} onClick={() => setSettings(true)}>
              {schedule.gapAlertDays === 0 ? 'Alert off' : `Alert: ${schedule.gapAlertDays} days ahead`}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {schedule.gapAlertDays === 0 ? 'Alert off' : `Alert: ${schedule.gapAlertDays} days ahead`}
            </Text>
          )}
        </Group>
        {gaps.isPending && <Skeleton h={60} />}
        {gaps.isError && <QueryError error={gaps.error} />}
        {gaps.isSuccess && open.length === 0 && (
          <Text size="sm" c="dimmed">
            Someone is on call throughout{gaps.data.items.length > 0 ? ', apart from the gaps marked intended' : ''}.
          </Text>
        )}
        {open.length > 0 && (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {(showAll ? open : open.slice(0, FIRST_SHOWN)).map((gap) => (
              <Group key={gap.start} component="li" justify="space-between" wrap="wrap" gap="xs" aria-label={`Gap ${formatShiftSpan(gap.start, gap.end, viewerZone, now)}`}>
                <Group gap="xs" wrap="nowrap" miw={0} align="flex-start">
                  <IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" style={{ flexShrink: 0, marginTop: 2 }} />
                  <Text size="sm">
                    {formatShiftSpan(gap.start, gap.end, viewerZone, now)}
                    <Text span size="sm" c="orange.8" fw={600}>
                      {' · '}
                      {formatDuration(gap.start, gap.end)}
                    </Text>
                  </Text>
                </Group>
                {mayEdit && (
                  <Group gap="xs">
                    <Button size="compact-sm" onClick={() => setFill({ layerId: null, start: gap.start, end: gap.end })}>
                      Fill…
                    </Button>
                    {mayManage && (
                      <Button size="compact-sm" variant="default" onClick={() => setIntend({ start: gap.start, end: gap.end })}>
                        Mark intended
                      </Button>
                    )}
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {open.length > FIRST_SHOWN && (
          <Button size="compact-sm" variant="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => setShowAll(!showAll)}>
            {showAll ? 'Show fewer' : `Show all ${open.length} gaps`}
          </Button>
        )}
        {(intended.data ?? []).length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Marked intended (no alert)
            </Text>
            {(intended.data ?? []).map((mark) => (
              <Group key={mark.id} justify="space-between" wrap="wrap" gap="xs" aria-label={`Intended ${formatShiftSpan(mark.start, mark.end, viewerZone, now)}`}>
                <Text size="sm" c="dimmed">
                  {formatShiftSpan(mark.start, mark.end, viewerZone, now)}
                  {mark.note !== '' && ` · ${mark.note}`}
                  {mark.createdBy && ` · by ${mark.createdBy.name}`}
                </Text>
                {mayManage && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    loading={unmarking.isPending && unmarking.variables === mark.id}
                    onClick={() => unmarking.mutate(mark.id, { onError: notifyError })}
                  >
                    Unmark
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      <CreateOverrideModal scheduleId={schedule.id} layers={schedule.layers} draft={fill} viewerZone={viewerZone} onClose={() => setFill(null)} />
      <MarkIntendedModal scheduleId={schedule.id} span={intend} viewerZone={viewerZone} onClose={() => setIntend(null)} />
      <GapAlertSettingsModal scheduleId={schedule.id} current={schedule.gapAlertDays} opened={settings} onClose={() => setSettings(false)} />
    </Paper>
  );
}
