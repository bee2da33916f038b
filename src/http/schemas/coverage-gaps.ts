import { Type } from 'typebox';
import { MAX_GAP_ALERT_DAYS } from '../../core/schedule/upcoming-gaps.js';
import { Id, Instant } from './common.js';
import { UserRef } from './schedule-views.js';

const strict = { additionalProperties: false } as const;


export const GapsQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_GAP_ALERT_DAYS, description: "Days ahead from now; default: the schedule's gapAlertDays (14 when its alert is off)" })) },
  strict,
);

export const GapView = Type.Object({
  start: Instant,
  end: Instant,
  intended: Type.Boolean({ description: 'Inside a span marked intended: it does not alert' }),
});

export const GapsView = Type.Object({
  from: Instant,
  to: Instant,
  days: Type.Integer(),
  items: Type.Array(GapView, { description: "Where nobody is primary in the final timeline over [from, to), cut at the edges of intended spans" }),
});

export const IntendedGapInput = Type.Object(
  {
    start: Instant,
    end: Instant,
    note: Type.Optional(Type.String({ maxLength: 500, description: 'Why nobody needs to be on call then' })),
  },
  strict,
);

export const IntendedGapView = Type.Object({
  id: Id,
  start: Instant,
  end: Instant,
  note: Type.String(),
  createdBy: Type.Union([UserRef, Type.Null()]),
  createdAt: Instant,
});

export const CoverageGapsView = Type.Object({
  items: Type.Array(
    Type.Object({
      scheduleId: Id,
      days: Type.Integer(),
      gaps: Type.Array(Type.Object({ start: Instant, end: Instant })),
    }),
    { description: 'Schedules paged through by a policy, with their alert on, that have unintended gaps ahead' },
  ),
});
