import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { historyTimelineRows } from '../../core/schedule/history.js';
import { primarySpans } from '../../core/schedule/primary-spans.js';
import { toHistory } from '../../service/schedule-edits.js';
import { createCalendarFeed, findCalendarFeed, listCalendarFeeds, revokeCalendarFeed, type CalendarFeedRow } from '../../store/calendar-feeds.js';
import { getScheduleRow, listAllScheduleIds, loadSchedule } from '../../store/schedules.js';
import type { Api } from '../app-types.js';
import { ProblemRef } from '../schemas/problem.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { directoryFor, userIdsOf } from '../schedule-presenter.js';
import { Id, IdParams, Instant, toIso } from '../schemas/common.js';
import { DAY } from '../../core/time/units.js';

/** Calendar apps show the recent past and plan ahead; beyond that a feed only grows. */
const PAST = 30 * DAY;
const AHEAD = 90 * DAY;

const FeedView = Type.Object({
  id: Id,
  scheduleId: Type.Union([Id, Type.Null()], { description: 'null: your own shifts across every schedule' }),
  createdAt: Instant,
});
const CreatedFeed = Type.Object({ ...FeedView.properties, url: Type.String({ description: 'Secret subscription URL; shown once' }) });

const toView = (f: CalendarFeedRow) => ({ id: f.id, scheduleId: f.schedule_id, createdAt: toIso(f.created_at) });

/** iCalendar (RFC 5545) subscriptions: per user (their own shifts) or per schedule (every primary shift). */
export function calendarFeedRoutes(api: Api, { database: { db }, clock, config }: HttpDeps): void {
  const tags = ['calendar feeds'];
  const feedUrl = (key: string) => `${config.baseUrl}/api/v1/calendar.ics?key=${key}`;

  api.get('/me/calendar-feeds', { schema: { tags, summary: 'Your calendar feeds', response: { 200: Type.Array(FeedView) } } }, async (req) =>
    (await listCalendarFeeds(db, actorOf(req).user.id)).map(toView),
  );

  api.post(
    '/me/calendar-feeds',
    {
      schema: {
        tags,
        summary: 'Create a secret iCal feed of your shifts, or of one schedule',
        body: Type.Object({ scheduleId: Type.Optional(Type.Union([Id, Type.Null()])) }, { additionalProperties: false }),
        response: { 201: CreatedFeed },
      },
    },
    async (req, reply) => {
      const scheduleId = req.body.scheduleId ?? null;
      if (scheduleId) {
        await getScheduleRow(db, scheduleId).catch(() => {
          throw new AppError('validation_failed', 'Unknown schedule', [{ path: '/body/scheduleId', message: 'is not an existing schedule' }]);
        });
      }
      const { key, feed } = await createCalendarFeed(db, actorOf(req).user.id, scheduleId, clock.now());
      return reply.code(201).send({ ...toView(feed), url: feedUrl(key) });
    },
  );

  api.delete(
    '/me/calendar-feeds/:id',
    { schema: { tags, summary: 'Revoke a feed: its URL stops working', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await revokeCalendarFeed(db, actorOf(req).user.id, req.params.id, clock.now());
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/calendar.ics',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The feed itself (text/calendar); the key is the credential',
        querystring: Type.Object({ key: Type.String({ minLength: 10, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: { description: 'An iCalendar feed of your shifts', content: { 'text/calendar': { schema: Type.String() } } }, 404: ProblemRef },
      },
    },
    async (req, reply) => {
      const found = await findCalendarFeed(db, req.query.key);
      if (!found) throw new AppError('not_found', 'Unknown or revoked calendar feed');
      const now = clock.now();
      const from = now - PAST;
      const to = now + AHEAD;
      const scheduleIds = found.feed.schedule_id ? [found.feed.schedule_id] : (await listAllScheduleIds(db)).map((s) => s.id);
      // Loaded by the first feed asked for, not by every server.
      const { default: ical } = await import('ical-generator');
      const calendar = ical({ name: 'Vigil on-call', prodId: { company: 'Vigil', product: 'on-call', language: 'EN' } });
      for (const scheduleId of scheduleIds) {
        const stored = await loadSchedule(db, scheduleId, { from, to });
        const users = await directoryFor(db, userIdsOf(stored));
        for (const segment of primarySpans(historyTimelineRows(toHistory(stored), from, to).final)) {
          if (!segment.primary) continue;
          if (!found.feed.schedule_id && segment.primary.userId !== found.owner.id) continue;
          const user = users(segment.primary.userId);
          calendar.createEvent({
            id: `${scheduleId}-${segment.start}-${user.id}@vigil`,
            start: new Date(segment.start),
            end: new Date(segment.end),
            stamp: new Date(now),
            summary: found.feed.schedule_id ? `On call: ${user.name}` : `On call: ${stored.row.name}`,
            description: `${user.name} is the primary on-call for ${stored.row.name} (${segment.primary.source}).`,
            url: `${config.baseUrl}/schedules/${scheduleId}`,
          });
        }
      }
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(calendar.toString());
    },
  );
}
