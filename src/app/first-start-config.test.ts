import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const base = { VIGIL_SECRET: 's'.repeat(32) };

it('takes the demo owner password from VIGIL_DEMO_PASSWORD only when it is at least 12 characters', () => {
  expect(loadConfig(base).demoPassword).toBeUndefined();
  expect(loadConfig({ ...base, VIGIL_DEMO_PASSWORD: 'twelve chars' }).demoPassword).toBe('twelve chars');
  expect(() => loadConfig({ ...base, VIGIL_DEMO_PASSWORD: 'vigil-demo' })).toThrow(ConfigError);
  expect(() => loadConfig({ ...base, VIGIL_DEMO_PASSWORD: 'vigil-demo' })).toThrow(/VIGIL_DEMO_PASSWORD/);
  // The value itself is never echoed back in the error.
  expect(() => loadConfig({ ...base, VIGIL_DEMO_PASSWORD: 'vigil-demo' })).not.toThrow(/vigil-demo/);
});

it('knows whether VIGIL_BASE_URL was set or defaulted to localhost', () => {
  expect(loadConfig(base)).toMatchObject({ baseUrl: 'http://localhost:8080', baseUrlSet: false });
  expect(loadConfig({ ...base, VIGIL_BASE_URL: 'https://vigil.example.com/' })).toMatchObject({ baseUrl: 'https://vigil.example.com', baseUrlSet: true });
});

it('trusts no proxy unless VIGIL_TRUST_PROXY lists some, and stops at start on a bad entry', () => {
  expect(loadConfig(base).trustedProxies).toEqual([]);
  expect(loadConfig({ ...base, VIGIL_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustedProxies).toEqual(['loopback', '10.0.0.0/8']);
  expect(() => loadConfig({ ...base, VIGIL_TRUST_PROXY: 'true' })).toThrow(/VIGIL_TRUST_PROXY: "true" is not an address/);
});
