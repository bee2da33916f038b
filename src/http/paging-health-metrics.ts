import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import { listPagingProblems } from '../store/paging-problems.js';
import type { DB } from '../store/schema.js';

/**
 * Policies whose first step reaches nobody, as the paging-health check last recorded them
 * (read at scrape time, so every node reports the same). Alert on
 * `vigil_policies_unreachable > 0`; the per-policy gauge says which.
 */
export function registerPagingHealthMetrics(registry: Registry, db: Kysely<DB>): void {
  const read = () => listPagingProblems(db).catch(() => null);
  new Gauge({
    name: 'vigil_policies_unreachable',
    help: 'Escalation policies whose first step reaches nobody with a verified, configured contact method now',
    registers: [registry],
    async collect() {
      // Unreadable (database down): keep the last value rather than fail the whole scrape.
      const problems = await read();
      if (problems) this.set(problems.length);
    },
  });
  new Gauge({
    name: 'vigil_policy_unreachable',
    help: '1 for each escalation policy whose first step reaches nobody now',
    labelNames: ['policy_id', 'policy'] as const,
    registers: [registry],
    async collect() {
      const problems = await read();
      if (!problems) return;
      this.reset();
      for (const p of problems) this.set({ policy_id: p.policyId, policy: p.policyName }, 1);
    },
  });
}
