import { expect, it } from 'vitest';
import { configSummary } from '../cli/config-summary.js';
import { configuredChannels } from './configured-channels.js';
import { ConfigError, loadConfig } from './config.js';

const base = { VIGIL_SECRET: 's'.repeat(32) };
const TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp';
const SIGNING = '8f742231b10e8888abcd99yyyzzz85a5';

it('configures the Slack app with the bot token and the signing secret together, and only then', () => {
  const config = loadConfig({ ...base, VIGIL_SLACK_BOT_TOKEN: TOKEN, VIGIL_SLACK_SIGNING_SECRET: SIGNING, VIGIL_SLACK_API_URL: 'http://127.0.0.1:9000/api/' });
  expect(config.slack).toEqual({ botToken: TOKEN, signingSecret: SIGNING, apiUrl: 'http://127.0.0.1:9000/api' });
  expect(loadConfig({ ...base, VIGIL_SLACK_BOT_TOKEN: TOKEN, VIGIL_SLACK_SIGNING_SECRET: SIGNING }).slack?.apiUrl).toBe('https://slack.com/api');
  expect([...configuredChannels(config)].filter((k) => k.startsWith('slack_'))).toEqual(['slack_channel', 'slack_dm']);
  expect(loadConfig(base).slack).toBeUndefined();
  expect(configuredChannels(loadConfig(base)).has('slack_channel')).toBe(false);
  expect(() => loadConfig({ ...base, VIGIL_SLACK_BOT_TOKEN: TOKEN })).toThrow(/VIGIL_SLACK_BOT_TOKEN and VIGIL_SLACK_SIGNING_SECRET go together/);
  expect(() => loadConfig({ ...base, VIGIL_SLACK_SIGNING_SECRET: SIGNING })).toThrow(ConfigError);
});

it('refuses a user token where the bot token goes, and never prints either secret', () => {
  expect(() => loadConfig({ ...base, VIGIL_SLACK_BOT_TOKEN: 'xoxp-1-user-token', VIGIL_SLACK_SIGNING_SECRET: SIGNING })).toThrow(/VIGIL_SLACK_BOT_TOKEN/);
  expect(() => loadConfig({ ...base, VIGIL_SLACK_BOT_TOKEN: TOKEN, VIGIL_SLACK_SIGNING_SECRET: 'short' })).toThrow(/VIGIL_SLACK_SIGNING_SECRET/);
  const text = configSummary(loadConfig({ ...base, VIGIL_SLACK_BOT_TOKEN: TOKEN, VIGIL_SLACK_SIGNING_SECRET: SIGNING }), 'VIGIL_SECRET').join('\n');
  expect(text).toContain('slack:');
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(SIGNING);
});
