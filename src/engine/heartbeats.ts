import { triggerAlert } from '../service/incidents.js';
import type { Database } from '../store/database.js';
import { claimOverdueHeartbeats, HEARTBEAT_DEDUP_KEY, type HeartbeatConfig } from '../store/monitors.js';

/** Opens an incident for every heartbeat monitor whose beat is overdue. */
export async function checkHeartbeats(database: Database, now: number): Promise<number> {
  const overdue = await claimOverdueHeartbeats(database.db, now);
  for (const monitor of overdue) {
    const { intervalSeconds, graceSeconds } = JSON.parse(monitor.config) as HeartbeatConfig;
    await triggerAlert(
      database,
      {
        monitorId: monitor.id,
        title: `No heartbeat from ${monitor.name}`,
        description: `Expected every ${intervalSeconds} s (with ${graceSeconds} s grace); none arrived in time.`,
        dedupKey: HEARTBEAT_DEDUP_KEY,
      },
      now,
    );
  }
  return overdue.length;
}
