import { expect, it } from 'vitest';
import { configuredChannels } from './configured-channels.js';
import { ConfigError, loadConfig } from './config.js';

const base = { VIGIL_SECRET: 's'.repeat(32) };
const TOKEN = 'azGDORePK8gMaC0QOYAMyEEuzJnyUi';

it('configures Pushover from its app token alone, at api.pushover.net unless told otherwise', () => {
  expect(loadConfig(base).pushover).toBeUndefined();
  expect(configuredChannels(loadConfig(base)).has('pushover')).toBe(false);
  const config = loadConfig({ ...base, VIGIL_PUSHOVER_APP_TOKEN: TOKEN });
  expect(config.pushover).toEqual({ appToken: TOKEN, apiUrl: 'https://api.pushover.net' });
  expect(configuredChannels(config).has('pushover')).toBe(true);
  expect(loadConfig({ ...base, VIGIL_PUSHOVER_APP_TOKEN: TOKEN, VIGIL_PUSHOVER_API_URL: 'http://127.0.0.1:9/' }).pushover?.apiUrl).toBe('http://127.0.0.1:9');
});

it('stops at start on a token that is not 30 letters and digits, naming the variable', () => {
  expect(() => loadConfig({ ...base, VIGIL_PUSHOVER_APP_TOKEN: 'short' })).toThrow(ConfigError);
  expect(() => loadConfig({ ...base, VIGIL_PUSHOVER_APP_TOKEN: 'short' })).toThrow(/VIGIL_PUSHOVER_APP_TOKEN/);
});
