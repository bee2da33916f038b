import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { TwilioConfig } from '../channels/twilio.js';
import type { PushoverConfig } from '../channels/pushover.js';
import type { MattermostConfig } from '../channels/mattermost-api.js';
import type { SlackConfig } from '../channels/slack-api.js';
import type { TelegramConfig } from '../channels/telegram-api.js';
import { loadOidcConfig, type OidcConfig } from './oidc-config.js';
import { parsePolicySetting, type DestinationPolicy } from '../core/destination-policy.js';
import { parseTrustedProxies } from '../core/trusted-proxies.js';
import type { IncidentActionsSetting } from '../core/incident-access.js';

const Env = Type.Object({
  VIGIL_HOST: Type.String({ default: '0.0.0.0' }),
  VIGIL_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  VIGIL_DATABASE_URL: Type.String({ default: 'sqlite:./data/vigil.db', pattern: '^(sqlite:|postgres(ql)?://)' }),
  VIGIL_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  VIGIL_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  VIGIL_LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  VIGIL_TEST_MODE: Type.Enum(['0', '1'], { default: '0' }),
  VIGIL_SEED_DEMO: Type.Enum(['0', '1'], { default: '1' }),
  VIGIL_DEMO_PASSWORD: Type.Optional(Type.String({ minLength: 12, maxLength: 512 })),
  VIGIL_TRUST_PROXY: Type.String({ default: '' }),
  VIGIL_WEB_DIR: Type.Optional(Type.String()),
  VIGIL_SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  VIGIL_EMAIL_FROM: Type.String({ default: 'Vigil <vigil@localhost>' }),
  VIGIL_TWILIO_ACCOUNT_SID: Type.Optional(Type.String({ minLength: 1 })),
  VIGIL_TWILIO_AUTH_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  VIGIL_TWILIO_FROM: Type.Optional(Type.String({ pattern: '^\\+[1-9]\\d{6,14}$' })),
  VIGIL_TWILIO_API_URL: Type.String({ pattern: '^https?://', default: 'https://api.twilio.com' }),
  VIGIL_PUSHOVER_APP_TOKEN: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{30}$' })),
  VIGIL_PUSHOVER_API_URL: Type.String({ pattern: '^https?://', default: 'https://api.pushover.net' }),
  VIGIL_TELEGRAM_BOT_TOKEN: Type.Optional(Type.String({ pattern: '^\\d+:[A-Za-z0-9_-]{20,}$' })),
  VIGIL_TELEGRAM_WEBHOOK_SECRET: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{16,256}$' })),
  VIGIL_TELEGRAM_API_URL: Type.String({ pattern: '^https?://', default: 'https://api.telegram.org' }),
  VIGIL_SLACK_BOT_TOKEN: Type.Optional(Type.String({ pattern: '^xoxb-[A-Za-z0-9-]+$' })),
  VIGIL_SLACK_SIGNING_SECRET: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{16,128}$' })),
  VIGIL_SLACK_API_URL: Type.String({ pattern: '^https?://', default: 'https://slack.com/api' }),
  VIGIL_MATTERMOST_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  VIGIL_MATTERMOST_BOT_TOKEN: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{20,64}$' })),
  VIGIL_MATTERMOST_COMMAND_TOKEN: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{20,64}$' })),
  VIGIL_CHECK_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 5000, default: 100 }),
  VIGIL_CHECK_RESULTS_DAYS: Type.Integer({ minimum: 1, maximum: 400, default: 7 }),
  VIGIL_CHECK_ROLLUPS_DAYS: Type.Integer({ minimum: 30, maximum: 3650, default: 400 }),
  VIGIL_AUDIT_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 400 }),
  VIGIL_INCIDENT_ACTIONS: Type.Enum(['team', 'everyone'], { default: 'team' }),
  VIGIL_ALLOW_PRIVATE_DESTINATIONS: Type.String({ default: '0' }),
});

