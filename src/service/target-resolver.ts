import type { Kysely } from 'kysely';
import type { Instant, Recipient, ResolveTargets, Target } from '../core/escalation/types.js';
import { resolveHistoryAt } from '../core/schedule/history.js';
import { pagedByLayer, pagedBySchedule } from '../core/schedule/paged.js';
import type { Resolution } from '../core/schedule/types.js';
import type { DB } from '../store/schema.js';
import { listMembers } from '../store/teams.js';
import { scheduleCache } from './schedule-cache.js';

/**
 * Loads everything the targets can refer to (schedules resolved at `at`, team rosters,
 * existing users) so that the pure state machine can resolve targets synchronously.
 * Schedules come compiled from this node's cache; rosters and users are single indexed
 * reads, cheaper than keeping a cache of them correct.
 */
export async function loadResolver(db: Kysely<DB>, targets: Target[], at: Instant): Promise<ResolveTargets> {
  const scheduleIds = new Set<string>();
  const teamIds = new Set<string>();
  const userIds = new Set<string>();
  for (const t of targets) {
    if (t.type === 'schedule' || t.type === 'schedule_layer' || t.type === 'schedule_all_layers') scheduleIds.add(t.scheduleId);
    if (t.type === 'team') teamIds.add(t.teamId);
    if (t.type === 'user') userIds.add(t.userId);
  }
  const resolutions = new Map<string, Resolution>();
  // A schedule deleted since the policy was written is missing: it resolves to nobody and the step is skipped.
  for (const [id, history] of await scheduleCache.histories(db, scheduleIds, at)) resolutions.set(id, resolveHistoryAt(history, at));
  const teams = new Map<string, string[]>();
  for (const id of teamIds) teams.set(id, (await listMembers(db, id)).map((m) => m.userId));
  const known = userIds.size === 0 ? new Set<string>() : new Set((await db.selectFrom('users').select('id').where('id', 'in', [...userIds]).execute()).map((r) => r.id));

  const usersOf = (t: Target): string[] => {
    switch (t.type) {
      case 'schedule': {
        const resolution = resolutions.get(t.scheduleId);
        return resolution ? pagedBySchedule(resolution) : [];
      }
      case 'schedule_layer': {
        const layer = resolutions.get(t.scheduleId)?.layers.find((l) => l.layerId === t.layerId);
        return layer ? pagedByLayer(layer) : [];
      }
      case 'schedule_all_layers':
        return (resolutions.get(t.scheduleId)?.layers ?? []).flatMap(pagedByLayer);
      case 'team':
        return teams.get(t.teamId) ?? [];
      case 'user':
        return known.has(t.userId) ? [t.userId] : [];
      default:
        return [];
    }
  };

  return (stepTargets) => {
    const recipients: Recipient[] = [];
    const seen = new Set<string>();
    const add = (key: string, r: Recipient) => {
      if (!seen.has(key)) {
        seen.add(key);
        recipients.push(r);
      }
    };
    for (const t of stepTargets) {
      if (t.type === 'webhook' || t.type === 'slack' || t.type === 'teams') add(`${t.type}:${t.url}`, { kind: t.type, url: t.url });
      else if (t.type === 'slack_channel' || t.type === 'mattermost_channel') add(`${t.type}:${t.channelId}`, { kind: t.type, channelId: t.channelId });
      else for (const userId of usersOf(t)) add(`user:${userId}`, { kind: 'user', userId });
    }
    return recipients;
  };
}
