import type { CheckEffect } from '../core/monitor/types.js';
import type { Database } from '../store/database.js';
import { settleAlert, triggerAlert } from './incidents.js';

/** Opens or resolves a checked monitor's incidents as its checks decided. */
export async function applyCheckEffects(database: Database, monitorId: string, effects: CheckEffect[], now: number): Promise<void> {
  for (const effect of effects) {
    if (effect.type === 'open') {
      await triggerAlert(database, { monitorId, title: effect.title, description: effect.description, dedupKey: effect.dedupKey }, now);
    } else {
      await settleAlert(database, monitorId, effect.dedupKey, 'resolve', now);
    }
  }
}
