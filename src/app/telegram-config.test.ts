import { expect, it } from 'vitest';
import { configSummary } from '../cli/config-summary.js';
import { configuredChannels } from './configured-channels.js';
import { ConfigError, loadConfig } from './config.js';

const base = { VIGIL_SECRET: 's'.repeat(32) };
const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SECRET = 'a-webhook-secret-0123456789';

it('configures Telegram with the bot token and the webhook secret together, and only then', () => {
  const config = loadConfig({ ...base, VIGIL_TELEGRAM_BOT_TOKEN: TOKEN, VIGIL_TELEGRAM_WEBHOOK_SECRET: SECRET, VIGIL_TELEGRAM_API_URL: 'http://127.0.0.1:8081/' });
  expect(config.telegram).toEqual({ botToken: TOKEN, webhookSecret: SECRET, apiUrl: 'http://127.0.0.1:8081' });
  expect(configuredChannels(config).has('telegram')).toBe(true);
  expect(loadConfig(base).telegram).toBeUndefined();
  expect(configuredChannels(loadConfig(base)).has('telegram')).toBe(false);
  expect(() => loadConfig({ ...base, VIGIL_TELEGRAM_BOT_TOKEN: TOKEN })).toThrow(/VIGIL_TELEGRAM_BOT_TOKEN and VIGIL_TELEGRAM_WEBHOOK_SECRET go together/);
  expect(() => loadConfig({ ...base, VIGIL_TELEGRAM_WEBHOOK_SECRET: SECRET })).toThrow(ConfigError);
});

it('refuses a token or a secret Telegram would not take, and never prints them', () => {
  expect(() => loadConfig({ ...base, VIGIL_TELEGRAM_BOT_TOKEN: 'not-a-token', VIGIL_TELEGRAM_WEBHOOK_SECRET: SECRET })).toThrow(/VIGIL_TELEGRAM_BOT_TOKEN/);
  // setWebhook's secret_token: 1-256 of A-Z, a-z, 0-9, _ and -; Vigil asks for 16 at least.
  expect(() => loadConfig({ ...base, VIGIL_TELEGRAM_BOT_TOKEN: TOKEN, VIGIL_TELEGRAM_WEBHOOK_SECRET: 'short' })).toThrow(/VIGIL_TELEGRAM_WEBHOOK_SECRET/);
  expect(() => loadConfig({ ...base, VIGIL_TELEGRAM_BOT_TOKEN: TOKEN, VIGIL_TELEGRAM_WEBHOOK_SECRET: 'has spaces in it, sixteen+' })).toThrow(ConfigError);
  const text = configSummary(loadConfig({ ...base, VIGIL_TELEGRAM_BOT_TOKEN: TOKEN, VIGIL_TELEGRAM_WEBHOOK_SECRET: SECRET }), 'VIGIL_SECRET').join('\n');
  expect(text).toContain('telegram:');
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(SECRET);
});
