import { Type } from 'typebox';
import { historyTimelineRows } from '../../core/schedule/history.js';
import { personHours } from '../../core/schedule/person-hours.js';
import type { Range } from '../../core/schedule/types.js';
import { userShifts } from '../../core/schedule/user-shifts.js';
import { calendarMonthOf } from '../../core/time/calendar-month.js';
import { DAY } from '../../core/time/units.js';
import { toHistory } from '../../service/schedule-edits.js';
import { listAllScheduleIds, loadSchedule } from '../../store/schedules.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { userIdsOf } from '../schedule-presenter.js';
import { Id, Instant, toIso } from '../schemas/common.js';

/**
 * How far past the window a shift is followed, so one under way or running past the end
 * shows its real start and end (a weekly turn is 7 days); longer ones are cut there and
 * say so (a lone member with no restriction is on call for good).
 */
const WHOLE_SHIFT = 14 * DAY;

const Hours = {
  total: Type.Number(),
  businessHours: Type.Number({ description: 'Monday–Friday 09:00–17:00' }),
  nights: Type.Number({ description: 'The rest of Monday–Friday' }),
  weekends: Type.Number({ description: 'Saturday and Sunday' }),
};

const MyOnCall = Type.Object({
  from: Instant,
  to: Instant,
  timeZone: Type.String({ description: 'Your time zone: the month and the hours are read on its wall clock' }),
  shifts: Type.Array(
    Type.Object({
      scheduleId: Id,
      scheduleName: Type.String(),
      start: Instant,
      end: Instant,
      startsEarlier: Type.Boolean({ description: 'true: the shift began at least 14 days before `from`; `start` is where the search stopped, not a handoff' }),
      endsLater: Type.Boolean({ description: 'true: the shift goes on at least 14 days past `to`; `end` is where the search stopped, not a handoff' }),
      via: Type.Array(
        Type.Object({
          layerId: Type.Union([Id, Type.Null()], { description: 'null: a schedule-wide override' }),
          layerName: Type.Union([Type.String(), Type.Null()]),
          source: Type.Enum(['override', 'fixed', 'rotation', 'cover'], { description: "cover: standing in for someone away (time off)" }),
        }),
        { description: 'How you hold the pager in this shift, in order: touching spans on different layers are one shift' },
      ),
    }),
    { description: 'Your shifts as primary that overlap [from, to), soonest first, each whole (up to 14 days beyond the range)' },
  ),
  month: Type.Object(
    {
      from: Instant,
      to: Instant,
      ...Hours,
      soFar: Type.Number({ description: 'Hours of `total` before now' }),
    },
    { description: 'Your hours as primary this calendar month, past and scheduled; time on two schedules at once counts once' },
  ),
});

const round = (n: number) => Math.round(n * 100) / 100;

/** "My on-call": the signed-in user's next shifts on every schedule and their hours this month. */
export function myOnCallRoutes(api: Api, { database: { db }, clock }: HttpDeps): void {
  api.get(
    '/me/on-call',
    {
      schema: {
        tags: ['on-call'],
        summary: 'Your shifts as primary over the next days (default 30, at most 92) on every schedule, and your hours this month',
        querystring: Type.Object({ days: Type.Integer({ minimum: 1, maximum: 92, default: 30 }) }, { additionalProperties: false }),
        response: { 200: MyOnCall },
      },
    },
    async (req) => {
      const { id: userId, time_zone: timeZone } = actorOf(req).user;
      const now = clock.now();
      const to = now + req.query.days * DAY;
      const month = calendarMonthOf(now, timeZone);
      const from = Math.min(now - WHOLE_SHIFT, month.start);
      const until = Math.max(to + WHOLE_SHIFT, month.end);
      const shifts = [];
      const monthShifts: Range[] = [];
      for (const { id } of await listAllScheduleIds(db)) {
        const stored = await loadSchedule(db, id, { from, to: until });
        // Only schedules that name the user anywhere can page them.
        if (!userIdsOf(stored).has(userId)) continue;
        const final = historyTimelineRows(toHistory(stored), from, until).final;
        const names = new Map(stored.layers.map((l) => [l.id, l.name]));
        for (const shift of userShifts(final, userId, now, to)) {
          shifts.push({
            scheduleId: id,
            scheduleName: stored.row.name,
            start: shift.start,
            end: shift.end,
            startsEarlier: shift.start <= from,
            endsLater: shift.end >= until,
            via: shift.via.map((p) => ({ ...p, layerName: p.layerId === null ? null : (names.get(p.layerId) ?? null) })),
          });
        }
        monthShifts.push(...userShifts(final, userId, month.start, month.end));
      }
      const total = personHours(monthShifts, month.start, month.end, timeZone);
      const soFar = personHours(monthShifts, month.start, Math.min(now, month.end), timeZone);
      return {
        from: toIso(now),
        to: toIso(to),
        timeZone,
        shifts: shifts
          .sort((a, b) => a.start - b.start || a.scheduleName.localeCompare(b.scheduleName))
          .map((s) => ({ ...s, start: toIso(s.start), end: toIso(s.end) })),
        month: {
          from: toIso(month.start),
          to: toIso(month.end),
          total: round(total.total),
          businessHours: round(total.businessHours),
          nights: round(total.nights),
          weekends: round(total.weekends),
          soFar: round(soFar.total),
        },
      };
    },
  );
}
