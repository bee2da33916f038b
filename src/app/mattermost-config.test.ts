import { expect, it } from 'vitest';
import { configSummary } from '../cli/config-summary.js';
import { configuredChannels } from './configured-channels.js';
import { ConfigError, loadConfig } from './config.js';

const base = { VIGIL_SECRET: 's'.repeat(32) };
const BOT = 'k9bq3xq5ttfrpd8yqhc1ejzwsa';
const COMMAND = 'ye1mxq7pwj8fpyc9k4m8nn6ofr';

it('configures Mattermost with the server URL and the bot token together, the command token optional', () => {
  const config = loadConfig({ ...base, VIGIL_MATTERMOST_URL: 'https://chat.example.com/', VIGIL_MATTERMOST_BOT_TOKEN: BOT });
  expect(config.mattermost).toEqual({ url: 'https://chat.example.com', botToken: BOT, commandToken: undefined });
  expect(configuredChannels(config).has('mattermost_channel')).toBe(true);
  expect(loadConfig({ ...base, VIGIL_MATTERMOST_URL: 'https://chat.example.com', VIGIL_MATTERMOST_BOT_TOKEN: BOT, VIGIL_MATTERMOST_COMMAND_TOKEN: COMMAND }).mattermost?.commandToken).toBe(COMMAND);
  expect(loadConfig(base).mattermost).toBeUndefined();
  expect(configuredChannels(loadConfig(base)).has('mattermost_channel')).toBe(false);
  expect(() => loadConfig({ ...base, VIGIL_MATTERMOST_URL: 'https://chat.example.com' })).toThrow(/VIGIL_MATTERMOST_URL and VIGIL_MATTERMOST_BOT_TOKEN go together/);
  expect(() => loadConfig({ ...base, VIGIL_MATTERMOST_BOT_TOKEN: BOT })).toThrow(ConfigError);
  expect(() => loadConfig({ ...base, VIGIL_MATTERMOST_COMMAND_TOKEN: COMMAND })).toThrow(/VIGIL_MATTERMOST_COMMAND_TOKEN needs/);
});

it('never prints either token', () => {
  const text = configSummary(loadConfig({ ...base, VIGIL_MATTERMOST_URL: 'https://chat.example.com', VIGIL_MATTERMOST_BOT_TOKEN: BOT, VIGIL_MATTERMOST_COMMAND_TOKEN: COMMAND }), 'VIGIL_SECRET').join('\n');
  expect(text).toContain('mattermost:');
  expect(text).not.toContain(BOT);
  expect(text).not.toContain(COMMAND);
});
