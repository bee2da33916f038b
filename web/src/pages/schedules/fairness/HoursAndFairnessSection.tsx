import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useFairness, useHolidayCountries, type FairnessReport, type HolidayCalendar } from '../../../api/fairness';
import { hoursCsvUrl } from '../../../api/hours';
import { QueryError } from '../../../components/QueryError';
import { formatWithYear } from '../../../time/withYear';
import { addDays, fromLocalInput, toLocalInput } from '../../../time/zoned';
import { FairnessChart } from './FairnessChart';
import { periodPresets, presetDates, type PeriodPreset } from './fairnessPeriod';
import { HolidaySettingsModal } from './HolidaySettingsModal';
import { HoursTable } from './HoursTable';
import { verdicts } from './verdict';

interface HoursAndFairnessSectionProps {
  scheduleId: string;
  scheduleName: string;
  holidays: HolidayCalendar;
  viewerZone: string;
  now: string;
}

/** A local date 'YYYY-MM-DD' as "25 Dec", with the year when it is not this year's. */
function formatLocalDate(date: string, now: string): string {
  const sameYear = date.slice(0, 4) === now.slice(0, 4);
  return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', ...(!sameYear && { year: 'numeric' }) }).format(Date.parse(`${date}T00:00:00Z`));
}

/**
 * Who is on call how long over a period, split into business hours, nights, weekends and
 * holidays, and how fairly the night, weekend and holiday hours are shared; the CSV is the
 * same period's hours.
 */
export function HoursAndFairnessSection({ scheduleId, scheduleName, holidays, viewerZone, now }: HoursAndFairnessSectionProps) {
  const today = toLocalInput(now, viewerZone).slice(0, 10);
  const [preset, setPreset] = useState<PeriodPreset>('next4w');
  const [custom, setCustom] = useState(() => presetDates('next4w', today));
  const [editingHolidays, setEditingHolidays] = useState(false);
  const { first, last } = preset === 'custom' ? custom : presetDates(preset, today);
  const from = first === '' ? '' : fromLocalInput(first, viewerZone);
  const to = last === '' ? '' : fromLocalInput(addDays(last, 1), viewerZone);
  const valid = from !== '' && to !== '' && to > from;
  const report = useFairness(scheduleId, from, to, valid);

  return (
    <Stack component="section" aria-label="On-call hours and fairness" gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>On-call hours and fairness</Title>
        <HolidaySummary calendar={holidays} onChange={() => setEditingHolidays(true)} />
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Period"
          data={periodPresets}
          value={preset}
          allowDeselect={false}
          onChange={(v) => {
            if (v === null) return;
            if (v === 'custom' && preset !== 'custom') setCustom({ first, last });
            setPreset(v as PeriodPreset);
          }}
          w={180}
        />
        {preset === 'custom' && (
          <>
            <TextInput label="From" type="date" value={custom.first} onChange={(e) => setCustom({ ...custom, first: e.currentTarget.value })} />
            <TextInput label="To" type="date" value={custom.last} onChange={(e) => setCustom({ ...custom, last: e.currentTarget.value })} error={valid ? undefined : 'must not be before From'} />
          </>
        )}
        {valid && (
          <Anchor href={hoursCsvUrl(scheduleId, from, to)} download mb={8}>
            <Group gap={4} wrap="nowrap">
              <IconDownload size={16} />
              Download CSV
            </Group>
          </Anchor>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {valid && `${formatLocalDate(first, today)} – ${formatLocalDate(last, today)}, dates in ${viewerZone}. `}
        Holidays are any time on a public holiday, weekends Sat–Sun, business hours Mon–Fri 09:00–17:00 and nights the rest, in the schedule&apos;s zone. The CSV has the
        same period without the holiday column: a holiday&apos;s hours count there as business hours, nights or weekends.
      </Text>
      {valid && report.isError && <QueryError error={report.error} />}
      {valid && report.data && <FairnessResult report={report.data} today={today} now={now} viewerZone={viewerZone} />}
      <HolidaySettingsModal key={JSON.stringify(holidays)} scheduleId={scheduleId} scheduleName={scheduleName} current={holidays} opened={editingHolidays} onClose={() => setEditingHolidays(false)} />
    </Stack>
  );
}

function HolidaySummary({ calendar, onChange }: { calendar: HolidayCalendar; onChange: () => void }) {
  const countries = useHolidayCountries(calendar.kind === 'country');
  const country = calendar.kind === 'country' ? countries.data?.items.find((c) => c.code === calendar.country) : undefined;
  const region = calendar.kind === 'country' && calendar.region !== null ? country?.regions.find((r) => r.code === calendar.region)?.name ?? calendar.region : null;
  const text =
    calendar.kind === 'none'
      ? 'No public holidays'
      : calendar.kind === 'country'
        ? `Holidays of ${country?.name ?? calendar.country}${region === null ? '' : ` (${region})`}`
        : 'Holidays from a calendar feed';
  return (
    <Group gap="xs">
      <IconCalendarEvent size={16} aria-hidden />
      <Text size="sm">{text}</Text>
      <Button variant="subtle" size="compact-sm" onClick={onChange}>
        {calendar.kind === 'none' ? 'Set up holidays' : 'Change'}
      </Button>
    </Group>
  );
}

function FairnessResult({ report, today, now, viewerZone }: { report: FairnessReport; today: string; now: string; viewerZone: string }) {
  const { measure, items, holidays, holidayFeed } = report;
  const verdict = verdicts[measure.verdict];
  return (
    <Stack gap="sm">
      {holidayFeed !== null && holidayFeed.error !== null && (
        <Alert color="yellow" icon={<IconAlertTriangle />} title="The holiday feed could not be read">
          <Text size="sm">
            {holidayFeed.error} (tried {formatWithYear(holidayFeed.checkedAt, viewerZone, Date.parse(now))}).{' '}
            {holidayFeed.fetchedAt === null
              ? 'No holidays are counted until it works.'
              : `The copy from ${formatWithYear(holidayFeed.fetchedAt, viewerZone, Date.parse(now))} is used meanwhile.`}
          </Text>
        </Alert>
      )}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          This schedule had no members and nobody on call in this period.
        </Text>
      ) : (
        <>
          <Paper withBorder p="sm" aria-label="Fairness measure">
            <Stack gap={4}>
              <Group gap="xs">
                <Badge color={verdict.color} variant="light" size="lg">
                  {verdict.label}
                </Badge>
                {measure.verdict !== 'no_load' && (
                  <Text size="sm">
                    Night, weekend and holiday hours per member: {measure.min}–{measure.max} h (spread {measure.spread} h, variation {Math.round(measure.coefficientOfVariation * 100)}&nbsp;%)
                  </Text>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {verdict.explanation} Measured over the {measure.members} {measure.members === 1 ? 'member' : 'members'} of the layers in this period, including any with no hours.
              </Text>
            </Stack>
          </Paper>
          <FairnessChart rows={items} />
          <HoursTable rows={items} />
        </>
      )}
      {report.holidayCalendar.kind !== 'none' && (
        <Text size="sm" c="dimmed">
          {holidays.length === 0 ? 'No public holidays in this period.' : `Holidays counted: ${holidays.map((h) => `${h.name} (${formatLocalDate(h.date, today)})`).join(', ')}.`}
        </Text>
      )}
    </Stack>
  );
}
