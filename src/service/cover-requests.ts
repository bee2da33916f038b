import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import { acceptRefusal, candidatesFor, coverSpan, coverStatus, holdsThroughout, withdrawRefusal } from '../core/schedule/cover-request.js';
import { draftAt, layerIdsAt } from '../core/schedule/edit.js';
import { historyTimelineRows } from '../core/schedule/history.js';
import type { Instant, Range } from '../core/schedule/types.js';
import { noticeSpan } from '../core/time/notice-time.js';
import { DAY } from '../core/time/units.js';
import { audited } from '../store/audit.js';
import {
  closeCoverRequest,
  expiredCoverRequests,
  findCoverRequest,
  insertCoverRequest,
  overlappingOpenRequests,
  setCoverOverride,
  stateOf,
  teamResponderIds,
  type CoverRequestRow,
} from '../store/cover-requests.js';
import { insertOverride, loadSchedule, type StoredSchedule } from '../store/schedules.js';
import type { DB } from '../store/schema.js';
import { queueNotices, type PersonalNotice } from './personal-notices.js';
import { toHistory } from './schedule-edits.js';
import { withShiftChangeNotices } from './shift-change-notices.js';
import { transact } from '../store/transact.js';

/** As for overrides: a request spans at most a year and reaches at most two years ahead. */
const MAX_SPAN = 366 * DAY;
const MAX_AHEAD = 2 * 366 * DAY;

export interface NewCoverRequest {
  scheduleId: string;
  layerId: string | null;
  requesterId: string;
  start: Instant;
  end: Instant;
  note: string;
}

const invalid = (path: string, message: string, detail: string) => new AppError('validation_failed', detail, [{ path, message }]);

function scopeName(stored: StoredSchedule, layerId: string | null): string {
  const layer = layerId === null ? undefined : stored.layers.find((l) => l.id === layerId);
  return layer ? `${stored.row.name} (${layer.name})` : stored.row.name;
}

/**
 * Asks the requester's teammates to cover [start, end) (from now, for a span under way):
 * the requester must be on call there throughout. Everyone asked is told at once, with a
 * link to the request. Returns the request's id.
 */
export async function askForCover(db: Kysely<DB>, r: NewCoverRequest, now: Instant, links: { baseUrl: string }): Promise<string> {
  if (!(r.end > r.start)) throw invalid('/body/end', 'must be after start', 'The span is empty');
  if (r.end <= now) throw invalid('/body/end', 'must be in the future', 'This span is over');
  if (r.end - r.start > MAX_SPAN) throw invalid('/body/end', 'must be within 366 days of start', 'The span is too long');
  if (r.end > now + MAX_AHEAD) throw invalid('/body/end', 'must be within 732 days from now', 'The span is too far ahead');
  const span = coverSpan(r, now);
  const stored = await loadSchedule(db, r.scheduleId, { from: span.start, to: span.end });
  const history = toHistory(stored);
  let people: string[];
  if (r.layerId !== null) {
    const layer = stored.layers.find((l) => l.id === r.layerId);
    if (!layer || !layerIdsAt(history, span.start).includes(r.layerId)) throw invalid('/body/layerId', 'is not a layer of this schedule then', 'That layer is not part of this schedule');
    people = draftAt(layer, span.start).members;
  } else {
    people = await teamResponderIds(db, stored.row.team_id);
  }
  const rows = historyTimelineRows(history, span.start, span.end);
  const segments = r.layerId === null ? rows.final : (rows.layers.find((l) => l.layerId === r.layerId)?.segments ?? []);
  if (!holdsThroughout(segments, r.requesterId, span)) {
    const where = r.layerId === null ? 'this schedule' : 'this layer';
    throw invalid('/body/start', `you are not on call on ${where} for all of this span`, 'You can only ask for cover for a span you are on call for');
  }
  const candidates = candidatesFor(people, r.requesterId);
  if (candidates.length === 0) {
    throw invalid('/body/layerId', r.layerId === null ? 'the team has nobody else to ask' : 'the layer has nobody else in its rotation: ask the whole schedule (layerId null)', 'There is nobody to ask');
  }
  const asked = { ...r, ...span };
  if ((await overlappingOpenRequests(db, asked)).some((o) => coverStatus(o, now) === 'open')) throw new AppError('cover_already_asked');
  const id = await insertCoverRequest(db, { ...asked, candidates }, now);
  const requester = await db.selectFrom('users').select('name').where('id', '=', r.requesterId).executeTakeFirstOrThrow();
  const zones = await zonesOf(db, candidates);
  const scope = scopeName(stored, r.layerId);
  await queueNotices(
    db,
    candidates.map((userId) => ({
      userId,
      key: `cover-request:${id}:${userId}`,
      subject: `Can you cover ${scope}?`,
      text:
        `${requester.name} asks for cover on ${scope} from ${noticeSpan(span, zones.get(userId) ?? 'UTC')}.` +
        (r.note ? `\nNote: ${r.note}` : '') +
        `\nThe first to accept gets it: ${links.baseUrl}/cover-requests#${id}`,
    })),
    now,
  );
  return id;
}

