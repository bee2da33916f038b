import { Type } from 'typebox';
import { Instant } from './common.js';
import { FairnessMeasureSchema } from './fairness-measure.js';
import { HolidayCalendarSchema } from './holiday-calendar.js';
import { UserRef } from './schedule-views.js';

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
