import { Anchor, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { analyticsCsvUrl, analyticsJsonUrl, useAnalytics, type Analytics, type AnalyticsFilter, type CsvView } from '../../api/analytics';
import { useMonitorChoices } from '../../api/monitors';
import { useTeamChoices } from '../../api/teams';
import { QueryError } from '../../components/QueryError';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { sameYear } from '../../time/withYear';
import { AnalyticsBars, type BarRow } from './AnalyticsBars';
import { formatDuration } from './duration';

const periods = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 365 days' },
];

const colors = {
  sleep: 'var(--mantine-color-indigo-7)',
  offHours: 'var(--mantine-color-orange-5)',
  business: 'var(--mantine-color-blue-3)',
  incidents: 'var(--mantine-color-red-6)',
  suppressed: 'var(--mantine-color-gray-5)',
};
const pageLegend = [
  { label: 'Sleep hours (22–08)', color: colors.sleep },
  { label: 'Other off hours', color: colors.offHours },
  { label: 'Business hours', color: colors.business },
];

type Counts = { pages: number; sleepInterruptions: number; outsideBusinessHours: number };
const pageParts = (c: Counts) => [
  { label: 'Sleep hours', value: c.sleepInterruptions, color: colors.sleep },
  { label: 'Other off hours', value: c.outsideBusinessHours - c.sleepInterruptions, color: colors.offHours },
  { label: 'Business hours', value: c.pages - c.outsideBusinessHours, color: colors.business },
];

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Report({ data, zone, now }: { data: Analytics; zone: string; now: number }) {
  // The first week is cut at the start of the period, which is seldom a Monday.
  const weekLabel = (iso: string) =>
    `${iso === data.from ? 'From' : 'Week of'} ${new Intl.DateTimeFormat(undefined, { timeZone: zone, day: 'numeric', month: 'short', ...(!sameYear(Date.parse(iso), now, zone) && { year: 'numeric' }) }).format(Date.parse(iso))}`;
  const ack = data.timeToAcknowledge;
  const resolve = data.timeToResolve;
  const incidentsPerWeek: BarRow[] = data.weeks.map((w) => ({
    key: w.start,
    label: weekLabel(w.start),
    total: w.incidents + w.suppressed,
    parts: [
      { label: 'Paged', value: w.incidents, color: colors.incidents },
      ...(data.suppressed > 0 ? [{ label: 'Suppressed', value: w.suppressed, color: colors.suppressed }] : []),
    ],
  }));
  const incidentLegend = [
    { label: 'Paged', color: colors.incidents },
    { label: 'Suppressed (paged nobody)', color: colors.suppressed },
  ];
  const pagesPerWeek: BarRow[] = data.weeks.map((w) => ({ key: w.start, label: weekLabel(w.start), total: w.pages, parts: pageParts(w) }));
  const people: BarRow[] = data.people.map((p) => ({ key: p.user.id, label: p.user.name, total: p.pages, parts: pageParts(p) }));
  const monitors: BarRow[] = data.noisyMonitors.map((m) => ({
    key: m.monitor.id,
    label: m.monitor.name,
    total: m.incidents,
    parts: [{ label: 'Incidents', value: m.incidents, color: colors.incidents }],
  }));
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} aria-label="Headline figures">
        <Figure label="Incidents" value={String(data.incidents)} hint={data.suppressed > 0 ? `triggered · ${data.suppressed} more suppressed` : 'triggered in the period'} />
        <Figure label="MTTA (median)" value={formatDuration(ack.medianSeconds)} hint={`p90 ${formatDuration(ack.p90Seconds)} · ${ack.count} acknowledged`} />
        <Figure label="MTTR (median)" value={formatDuration(resolve.medianSeconds)} hint={`p90 ${formatDuration(resolve.p90Seconds)} · ${resolve.count} resolved`} />
        <Figure label="Pages" value={String(data.pages)} hint={`to ${data.people.length} ${data.people.length === 1 ? 'person' : 'people'}`} />
        <Figure label="Sleep interruptions" value={String(data.sleepInterruptions)} hint="pages 22:00–08:00, their time" />
        <Figure label="Off-hours pages" value={String(data.outsideBusinessHours)} hint="outside Mon–Fri 09–17, their time" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Incidents per week">
          <AnalyticsBars rows={incidentsPerWeek} legend={data.suppressed > 0 ? incidentLegend : []} label="Incidents per week" unit="incidents" />
        </Section>
        <Section title="Pages per week">
          <AnalyticsBars rows={pagesPerWeek} legend={pageLegend} label="Pages per week" unit="pages" />
        </Section>
        <Section title="Pages per person">
          {people.length === 0 ? <Text c="dimmed">Nobody was paged.</Text> : <AnalyticsBars rows={people} legend={pageLegend} label="Pages per person" unit="pages" />}
        </Section>
        <Section title="Noisiest monitors">
          <AnalyticsBars rows={monitors} legend={[]} label="Incidents per monitor" unit="incidents" />
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

