import { Type } from 'typebox';
import { Id, Instant } from './common.js';

const strict = { additionalProperties: false } as const;
const Note = Type.String({ maxLength: 200, description: 'Shown beside the time off, e.g. "Holiday"' });

export const TimeOffInput = Type.Object({ start: Instant, end: Instant, note: Type.Optional(Note) }, strict);

export const TimeOffPatch = Type.Object(
  { start: Type.Optional(Instant), end: Type.Optional(Instant), note: Type.Optional(Note) },
  { ...strict, description: "Fields to change; the start of time off already under way stays where it is" },
);

export const TimeOffQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now; time off ended by then is left out' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: no end' })),
  },
  strict,
);

export const TimeOffView = Type.Object({
  id: Id,
  userId: Id,
  start: Instant,
  end: Instant,
  note: Type.String(),
  source: Type.Enum(['manual', 'calendar'], { description: "calendar: imported from the user's calendar, changed only there" }),
  createdAt: Instant,
});

export const TimeOffCalendarInput = Type.Object(
  {
    url: Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()], {
      description: "An http(s) iCalendar address Vigil fetches every 15 minutes to import time off (busy events of the next 180 days); null stops importing and removes what it imported",
    }),
  },
  strict,
);

export const TimeOffCalendarView = Type.Object({
  url: Type.Union([Type.String(), Type.Null()], { description: 'The calendar imported from (null: none); for a manager of their team only its scheme and host, then "/…" (the address often carries a token)' }),
  urlHidden: Type.Boolean({ description: 'true: url is cut to its scheme and host; only the person and admins see it whole' }),
  syncedAt: Type.Union([Instant, Type.Null()], { description: 'When the calendar was last fetched, successfully or not; null: not yet' }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why the last fetch failed (the time off it imported before is kept); null after a good one' }),
});
