import { Counter, Gauge, type Registry } from 'prom-client';
import type { PageObserver } from '../engine/dispatcher.js';
import type { Clock } from '../kernel/clock.js';
import type { CheckRecord } from '../store/checks.js';
import type { Database } from '../store/database.js';
import { countOpenIncidents, oldestDue, type DueWork } from '../store/operational-figures.js';
import { countSchedulesWithGaps } from '../store/gap-scans.js';

/** What the engine, the check scheduler and the ingest endpoints report as they work. */
export interface DomainMeters {
  onPage: PageObserver;
  onCheck: (record: CheckRecord) => void;
  onIngest: (source: string, action: string) => void;
}

/**
 * The figures an operator alerts on (docs/OPERATIONS.md#monitoring-vigil). Counters are
 * this node's own (sum them over nodes); gauges are read from the database at scrape
 * time, so every node reports the same and a lag shows even when no node is working.
 */
export function registerDomainMetrics(registry: Registry, database: Database, clock: Clock): DomainMeters {
  const pages = new Counter({
    name: 'vigil_pages_total',
    help: 'Pages this node tried to send, by channel and outcome (sent, retrying, failed for good)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry],
  });
  const checks = new Counter({
    name: 'vigil_checks_total',
    help: 'Checks this node ran, by result (up or failed)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const ingested = new Counter({
    name: 'vigil_ingest_events_total',
    help: 'Events accepted by the integration endpoints of this node, by source and action',
    labelNames: ['source', 'action'] as const,
    registers: [registry],
  });

  new Gauge({
    name: 'vigil_incidents_open',
    help: 'Open incidents by owning team and state',
    labelNames: ['team', 'status'] as const,
    registers: [registry],
    async collect() {
      // Unreadable (database down): keep the last figures rather than fail the whole scrape.
      const open = await countOpenIncidents(database.db).catch(() => null);
      if (!open) return;
      this.reset();
      for (const { team, status, count } of open) this.set({ team, status }, count);
    },
  });
  new Gauge({
    name: 'vigil_schedules_with_coverage_gaps',
    help: 'Schedules paged through by a policy whose last daily scan (or intended-gap change) found gaps ahead that nobody marked intended',
    registers: [registry],
    async collect() {
      const count = await countSchedulesWithGaps(database.db).catch(() => undefined);
      if (count !== undefined) this.set(count);
    },
  });
  const lags: [string, string, DueWork][] = [
    ['vigil_engine_lag_seconds', 'Now minus the oldest escalation step that is due and not taken yet (0 when none is due)', 'step'],
    ['vigil_page_queue_lag_seconds', 'Now minus the oldest page that is due and not sent yet (0 when none is due)', 'page'],
    ['vigil_check_lag_seconds', 'Now minus the oldest check that is due and not started yet (0 when none is due)', 'check'],
  ];
  for (const [name, help, work] of lags) {
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const now = clock.now();
        const at = await oldestDue(database.db, work, now).catch(() => undefined);
        if (at !== undefined) this.set(at === null ? 0 : (now - at) / 1000);
      },
    });
  }

  return {
    onPage: (channel, outcome) => pages.inc({ channel, outcome }),
    onCheck: (record) => checks.inc({ result: record.outcome.ok ? 'up' : 'failed' }),
    onIngest: (source, action) => ingested.inc({ source, action }),
  };
}
