import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001-users-and-teams.js';
import * as m0002 from './migrations/0002-schedules.js';
import * as m0003 from './migrations/0003-incidents.js';
import * as m0004 from './migrations/0004-sms-replies.js';
import * as m0005 from './migrations/0005-contact-verification.js';
import * as m0006 from './migrations/0006-notices.js';
import * as m0007 from './migrations/0007-integration-keys.js';
import * as m0008 from './migrations/0008-heartbeats.js';
import * as m0009 from './migrations/0009-checks.js';
import * as m0010 from './migrations/0010-nodes.js';
import * as m0011 from './migrations/0011-paging-problems.js';
import * as m0012 from './migrations/0012-audit-log.js';
import * as m0014 from './migrations/0014-identity.js';
import * as m0015 from './migrations/0015-api-token-expiry.js';
import * as m0016 from './migrations/0016-schedule-versions.js';
import * as m0017 from './migrations/0017-integration-key-version.js';
import * as m0018 from './migrations/0018-incident-lease-index.js';
import * as m0019 from './migrations/0019-shadow-overrides.js';
import * as m0020 from './migrations/0020-time-off.js';
import * as m0021 from './migrations/0021-cover-requests.js';
import * as m0022 from './migrations/0022-coverage-gap-alerts.js';
import * as m0023 from './migrations/0023-holiday-calendars.js';
import * as m0025 from './migrations/0025-incident-alerts.js';
import * as m0026 from './migrations/0026-analytics-indexes.js';
import * as m0027 from './migrations/0027-urgency.js';
import * as m0028 from './migrations/0028-low-urgency-hours.js';
import * as m0029 from './migrations/0029-change-events.js';
import * as m0030 from './migrations/0030-incident-suppression.js';
import * as m0033 from './migrations/0033-monitor-dependencies.js';
import * as m0031 from './migrations/0031-event-rules.js';
import * as m0032 from './migrations/0032-alert-grouping.js';
import * as m0034 from './migrations/0034-manual-pages.js';
import * as m0035 from './migrations/0035-analytics-facts.js';
import * as m0036 from './migrations/0036-contact-secrets.js';
import * as m0037 from './migrations/0037-chat-messages.js';
import * as m0038 from './migrations/0038-pushover-receipts.js';
import * as m0039 from './migrations/0039-status-pages.js';
import * as m0040 from './migrations/0040-status-subscribers.js';
import * as m0041 from './migrations/0041-monitor-terms-version.js';
import * as m0042 from './migrations/0042-partial-indexes.js';

// Migrations are listed in code rather than read from a folder so the compiled
// server and the test runner see exactly the same set.
const migrations: Record<string, Migration> = {
  '0001-users-and-teams': m0001,
  '0002-schedules': m0002,
  '0003-incidents': m0003,
  '0004-sms-replies': m0004,
  '0005-contact-verification': m0005,
  '0006-notices': m0006,
  '0007-integration-keys': m0007,
  '0008-heartbeats': m0008,
  '0009-checks': m0009,
  '0010-nodes': m0010,
  '0011-paging-problems': m0011,
  '0012-audit-log': m0012,
  '0014-identity': m0014,
  '0015-api-token-expiry': m0015,
  '0016-schedule-versions': m0016,
  '0017-integration-key-version': m0017,
  '0018-incident-lease-index': m0018,
  '0019-shadow-overrides': m0019,
  '0020-time-off': m0020,
  '0021-cover-requests': m0021,
  '0022-coverage-gap-alerts': m0022,
  '0023-holiday-calendars': m0023,
  '0025-incident-alerts': m0025,
  '0026-analytics-indexes': m0026,
  '0027-urgency': m0027,
  '0028-low-urgency-hours': m0028,
  '0029-change-events': m0029,
  '0030-incident-suppression': m0030,
  '0033-monitor-dependencies': m0033,
  '0031-event-rules': m0031,
  '0032-alert-grouping': m0032,
  '0034-manual-pages': m0034,
  '0035-analytics-facts': m0035,
  '0036-contact-secrets': m0036,
  '0037-chat-messages': m0037,
  '0038-pushover-receipts': m0038,
  '0039-status-pages': m0039,
  '0040-status-subscribers': m0040,
  '0041-monitor-terms-version': m0041,
  '0042-partial-indexes': m0042,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export async function migrateToLatest({ db }: Database): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