async function zonesOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('users').select(['id', 'time_zone']).where('id', 'in', ids).execute();
  return new Map(rows.map((u) => [u.id, u.time_zone]));
}

/** What notices about a request name: its scope, and everyone's name and zone. */
interface RequestWords {
  scope: string;
  name: (userId: string, otherwise: string) => string;
  /** `span` as `userId` reads it, in their zone. */
  when: (userId: string, span: Range) => string;
}

async function wordsFor(db: Kysely<DB>, request: CoverRequestRow, now: Instant, alsoNamed: readonly string[] = []): Promise<RequestWords> {
  const stored = await loadSchedule(db, request.schedule_id, { from: now, to: now + 1 });
  const people = [...new Set([request.requester_id, ...request.candidates, ...(request.accepted_by ? [request.accepted_by] : []), ...alsoNamed])];
  const users = await db.selectFrom('users').select(['id', 'name', 'time_zone']).where('id', 'in', people).execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    scope: scopeName(stored, request.layer_id),
    name: (userId, otherwise) => byId.get(userId)?.name ?? otherwise,
    when: (userId, span) => noticeSpan(span, byId.get(userId)?.time_zone ?? 'UTC'),
  };
}

/**
 * Tells everyone asked but `except` that the request is closed, so nobody acts on it any
 * more: one notice each, keyed by how it closed, the request and the person.
 */
function closedNotices(request: CoverRequestRow, except: readonly string[], how: 'taken' | 'withdrawn' | 'expired', subject: string, text: (userId: string) => string): PersonalNotice[] {
  return request.candidates
    .filter((userId) => !except.includes(userId))
    .map((userId) => ({ userId, key: `cover-${how}:${request.id}:${userId}`, subject, text: text(userId) }));
}

/**
 * The first of those asked to accept gets a replace override for the span (the part not
 * yet past) and the request is closed, in one transaction: of two concurrent accepts one
 * wins and the other is refused (409), without an override. Requester and accepter are
 * told; whoever else's shifts it moves hears of it as of any override.
 */
