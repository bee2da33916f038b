import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const base = { VIGIL_SECRET: 's'.repeat(32) };

it('denies loopback and private destinations unless VIGIL_ALLOW_PRIVATE_DESTINATIONS opens them', () => {
  expect(loadConfig(base).destinationPolicy).toEqual({ allowPrivate: false, allowedRanges: [] });
  expect(loadConfig({ ...base, VIGIL_ALLOW_PRIVATE_DESTINATIONS: '1' }).destinationPolicy).toEqual({ allowPrivate: true, allowedRanges: [] });
  const listed = loadConfig({ ...base, VIGIL_ALLOW_PRIVATE_DESTINATIONS: '10.20.0.0/16, fd00::/8' }).destinationPolicy;
  expect(listed.allowedRanges.map(([net, bits]) => `${net.toString()}/${bits}`)).toEqual(['10.20.0.0/16', 'fd00::/8']);
});

it('stops at start on a value that is neither 0, 1 nor CIDRs, naming the variable', () => {
  expect(() => loadConfig({ ...base, VIGIL_ALLOW_PRIVATE_DESTINATIONS: 'yes' })).toThrow(ConfigError);
  expect(() => loadConfig({ ...base, VIGIL_ALLOW_PRIVATE_DESTINATIONS: '10.0.0.0/33' })).toThrow(/VIGIL_ALLOW_PRIVATE_DESTINATIONS: "10\.0\.0\.0\/33" is not a CIDR range/);
});