export interface Config {
  host: string;
  port: number;
  databaseUrl: string;
  baseUrl: string;
  /** False when VIGIL_BASE_URL is unset and baseUrl is the localhost default. */
  baseUrlSet: boolean;
  /** Signs links and cookies; from VIGIL_SECRET or generated once into the data dir. */
  secret: string;
  logLevel: string;
  testMode: boolean;
  seedDemo: boolean;
  /** The demo owner's password from VIGIL_DEMO_PASSWORD; without it one is generated and printed once. */
  demoPassword: string | undefined;
  /** Reverse proxies whose X-Forwarded-For gives the client address (VIGIL_TRUST_PROXY); none when empty. */
  trustedProxies: string[];
  webDir: string | undefined;
  /** smtp(s)://user:pass@host:port; without it, email contact methods cannot be paged. */
  smtpUrl: string | undefined;
  emailFrom: string;
  /** SMS and voice through a Twilio-compatible API; all of SID, token and from number, or none. */
  twilio: TwilioConfig | undefined;
  /** Pushover pages through the application whose token is VIGIL_PUSHOVER_APP_TOKEN; none without it. */
  pushover?: PushoverConfig | undefined;
  /** Pages through a Telegram bot; both the bot token and the webhook secret, or neither. */
  telegram?: TelegramConfig | undefined;
  /** The Slack app: its bot token posts and edits pages, its signing secret proves Slack's requests; both, or neither. */
  slack?: SlackConfig | undefined;
  /** The Mattermost server and its bot account: URL and bot token, or nothing; the slash command's token is optional. */
  mattermost?: MattermostConfig | undefined;
  /** Checks in flight at once on one node. */
  checkConcurrency: number;
  /** How long every check result is kept, and the hourly rollups behind uptime. */
  checkRetention: { resultsDays: number; rollupsDays: number };
  /** Single sign-on with OpenID Connect; see oidc-config.ts. */
  oidc?: OidcConfig | undefined;
  /** How long audit log entries are kept. */
  auditRetentionDays: number;
  /** Which addresses checks, webhooks and Slack may reach: public ones, plus what the operator opened. */
  destinationPolicy: DestinationPolicy;
  /** Who may act on an incident besides admins: members of the monitor's team, or every responder. */
  incidentActions: IncidentActionsSetting;
}

export class ConfigError extends Error {}

