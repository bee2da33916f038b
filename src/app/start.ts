import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { DeliveryError, type Channels, type Message } from '../channels/channel.js';
import type { ContactKind } from '../store/schema.js';
import { emailChannel } from '../channels/email.js';
import { incidentLinks } from '../channels/incident-links.js';
import { slackChannel } from '../channels/slack.js';
import { slackAppChannel, slackUpdater } from '../channels/slack-app.js';
import { mattermostChannel, mattermostDirectChannel, mattermostUpdater } from '../channels/mattermost.js';
import { telegramChannel, telegramUpdater } from '../channels/telegram.js';
import { ntfyChannel } from '../channels/ntfy.js';
import { openNtfyToken } from '../security/ntfy-token-box.js';
import { contactSecretFor } from '../store/contacts.js';
import { smsChannel, voiceChannel } from '../channels/twilio.js';
import { pushoverAlarmStopper, pushoverApi, pushoverChannel } from '../channels/pushover.js';
import { PushoverReceiptLoop } from '../service/pushover-receipts.js';
import { replyCodeFor } from '../store/reply-codes.js';
import { teamsChannel } from '../channels/teams.js';
import { webhookChannel } from '../channels/webhook.js';
import { webhookSigningKeys } from '../security/webhook-signing-key.js';
import { Engine } from '../engine/engine.js';
import type { ChatUpdaters } from '../engine/chat-sync.js';
import { NodePresence } from '../engine/node-presence.js';
import { HttpProber } from '../probes/http-probe.js';
import { createProbe } from '../probes/probe.js';
import { CheckScheduler } from '../probes/scheduler.js';
import { buildServer } from '../http/server.js';
import { registerDomainMetrics } from '../http/domain-metrics.js';
import type { Api } from '../http/app-types.js';
import { openDatabase, type Database } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { withStartupLock } from '../store/startup-lock.js';
import { TestClock, systemClock, type Clock } from '../kernel/clock.js';
import type { Config } from './config.js';
import { seedDemoOnce } from './seed-demo.js';
import { limitHeapGrowth } from './heap-growth.js';
import { warnAboutLocalhostLinks } from './localhost-links-warning.js';
import { SharedTestClock } from './shared-test-clock.js';
import { configuredChannels } from './configured-channels.js';
import { PagingHealthLoop } from '../service/paging-health-loop.js';
import { AuditRetentionLoop } from '../service/audit-retention-loop.js';
import { GapAlertLoop } from '../service/gap-alert-loop.js';
import { TimeOffImportLoop } from '../service/time-off-import.js';
import { StatusNoticeLoop } from '../service/status-notices.js';
import { statusDelivery } from '../channels/status-delivery.js';

export interface Vigil {
  app: Api;
  database: Database;
  clock: Clock;
  engine: Engine;
  scheduler: CheckScheduler;
  pagingHealth: PagingHealthLoop;
  auditRetention: AuditRetentionLoop;
  gapAlerts: GapAlertLoop;
  timeOffImport: TimeOffImportLoop;
  /** Sends status page subscribers their notices (service/status-notices.ts). */
  statusNotices: StatusNoticeLoop;
  /** Reads emergency pages' receipts back as acknowledgements; null without Pushover. */
  pushoverReceipts: PushoverReceiptLoop | null;
  stop(): Promise<void>;
}

/** Where the demo owner's generated password is shown: the console, never the logger. */
const toConsole = (text: string) => void process.stdout.write(text);

/**
 * Wires one Vigil node: database, migrations, demo seed, HTTP server (not yet listening).
 * `announce` receives the one-time demo password banner (tests read it).
 */
