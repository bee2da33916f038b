import { Type } from 'typebox';
import type { Weekday as CoreWeekday } from '../../core/schedule/types.js';
import { MAX_GAP_ALERT_DAYS } from '../../core/schedule/upcoming-gaps.js';
import { Discriminated, Id, Instant, TimeZone } from './common.js';
import { HolidayCalendarSchema } from './holiday-calendar.js';

const HHMM = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: "Local time 'HH:MM'" });
const Weekday = Type.Unsafe<CoreWeekday>(Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' }));
const LocalDateTime = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d$',
  description: "Local date-time 'YYYY-MM-DDTHH:MM' in the layer's time zone",
});

const strict = { additionalProperties: false } as const;

export const RotationSchema = Discriminated(
  'kind',
  [
    Type.Object(
      { kind: Type.Literal('daily'), handoffTime: HHMM, days: Type.Optional(Type.Array(Weekday, { minItems: 1, maxItems: 7, uniqueItems: true })) },
      strict,
    ),
    Type.Object({ kind: Type.Literal('weekly'), handoffDay: Weekday, handoffTime: HHMM }, strict),
    Type.Object(
      {
        kind: Type.Literal('monthly'),
        handoffDay: Type.Integer({ minimum: 1, maximum: 31, description: 'Day of the month; a day the month does not have means its last day (31: the last day of every month)' }),
        handoffTime: HHMM,
      },
      strict,
    ),
    Type.Object(
      {
        kind: Type.Literal('custom'),
        every: Type.Integer({ minimum: 1, maximum: 10_000 }),
        unit: Type.Enum(['hours', 'days', 'weeks']),
        anchor: LocalDateTime,
      },
      strict,
    ),
  ],
  'Who is on call when: a daily, weekly or monthly handoff, or every N hours/days/weeks from an anchor',
);

export const Window = Type.Object({ startDay: Weekday, startTime: HHMM, endDay: Weekday, endTime: HHMM }, strict);

export const DailyWindow = Type.Object(
  {
    days: Type.Array(Weekday, { minItems: 1, maxItems: 7, uniqueItems: true }),
    startTime: HHMM,
    endTime: HHMM,
  },
  {
    ...strict,
    description:
      'On each of days, from startTime to endTime local (e.g. Mon–Fri 09:00–17:00). An endTime before startTime runs past midnight into the next day; an endTime equal to startTime is refused as ambiguous',
  },
);

export const RestrictionSchema = Discriminated(
  'kind',
  [
    Type.Object({ kind: Type.Literal('always') }, strict),
    Type.Object({ kind: Type.Literal('business_hours') }, strict),
    Type.Object({ kind: Type.Literal('weekends') }, strict),
    Type.Object({ kind: Type.Literal('daily'), windows: Type.Array(DailyWindow, { maxItems: 100 }) }, strict),
    Type.Object({ kind: Type.Literal('custom'), windows: Type.Array(Window, { maxItems: 100 }) }, strict),
  ],
  'When the layer is active: always, Mon–Fri 09:00–17:00, weekends, the same hours on chosen days (daily), or weekly windows (custom; a new window may not end when it starts)',
);

const LayerName = Type.String({ minLength: 1, maxLength: 100 });
const Members = Type.Array(Id, { maxItems: 200, description: 'User ids in rotation order; repeats allowed' });
const EffectiveAt = Type.Optional(
  Type.String({ format: 'date-time', description: 'When the change takes effect: now by default, or a future instant' }),
);

export const RotationStartInput = Type.Object(
  {
    at: Type.Optional(
      Type.Union([Type.String({ format: 'date-time' }), LocalDateTime], {
        description:
          "When the member's first turn starts: an instant, or a local date-time 'YYYY-MM-DDTHH:MM' in the layer's zone. Default: the first handoff at or after effectiveAt (or now); never before it",
      }),
    ),
    member: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: 199 }), Id], { description: 'Who takes the first turn: a position in members (from 0) or a user id; default 0' }),
    ),
  },
  {
    ...strict,
    description:
      "Restart the rotation: from at, member is on call until the end of the first whole turn starting at or after at, then the order continues after them. Handoffs stay where the rotation puts them. Before at the layer's earlier versions apply (a new layer has nobody)",
  },
);

export const LayerInput = Type.Object(
  {
    name: LayerName,
    timeZone: Type.Optional(TimeZone),
    rotation: RotationSchema,
    restriction: Type.Optional(RestrictionSchema),
    members: Members,
    rotationStart: Type.Optional(RotationStartInput),
    effectiveAt: EffectiveAt,
  },
  strict,
);

export const LayerPatch = Type.Object(
  {
    name: Type.Optional(LayerName),
    timeZone: Type.Optional(TimeZone),
    rotation: Type.Optional(RotationSchema),
    restriction: Type.Optional(RestrictionSchema),
    members: Type.Optional(Members),
    rotationStart: Type.Optional(RotationStartInput),
    effectiveAt: EffectiveAt,
  },
  strict,
);

export const CreateSchedule = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    teamId: Id,
    timeZone: TimeZone,
    layers: Type.Array(Type.Omit(LayerInput, ['effectiveAt']), { minItems: 1, maxItems: 20 }),
  },
  strict,
);

export const GapAlertDays = Type.Integer({
  minimum: 0,
  maximum: MAX_GAP_ALERT_DAYS,
  description: 'Days ahead the daily coverage-gap scan looks for this schedule (default 14); 0 turns the alert off',
});

export const PatchSchedule = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    teamId: Type.Optional(Id),
    timeZone: Type.Optional(TimeZone),
    gapAlertDays: Type.Optional(GapAlertDays),
    holidays: Type.Optional(HolidayCalendarSchema),
  },
  strict,
);

export const LayerOrder = Type.Object({ layerIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }) }, strict);

export const OverrideInput = Type.Object(
  {
    layerId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'null or absent: schedule-wide' })),
    userId: Id,
    mode: Type.Optional(
      Type.Enum(['replace', 'shadow'], {
        description: "replace (default): userId takes over the layer or the primary. shadow: userId is paged alongside whoever it pages, who stays the same",
      }),
    ),
    start: Instant,
    end: Instant,
  },
  strict,
);

export const FixedShiftInput = Type.Object({ layerId: Id, userId: Id, start: Instant, end: Instant }, strict);

export const LayerParams = Type.Object({ id: Id, layerId: Id });
export const ItemParams = Type.Object({ id: Id, itemId: Id });
export const AtQuery = Type.Object({ at: Type.Optional(Instant) }, strict);
export const RangeQuery = Type.Object({ from: Instant, to: Instant }, strict);
