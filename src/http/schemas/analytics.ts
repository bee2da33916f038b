import { Type } from 'typebox';
import { Id, Instant } from './common.js';

export const AnalyticsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Start of the period; default `days` before `to`' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'End of the period, exclusive, at most 366 days after from; default now' })),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, description: 'Instead of from: the period is the last N days up to `to` (default 30)' })),
    teamId: Type.Optional(Type.String({ format: 'uuid', description: "Only incidents of this team's monitors" })),
    monitorId: Type.Optional(Type.String({ format: 'uuid', description: "Only this monitor's incidents" })),
    timeZone: Type.Optional(
      Type.String({ format: 'time-zone', 'x-canonical-time-zone': true, description: `Whose calendar weeks split the period (Monday 00:00); default the caller's own (IANA, e.g. Europe/London)` }),
    ),
  },
  { additionalProperties: false },
);

export const CsvView = Type.Enum(['summary', 'weeks', 'people', 'monitors'], {
  description: 'Which table: summary (one figure a row), weeks, people, monitors (the noisiest ten)',
  default: 'weeks',
});

export const AnalyticsCsvQuery = Type.Object({ ...AnalyticsQuery.properties, view: CsvView }, { additionalProperties: false });

const Seconds = Type.Union([Type.Number(), Type.Null()]);
const ResponseTime = (description: string) =>
  Type.Object({ count: Type.Integer({ description: 'Incidents measured' }), medianSeconds: Seconds, p90Seconds: Seconds }, { description });
const PagingCounts = {
  pages: Type.Integer({ description: 'Pages sent to people (every channel: email, SMS, call, webhook, Slack)' }),
  sleepInterruptions: Type.Integer({ description: "Pages sent 22:00–08:00 on the recipient's clock" }),
  outsideBusinessHours: Type.Integer({ description: "Pages sent outside Mon–Fri 09:00–17:00 on the recipient's clock" }),
};

export const AnalyticsSchema = Type.Object({
  from: Instant,
  to: Instant,
  timeZone: Type.String(),
  teamId: Type.Union([Id, Type.Null()]),
  monitorId: Type.Union([Id, Type.Null()]),
  incidents: Type.Integer({ description: 'Incidents triggered in the period, suppressed ones apart' }),
  suppressed: Type.Integer({ description: 'Suppressed incidents triggered in the period: recorded, never paged (an event rule, or a monitor depended on was down); not in incidents, MTTA or MTTR' }),
  timeToAcknowledge: ResponseTime('Of the incidents acknowledged: trigger to first acknowledgement (MTTA)'),
  timeToResolve: ResponseTime('Of the incidents resolved: trigger to resolution (MTTR)'),
  ...PagingCounts,
  weeks: Type.Array(Type.Object({ start: Instant, end: Instant, incidents: Type.Integer(), suppressed: Type.Integer(), ...PagingCounts })),
  people: Type.Array(Type.Object({ user: Type.Object({ id: Id, name: Type.String(), email: Type.String() }), ...PagingCounts }), { description: 'Most paged first' }),
  noisyMonitors: Type.Array(
    Type.Object({
      monitor: Type.Object({ id: Id, name: Type.String(), teamId: Id }),
      incidents: Type.Integer({ description: 'Incidents that could page (suppressed ones apart)' }),
      alerts: Type.Integer({ description: 'Alerts those incidents received, the first included' }),
      pages: Type.Integer({ description: 'Pages those incidents sent in the period' }),
    }),
    { description: 'The ten monitors that opened the most incidents, then received the most alerts' },
  ),
});