/** Reads and validates the whole configuration at once, reporting every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.keys(Env.properties).filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const value = Value.Convert(Env, Value.Default(Env, raw));
  const errors = [...Value.Errors(Env, value)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.instancePath.slice(1) || '(env)'}: ${e.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const v = value as Static<typeof Env>;
  const twilioVars = [v.VIGIL_TWILIO_ACCOUNT_SID, v.VIGIL_TWILIO_AUTH_TOKEN, v.VIGIL_TWILIO_FROM];
  if (twilioVars.some((x) => x !== undefined) && twilioVars.some((x) => x === undefined)) {
    throw new ConfigError('Invalid configuration:\n  VIGIL_TWILIO_ACCOUNT_SID, VIGIL_TWILIO_AUTH_TOKEN and VIGIL_TWILIO_FROM go together');
  }
  if ((v.VIGIL_TELEGRAM_BOT_TOKEN === undefined) !== (v.VIGIL_TELEGRAM_WEBHOOK_SECRET === undefined)) {
    throw new ConfigError('Invalid configuration:\n  VIGIL_TELEGRAM_BOT_TOKEN and VIGIL_TELEGRAM_WEBHOOK_SECRET go together');
  }
  if ((v.VIGIL_SLACK_BOT_TOKEN === undefined) !== (v.VIGIL_SLACK_SIGNING_SECRET === undefined)) {
    throw new ConfigError('Invalid configuration:\n  VIGIL_SLACK_BOT_TOKEN and VIGIL_SLACK_SIGNING_SECRET go together');
  }
  if ((v.VIGIL_MATTERMOST_URL === undefined) !== (v.VIGIL_MATTERMOST_BOT_TOKEN === undefined)) {
    throw new ConfigError('Invalid configuration:\n  VIGIL_MATTERMOST_URL and VIGIL_MATTERMOST_BOT_TOKEN go together');
  }
  if (v.VIGIL_MATTERMOST_COMMAND_TOKEN !== undefined && v.VIGIL_MATTERMOST_URL === undefined) {
    throw new ConfigError('Invalid configuration:\n  VIGIL_MATTERMOST_COMMAND_TOKEN needs VIGIL_MATTERMOST_URL and VIGIL_MATTERMOST_BOT_TOKEN');
  }
  const destinationPolicy = parsePolicySetting(v.VIGIL_ALLOW_PRIVATE_DESTINATIONS);
  if ('error' in destinationPolicy) throw new ConfigError(`Invalid configuration:\n  VIGIL_ALLOW_PRIVATE_DESTINATIONS: ${destinationPolicy.error}`);
  const trusted = parseTrustedProxies(v.VIGIL_TRUST_PROXY);
  if ('error' in trusted) throw new ConfigError(`Invalid configuration:\n  VIGIL_TRUST_PROXY: ${trusted.error}`);
  const oidc = loadOidcConfig(env);
  if (oidc.errors.length > 0) throw new ConfigError(`Invalid configuration:\n${oidc.errors.map((e) => `  ${e}`).join('\n')}`);
  const baseUrl = (v.VIGIL_BASE_URL ?? `http://localhost:${v.VIGIL_PORT}`).replace(/\/$/, '');
  return {
    host: v.VIGIL_HOST,
    port: v.VIGIL_PORT,
    databaseUrl: v.VIGIL_DATABASE_URL,
    baseUrl,
    baseUrlSet: v.VIGIL_BASE_URL !== undefined,
    secret: v.VIGIL_SECRET ?? persistedSecret(v.VIGIL_DATABASE_URL),
    logLevel: v.VIGIL_LOG_LEVEL,
    testMode: v.VIGIL_TEST_MODE === '1',
    seedDemo: v.VIGIL_SEED_DEMO === '1',
    demoPassword: v.VIGIL_DEMO_PASSWORD,
    trustedProxies: trusted.proxies,
    webDir: v.VIGIL_WEB_DIR,
    smtpUrl: v.VIGIL_SMTP_URL,
    emailFrom: v.VIGIL_EMAIL_FROM,
    twilio:
      v.VIGIL_TWILIO_ACCOUNT_SID && v.VIGIL_TWILIO_AUTH_TOKEN && v.VIGIL_TWILIO_FROM
        ? { accountSid: v.VIGIL_TWILIO_ACCOUNT_SID, authToken: v.VIGIL_TWILIO_AUTH_TOKEN, from: v.VIGIL_TWILIO_FROM, apiUrl: v.VIGIL_TWILIO_API_URL.replace(/\/$/, '') }
        : undefined,
    telegram:
      v.VIGIL_TELEGRAM_BOT_TOKEN && v.VIGIL_TELEGRAM_WEBHOOK_SECRET
        ? { botToken: v.VIGIL_TELEGRAM_BOT_TOKEN, webhookSecret: v.VIGIL_TELEGRAM_WEBHOOK_SECRET, apiUrl: v.VIGIL_TELEGRAM_API_URL.replace(/\/$/, '') }
        : undefined,
    slack:
      v.VIGIL_SLACK_BOT_TOKEN && v.VIGIL_SLACK_SIGNING_SECRET
        ? { botToken: v.VIGIL_SLACK_BOT_TOKEN, signingSecret: v.VIGIL_SLACK_SIGNING_SECRET, apiUrl: v.VIGIL_SLACK_API_URL.replace(/\/$/, '') }
        : undefined,
    mattermost:
      v.VIGIL_MATTERMOST_URL && v.VIGIL_MATTERMOST_BOT_TOKEN
        ? { url: v.VIGIL_MATTERMOST_URL.replace(/\/$/, ''), botToken: v.VIGIL_MATTERMOST_BOT_TOKEN, commandToken: v.VIGIL_MATTERMOST_COMMAND_TOKEN }
        : undefined,
    pushover: v.VIGIL_PUSHOVER_APP_TOKEN ? { appToken: v.VIGIL_PUSHOVER_APP_TOKEN, apiUrl: v.VIGIL_PUSHOVER_API_URL.replace(/\/$/, '') } : undefined,
    checkConcurrency: v.VIGIL_CHECK_CONCURRENCY,
    checkRetention: { resultsDays: v.VIGIL_CHECK_RESULTS_DAYS, rollupsDays: v.VIGIL_CHECK_ROLLUPS_DAYS },
    oidc: oidc.config,
    auditRetentionDays: v.VIGIL_AUDIT_RETENTION_DAYS,
    destinationPolicy,
    incidentActions: v.VIGIL_INCIDENT_ACTIONS,
  };
}

// Without VIGIL_SECRET an embedded install still needs a stable secret across
// restarts, so one is generated beside the SQLite file (or in ./data for PostgreSQL).
function persistedSecret(databaseUrl: string): string {
  const dir = databaseUrl.startsWith('sqlite:') ? path.dirname(databaseUrl.slice('sqlite:'.length)) : './data';
  const file = path.join(dir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