export async function acceptCover(db: Kysely<DB>, scheduleId: string, requestId: string, userId: string, now: Instant): Promise<{ overrideId: string; span: Range }> {
  return transact(db, async (trx) => {
    const request = await findCoverRequest(trx, scheduleId, requestId);
    const refusal = acceptRefusal(stateOf(request), userId, now);
    if (refusal === 'not_asked') throw new AppError('forbidden', 'Only the people asked can take this request');
    if (refusal === 'closed') throw new AppError('cover_request_closed');
    const span = coverSpan(stateOf(request), now);
    const overrideId = await audited(trx, { entity: 'cover_request', id: requestId, action: 'update' }, async (t) => {
      if (!(await closeCoverRequest(t, requestId, { status: 'accepted', acceptedBy: userId }, now))) throw new AppError('cover_request_closed');
      const told = [userId, request.requester_id];
      const id = await withShiftChangeNotices(t, [scheduleId], now, told, (inner) =>
        insertOverride(inner, scheduleId, { layerId: request.layer_id, userId, mode: 'replace', ...span, createdBy: userId }, now),
      );
      await setCoverOverride(t, requestId, id);
      return id;
    });
    const { scope, name, when } = await wordsFor(trx, { ...request, accepted_by: userId }, now);
    const requester = name(request.requester_id, 'a teammate');
    await queueNotices(
      trx,
      [
        {
          userId: request.requester_id,
          key: `cover-accepted:${requestId}:${request.requester_id}`,
          subject: `Cover found: ${scope}`,
          text: `${name(userId, 'Someone')} covers ${scope} for you from ${when(request.requester_id, span)}. You are not on call then.`,
        },
        {
          userId,
          key: `cover-accepted:${requestId}:${userId}`,
          subject: `You cover ${scope}`,
          text: `You are on call for ${scope} from ${when(userId, span)}, covering for ${requester}.`,
        },
        ...closedNotices(request, [userId], 'taken', `Cover taken: ${scope}`, (to) => `${name(userId, 'Someone')} took ${requester}'s request for cover on ${scope} from ${when(to, stateOf(request))}. Nothing to do for you.`),
      ],
      now,
    );
    return { overrideId, span };
  });
}

/** The requester (or a manager of the team, or an admin: `isManager`) takes an open request back. */
export async function withdrawCover(db: Kysely<DB>, scheduleId: string, requestId: string, userId: string, isManager: boolean, now: Instant): Promise<void> {
  await transact(db, async (trx) => {
    const request = await findCoverRequest(trx, scheduleId, requestId);
    const refusal = withdrawRefusal(stateOf(request), userId, isManager, now);
    if (refusal === 'not_allowed') throw new AppError('forbidden', 'Only whoever asked, a manager of the team or an admin can withdraw this request');
    if (refusal === 'closed') throw new AppError('cover_request_closed');
    await audited(trx, { entity: 'cover_request', id: requestId, action: 'update' }, async (t) => {
      if (!(await closeCoverRequest(t, requestId, { status: 'withdrawn' }, now))) throw new AppError('cover_request_closed');
    });
    const { scope, name, when } = await wordsFor(trx, request, now, [userId]);
    const requester = name(request.requester_id, 'A teammate');
    const by = userId === request.requester_id ? requester : `${name(userId, 'A manager')}, for ${requester},`;
    await queueNotices(trx, closedNotices(request, [userId], 'withdrawn', `Cover no longer needed: ${scope}`, (to) => `${by} withdrew the request for cover on ${scope} from ${when(to, stateOf(request))}. Nothing to do for you.`), now);
  });
}

/**
 * Requests nobody took by their deadline: the requester hears that they are still on call,
 * and everyone asked that it is over. Looks back a day, so a node down at the deadline
 * still tells them when it is back; the keys make every later pass a no-op.
 */
export async function tellExpiredCoverRequests(db: Kysely<DB>, now: Instant): Promise<void> {
  for (const request of await expiredCoverRequests(db, now - DAY, now)) {
    if (coverStatus(stateOf(request), now) !== 'expired') continue;
    const { scope, name, when } = await wordsFor(db, request, now);
    const requester = name(request.requester_id, 'A teammate');
    await queueNotices(
      db,
      [
        {
          userId: request.requester_id,
          key: `cover-expired:${request.id}:${request.requester_id}`,
          subject: `No cover found: ${scope}`,
          text: `Nobody took your request for cover on ${scope} from ${when(request.requester_id, stateOf(request))}. You are still on call then.`,
        },
        ...closedNotices(request, [], 'expired', `Cover request expired: ${scope}`, (to) => `${requester}'s request for cover on ${scope} from ${when(to, stateOf(request))} expired untaken. Nothing to do for you.`),
      ],
      now,
    );
  }
}
