import { Type } from 'typebox';
import { fairnessReport, type FairnessMeasure } from '../../core/schedule/fairness.js';
import { holidayCountries } from '../../service/holiday-calendar.js';
import { holidaysIn } from '../../service/schedule-holidays.js';
import { toHistory } from '../../service/schedule-edits.js';
import { loadSchedule } from '../../store/schedules.js';
import type { Api } from '../app-types.js';
import type { HttpDeps } from '../deps.js';
import { directoryFor } from '../schedule-presenter.js';
import { IdParams, toIso } from '../schemas/common.js';
import { FairnessReportSchema } from '../schemas/fairness.js';
import { RangeQuery } from '../schemas/schedule.js';
import { rangeOf } from './on-call.js';

const round = (n: number) => Math.round(n * 100) / 100;

/** Hours to the hundredth, the coefficient of variation to the thousandth. */
export function presentMeasure(m: FairnessMeasure): FairnessMeasure {
  return { ...m, min: round(m.min), max: round(m.max), spread: round(m.spread), coefficientOfVariation: Math.round(m.coefficientOfVariation * 1000) / 1000 };
}

const Named = { code: Type.String(), name: Type.String() };

export function fairnessRoutes(api: Api, { database: { db }, clock, config }: HttpDeps): void {
  // The list cannot change while the server runs (the package's data is built in), and is
  // worked out at the first request: loading the package costs ~8 MiB of every server's heap.
  let countries: { items: ReturnType<typeof holidayCountries> } | null = null;
  api.get(
    '/holiday-countries',
    {
      schema: {
        tags: ['schedules'],
        summary: "Countries and regions a schedule's holiday calendar can name (from the date-holidays package)",
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...Named, regions: Type.Array(Type.Object(Named)) })) }) },
      },
    },
    () => (countries ??= { items: holidayCountries() }),
  );

  api.get(
    '/schedules/:id/fairness',
    {
      schema: {
        tags: ['on-call'],
        summary: 'Hours per person by category (holidays, weekends, business hours, nights) over [from, to) (at most 366 days), and how evenly night, weekend and holiday hours fall on the members',
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: FairnessReportSchema },
      },
    },
    async (req) => {
      const { from, to } = rangeOf(req.query, 366);
      const stored = await loadSchedule(db, req.params.id, { from, to });
      const period = await holidaysIn(db, stored.row, from, to, clock.now(), config.destinationPolicy);
      const report = fairnessReport(toHistory(stored), from, to, new Set(period.holidays.map((h) => h.date)));
      const users = await directoryFor(db, report.hours.map((h) => h.userId));
      const unsociable = (h: { nights: number; weekends: number; holidays: number }) => h.nights + h.weekends + h.holidays;
      const items = report.hours
        .map((h) => ({
          user: users(h.userId),
          member: h.member,
          total: round(h.total),
          businessHours: round(h.businessHours),
          nights: round(h.nights),
          weekends: round(h.weekends),
          holidays: round(h.holidays),
        }))
        .sort((a, b) => unsociable(b) - unsociable(a) || b.total - a.total || a.user.name.localeCompare(b.user.name));
      return {
        from: toIso(from),
        to: toIso(to),
        timeZone: stored.row.time_zone,
        holidayCalendar: period.calendar,
        holidays: period.holidays,
        holidayFeed: period.feed && { fetchedAt: period.feed.fetchedAt === null ? null : toIso(period.feed.fetchedAt), checkedAt: toIso(period.feed.checkedAt), error: period.feed.error },
        items,
        measure: presentMeasure(report.measure),
      };
    },
  );
}
