import type { ApiMonitor, ApiPolicy, ApiRule, ApiSchedule, ApiSnapshot, ApiTeam, ApiUser } from '../../core/config/to-document.js';
import type { VigilApi } from '../vigil-api.js';

// One team's or schedule's details at a time would be slow on a large setup; a few at once is enough.
async function eachLimited<T, R>(items: T[], fn: (item: T) => Promise<R>, limit = 8): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Everything the configuration names, read through the API with the caller's token. */
export async function readSnapshot(api: VigilApi): Promise<ApiSnapshot> {
  const [users, teamList, scheduleList, policies, monitorList, global] = await Promise.all([
    api.all<ApiUser>('/users'),
    api.all<{ id: string }>('/teams'),
    api.all<{ id: string }>('/schedules'),
    api.all<ApiPolicy>('/escalation-policies'),
    api.all<ApiMonitor>('/monitors'),
    api.get<{ rules: ApiRule[] }>('/event-rules'),
  ]);
  const teams = await eachLimited(teamList, (t) => api.get<ApiTeam>(`/teams/${t.id}`));
  const schedules = await eachLimited(scheduleList, (s) => api.get<ApiSchedule>(`/schedules/${s.id}`));
  const monitors = await eachLimited(monitorList, async (m) => ({ ...m, rules: (await api.get<{ rules: ApiRule[] }>(`/monitors/${m.id}/event-rules`)).rules }));
  return { users, teams, schedules, policies, monitors, globalRules: global.rules };
}
