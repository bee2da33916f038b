import { inMaintenance } from '../core/monitor/maintenance.js';
import type { CheckedConfig, CheckState } from '../core/monitor/types.js';
import type { HeartbeatConfig, MonitorRow } from '../store/monitors.js';
import { isRateLimitedKind, rateLimitOf } from './ingest-rate-limit.js';
import { groupingView } from './monitor-grouping.js';
import { isCheckedKind, checkedView } from './monitor-config.js';
import { toIso } from './schemas/common.js';

export type MonitorStatus = 'up' | 'down' | 'pending' | 'paused' | 'maintenance';

// Request headers and bodies of HTTP checks often carry credentials for the target.
const HIDDEN = '(hidden)';

/**
 * A monitor as the API shows it; `hasOpenIncident` decides the status of unchecked kinds.
 * Those who cannot edit the monitor see the names of an HTTP check's headers, not their
 * values, nor its request body, nor its keyword (in the settings or the last result): a
 * keyword check is otherwise a way to read a response that its target never shows them.
 */
export function presentMonitor(row: MonitorRow, hasOpenIncident: boolean, now: number, canEdit: boolean) {
  const base = {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    kind: row.kind,
    policyId: row.policy_id,
    system: row.system === 1,
    urgency: row.urgency,
    paused: row.paused === 1,
    createdAt: toIso(row.created_at),
  };
  if (isCheckedKind(row.kind)) {
    const config = JSON.parse(row.config) as CheckedConfig;
    const keyword = config.http?.keyword;
    if (config.http && !canEdit) {
      config.http.headers = Object.fromEntries(Object.keys(config.http.headers).map((name) => [name, HIDDEN]));
      if (config.http.body !== undefined) config.http.body = HIDDEN;
      if (keyword !== undefined) config.http.keyword = HIDDEN;
    }
    const message = (text: string) => (!canEdit && keyword ? text.replaceAll(`"${keyword}"`, 'the keyword') : text);
    const state = row.check_state === null ? null : (JSON.parse(row.check_state) as CheckState);
    const status: MonitorStatus =
      row.paused === 1 ? 'paused' : inMaintenance(config.maintenance, now) ? 'maintenance' : (state?.status ?? 'pending');
    return {
      ...base,
      status,
      ...checkedView(row.kind, config),
      ...(state?.lastCheck && { lastCheck: { ...state.lastCheck, at: toIso(state.lastCheck.at), message: message(state.lastCheck.message) } }),
      ...(state?.certificateExpiresAt && { certificateExpiresAt: toIso(state.certificateExpiresAt) }),
      ...(row.next_check_at !== null && row.paused === 0 && { nextCheckAt: toIso(row.next_check_at) }),
    };
  }
  const status: MonitorStatus = row.paused === 1 ? 'paused' : hasOpenIncident ? 'down' : 'up';
  return {
    ...base,
    status,
    ...(row.kind === 'heartbeat' && { heartbeat: JSON.parse(row.config) as HeartbeatConfig }),
    ...(isRateLimitedKind(row.kind) && { rateLimit: rateLimitOf(row) }),
    ...groupingView(row),
  };
}