const csvViews: { view: CsvView; label: string }[] = [
  { view: 'summary', label: 'summary' },
  { view: 'weeks', label: 'weeks' },
  { view: 'people', label: 'people' },
  { view: 'monitors', label: 'monitors' },
];

/** MTTA, MTTR and paging load over a period, for everyone, a team or a monitor; the filters live in the address. */
export function AnalyticsPage() {
  const zone = useViewerTimeZone();
  const [params, setParams] = useSearchParams();
  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
        if (key === 'team') next.delete('monitor');
        return next;
      },
      { replace: true },
    );
  const days = periods.some((p) => p.value === params.get('days')) ? Number(params.get('days')) : 30;
  const teams = useTeamChoices();
  const monitors = useMonitorChoices();
  const teamId = params.get('team') ?? undefined;
  const monitorId = params.get('monitor') ?? undefined;
  const filter: AnalyticsFilter = {
    days,
    timeZone: zone,
    ...(teamId && { teamId }),
    ...(monitorId && { monitorId }),
  };
  const analytics = useAnalytics(filter);
  // Exports name the very period shown (the server counts "the last N days" from its own clock).
  const shown: AnalyticsFilter = analytics.data ? { ...filter, days: undefined, from: analytics.data.from, to: analytics.data.to } : filter;
  const monitorOptions = (monitors.data ?? []).filter((m) => teamId === undefined || m.teamId === teamId).map((m) => ({ value: m.id, label: m.name }));

  return (
    <Stack>
      <Title order={2}>Analytics</Title>
      <Group align="end" gap="sm">
        <Select label="Period" data={periods} value={String(days)} onChange={(v) => setParam('days', v)} allowDeselect={false} w={{ base: '100%', xs: 170 }} />
        <Select
          label="Team"
          placeholder="All teams"
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={teamId ?? null}
          onChange={(v) => setParam('team', v)}
          clearable
          searchable
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label="Monitor"
          placeholder="All monitors"
          data={monitorOptions}
          value={monitorId ?? null}
          onChange={(v) => setParam('monitor', v)}
          clearable
          searchable
          w={{ base: '100%', xs: 220 }}
        />
      </Group>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">Export:</Text>
        <Anchor size="sm" href={analyticsJsonUrl(shown)} download="vigil-analytics.json">
          JSON
        </Anchor>
        <Text size="sm">· CSV</Text>
        {csvViews.map((c) => (
          <Anchor key={c.view} size="sm" href={analyticsCsvUrl(shown, c.view)} download>
            {c.label}
          </Anchor>
        ))}
      </Group>
      {analytics.isPending && <Skeleton h={300} />}
      {analytics.isError && <QueryError error={analytics.error} />}
      {analytics.isSuccess && analytics.data.incidents + analytics.data.suppressed === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          No incidents in this period{teamId || monitorId ? ' for this filter' : ''}. Figures appear here once monitors open incidents and people are paged.
        </Text>
      ) : (
        analytics.isSuccess && <Report data={analytics.data} zone={zone} now={Date.parse(analytics.data.to)} />
      )}
      <Text size="xs" c="dimmed">
        Weeks run Monday to Monday in {zone}. MTTA: trigger to first acknowledgement; MTTR: trigger to resolution; both of the period&apos;s incidents, median and 90th percentile. Sleep
        and off hours are on each person&apos;s own clock. Suppressed incidents paged nobody: they are counted apart, not in MTTA, MTTR or the noisiest monitors.
      </Text>
    </Stack>
  );
}
