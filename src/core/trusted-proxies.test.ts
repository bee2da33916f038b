import { expect, it } from 'vitest';
import { parseTrustedProxies } from './trusted-proxies.js';

it('reads addresses, CIDRs and the named ranges, and nothing from an empty value', () => {
  expect(parseTrustedProxies('127.0.0.1, 10.0.0.0/8,::1,loopback')).toEqual({ proxies: ['127.0.0.1', '10.0.0.0/8', '::1', 'loopback'] });
  expect(parseTrustedProxies('')).toEqual({ proxies: [] });
});

it('names the entry that is neither', () => {
  expect(parseTrustedProxies('127.0.0.1,true')).toEqual({ error: '"true" is not an address, a CIDR range or one of loopback, linklocal, uniquelocal' });
  expect(parseTrustedProxies('10.0.0.0/33')).toHaveProperty('error');
  expect(parseTrustedProxies('proxy.internal')).toHaveProperty('error');
});