export async function startVigil(config: Config, logger: Logger, options: { frozenAt?: number; announce?: (text: string) => void } = {}): Promise<Vigil> {
  limitHeapGrowth();
  warnAboutLocalhostLinks(config, logger);
  const database = openDatabase(config.databaseUrl, { checkpointInBackground: { onError: (err) => logger.error({ err }, 'the SQLite checkpoint thread failed; the connection checkpoints by itself again') } });
  const testClock = config.testMode ? new TestClock() : null;
  // Tests that seed "in the past" freeze the clock before anything reads it.
  if (testClock && options.frozenAt !== undefined) testClock.freeze(options.frozenAt);
  if (testClock) logger.warn('TEST MODE: the clock can be changed through /api/v1/test/clock; never run production like this');
  const clock = testClock ?? systemClock;
  await withStartupLock(database, async () => {
    await migrateToLatest(database);
    if (config.seedDemo) await seedDemoOnce(database, clock.now(), logger, config.demoPassword, options.announce ?? toConsole);
  });
  const sharedClock = testClock ? new SharedTestClock(database, testClock, logger) : null;
  await sharedClock?.start();
  const pushover = config.pushover ? pushoverApi(config.pushover) : null;
  const channels: Channels = {
    webhook: webhookChannel(webhookSigningKeys(config.secret), config.destinationPolicy, () => clock.now()),
    slack: slackChannel(config.destinationPolicy),
    teams: teamsChannel(config.destinationPolicy),
    ntfy: ntfyChannel(
      config.destinationPolicy,
      async (m) => {
        const sealed = m.recipientId ? await contactSecretFor(database.db, m.recipientId, 'ntfy', m.address) : null;
        return sealed === null ? null : openNtfyToken(config.secret, sealed);
      },
    ),
    ...(pushover && { pushover: pushoverChannel(pushover) }),
    ...(config.telegram && { telegram: telegramChannel(config.telegram) }),
    ...(config.slack && { slack_channel: slackAppChannel(config.slack), slack_dm: slackAppChannel(config.slack) }),
    ...(config.mattermost && {
      mattermost_channel: mattermostChannel(config.mattermost, config.secret, config.baseUrl),
      mattermost_dm: mattermostDirectChannel(config.mattermost, config.secret, config.baseUrl),
    }),
    ...(config.smtpUrl && { email: emailChannel(config.smtpUrl, config.emailFrom, incidentLinks(config, clock)) }),
    ...(config.twilio && {
      sms: smsChannel(
        config.twilio,
        (m, incident) => (m.recipientId ? replyCodeFor(database.db, m.address, m.recipientId, incident.id, clock.now()) : Promise.resolve(null)),
        config.baseUrl,
      ),
      voice: voiceChannel(config.twilio, config.baseUrl),
    }),
  };
  const registry = new Registry();
  const meters = registerDomainMetrics(registry, database, clock);
  let engine: Engine | null = null;
  const presence = new NodePresence({ database, clock, logger, held: () => engine?.held() ?? { incidents: [], notifications: [] }, onReaped: () => engine?.wake() });
  // Messages kept showing their incident's state (engine/chat-sync.ts), by channel kind.
  const chatUpdaters: ChatUpdaters = {
    ...(pushover && { pushover: pushoverAlarmStopper(pushover) }),
    ...(config.telegram && { telegram: telegramUpdater(config.telegram) }),
    ...(config.slack && { slack_channel: slackUpdater(config.slack), slack_dm: slackUpdater(config.slack) }),
    ...(config.mattermost && { mattermost_channel: mattermostUpdater(config.mattermost, config.secret, config.baseUrl), mattermost_dm: mattermostUpdater(config.mattermost, config.secret, config.baseUrl) }),
  };
  engine = new Engine({ database, clock, logger, channels, baseUrl: config.baseUrl, owner: presence.id, onPage: meters.onPage, chatUpdaters });
  const sendDirect = async (kind: ContactKind, message: Message) => {
    const channel = channels[kind];
    if (!channel) throw new DeliveryError(`no ${kind} channel is configured`);
    await channel.send(message);
  };
  const httpProber = new HttpProber(config.destinationPolicy);
  const scheduler = new CheckScheduler(
    { database, clock, logger, probe: createProbe(httpProber, config.destinationPolicy), wakeEngine: () => engine.wake(), retention: config.checkRetention, onCheck: meters.onCheck },
    { concurrency: config.checkConcurrency },
  );
  const pagingHealth = new PagingHealthLoop({ db: database.db, configured: configuredChannels(config), baseUrl: config.baseUrl, clock, logger });
  const auditRetention = new AuditRetentionLoop({ db: database.db, retentionDays: config.auditRetentionDays, clock, logger });
  const gapAlerts = new GapAlertLoop({ db: database.db, baseUrl: config.baseUrl, clock, logger, wakeEngine: () => engine.wake() });
  const pushoverReceipts = pushover && new PushoverReceiptLoop({ database, api: pushover, clock, logger, incidentActions: config.incidentActions, wakeEngine: () => engine.wake() });
  const timeOffImport = new TimeOffImportLoop({ db: database.db, clock, logger, policy: config.destinationPolicy, wakeEngine: () => engine.wake() });
  const statusNotices = new StatusNoticeLoop({
    database,
    clock,
    logger,
    delivery: statusDelivery({ smtpUrl: config.smtpUrl, emailFrom: config.emailFrom, secret: config.secret, destinationPolicy: config.destinationPolicy, now: () => clock.now() }),
    baseUrl: config.baseUrl,
    secret: config.secret,
    owner: presence.id,
  });
  // The loops without which this node cannot page; paging health reports through its own gauges.
  const loops = () => [engine.status(), scheduler.status(), presence.status()];
  const app = await buildServer({ config, database, clock, testClock, logger, wakeEngine: () => engine.wake(), wakeScheduler: () => scheduler.wake(), sendDirect, loops, registry, onIngest: meters.onIngest });
  await presence.beatNow();
  presence.start();
  engine.start();
  scheduler.start();
  pagingHealth.start();
  auditRetention.start();
  gapAlerts.start();
  timeOffImport.start();
  statusNotices.start();
  pushoverReceipts?.start();
  return {
    app,
    database,
    clock,
    engine,
    scheduler,
    pagingHealth,
    auditRetention,
    gapAlerts,
    timeOffImport,
    statusNotices,
    pushoverReceipts,
    async stop() {
      await pushoverReceipts?.stop();
      await statusNotices.stop();
      await timeOffImport.stop();
      await gapAlerts.stop();
      await auditRetention.stop();
      await pagingHealth.stop();
      await scheduler.stop();
      await httpProber.close();
      await engine.stop();
      await presence.stop();
      sharedClock?.stop();
      await app.close();
      await database.close();
    },
  };
}
