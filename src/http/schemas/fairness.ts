import { Type } from 'typebox';
import { Instant } from './common.js';
import { HolidayCalendarSchema } from './holiday-calendar.js';
import { UserRef } from './schedule-views.js';

export const FairnessMeasureSchema = Type.Object(
  {
    members: Type.Integer({ description: 'Members of the layers in force over the period, each counted once, also with no hours' }),
    min: Type.Number({ description: 'Fewest night + weekend + holiday hours of one member' }),
    max: Type.Number({ description: 'Most night + weekend + holiday hours of one member' }),
    spread: Type.Number({ description: 'max − min, in hours' }),
    coefficientOfVariation: Type.Number({ description: 'Population standard deviation over the mean; 0 when the mean is 0' }),
    verdict: Type.Enum(['no_load', 'even', 'uneven', 'very_uneven'], {
      description: 'even: coefficient of variation ≤ 0.15; uneven: ≤ 0.35; very_uneven: above; no_load: nobody had night, weekend or holiday hours',
    }),
  },
  { description: 'How evenly night, weekend and holiday hours fall on the members' },
);

const Hours = (description: string) => Type.Number({ description });

export const FairnessReportSchema = Type.Object({
  from: Instant,
  to: Instant,
  timeZone: Type.String(),
  holidayCalendar: HolidayCalendarSchema,
  holidays: Type.Array(Type.Object({ date: Type.String({ description: 'Local date, YYYY-MM-DD' }), name: Type.String() }), { description: 'The holidays counted in the period' }),
  holidayFeed: Type.Union(
    [
      Type.Object({
        fetchedAt: Type.Union([Instant, Type.Null()], { description: 'When the copy in use was fetched; null: never successfully' }),
        checkedAt: Instant,
        error: Type.Union([Type.String(), Type.Null()], { description: 'Why the latest fetch failed (the last good copy is used meanwhile)' }),
      }),
      Type.Null(),
    ],
    { description: 'The iCal feed: null unless the calendar is one' },
  ),
  items: Type.Array(
    Type.Object({
      user: UserRef,
      member: Type.Boolean({ description: 'false: on call only through overrides; left out of the measure' }),
      total: Hours('All hours on call as primary'),
      businessHours: Hours('Monday–Friday 09:00–17:00, not on a holiday'),
      nights: Hours('Monday–Friday outside business hours, not on a holiday'),
      weekends: Hours('Saturday and Sunday, not on a holiday'),
      holidays: Hours('Any time on a public holiday'),
    }),
    { description: 'Per person, most night + weekend + holiday hours first' },
  ),
  measure: FairnessMeasureSchema,
});
