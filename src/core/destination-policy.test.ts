import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { classify, deniedReason, parsePolicySetting, strictPolicy, unresolvedDeniedReason, type DestinationPolicy } from './destination-policy.js';

const open: DestinationPolicy = { allowPrivate: true, allowedRanges: [] };
const ip = (text: string) => ipaddr.parse(text);
const octet = fc.nat(255);
const v4In = (a: number, b?: number) => fc.tuple(octet, octet, octet).map(([x, y, z]) => `${a}.${b ?? x}.${y}.${z}`);
const hextet = fc.nat(0xffff).map((n) => n.toString(16));

describe('classify', () => {
  it('sorts every address of the named ranges', () => {
    const cases: [fc.Arbitrary<string>, string][] = [
      [v4In(10), 'private'],
      [fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`), 'private'],
      [v4In(192, 168), 'private'],
      [v4In(127), 'loopback'],
      [fc.tuple(octet, octet).filter(([c, d]) => !(c === 169 && d === 254) && !(c === 170 && d === 2)).map(([c, d]) => `169.254.${c}.${d}`), 'link-local'],
      [fc.tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), hextet).map(([a, b]) => `${a.toString(16)}::${b}`), 'link-local'],
      [fc.tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), hextet).filter(([a, b]) => !(a === 0xfd00 && b === '254')).map(([a, b]) => `${a.toString(16)}:1::${b}`), 'private'],
      [fc.tuple(octet, octet, octet).map(([b, c, d]) => `::ffff:127.${b}.${c}.${d}`), 'loopback'],
      [fc.tuple(octet, octet).map(([c, d]) => `64:ff9b::10.0.${c}.${d}`), 'private'],
    ];
    for (const [addresses, expected] of cases) {
      fc.assert(
        fc.property(addresses, (a) => {
          expect(classify(ip(a))).toBe(expected);
        }),
      );
    }
  });

  it('knows the metadata services, also written as IPv6', () => {
    for (const a of ['169.254.169.254', 'fd00:ec2::254', '169.254.170.2', '100.100.100.200', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe']) expect(classify(ip(a))).toBe('metadata');
  });

  it('calls ordinary addresses public', () => {
    for (const a of ['1.1.1.1', '8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '2a00:1450:4007:80f::200e']) expect(classify(ip(a))).toBe('public');
    expect(classify(ip('0.0.0.0'))).toBe('loopback');
    expect(classify(ip('::'))).toBe('loopback');
    expect(classify(ip('::1'))).toBe('loopback');
  });
});

describe('deniedReason', () => {
  it('never allows metadata addresses, whatever the operator opened', () => {
    const everything = parsePolicySetting('0.0.0.0/0,::/0') as DestinationPolicy;
    for (const policy of [strictPolicy, open, everything]) expect(deniedReason(policy, ip('169.254.169.254'))).toBe('a cloud metadata address');
  });

  it('allows public addresses under any policy and denies private ones unless opened', () => {
    fc.assert(
      fc.property(octet, octet, octet, (b, c, d) => {
        expect(deniedReason(strictPolicy, ip(`8.${b}.${c}.${d}`))).toBeNull();
        expect(deniedReason(strictPolicy, ip(`10.${b}.${c}.${d}`))).toBe('a private address');
        expect(deniedReason(strictPolicy, ip(`127.${b}.${c}.${d}`))).toBe('a loopback address');
        expect(deniedReason(open, ip(`10.${b}.${c}.${d}`))).toBeNull();
        expect(deniedReason(open, ip(`127.${b}.${c}.${d}`))).toBeNull();
      }),
    );
  });

  it('opens link-local only through a listed range, not with "1"', () => {
    expect(deniedReason(open, ip('169.254.1.1'))).toBe('a link-local address');
    expect(deniedReason(parsePolicySetting('169.254.1.0/24') as DestinationPolicy, ip('169.254.1.1'))).toBeNull();
  });

  it('opens exactly the listed ranges, for IPv4-mapped addresses too', () => {
    const policy = parsePolicySetting('10.1.0.0/16, fd12::/16') as DestinationPolicy;
    fc.assert(
      fc.property(octet, octet, (c, d) => {
        expect(deniedReason(policy, ip(`10.1.${c}.${d}`))).toBeNull();
        expect(deniedReason(policy, ip(`::ffff:10.1.${c}.${d}`))).toBeNull();
        expect(deniedReason(policy, ip(`10.2.${c}.${d}`))).toBe('a private address');
      }),
    );
    expect(deniedReason(policy, ip('fd12::1'))).toBeNull();
    expect(deniedReason(policy, ip('fd13::1'))).toBe('a private address');
    expect(deniedReason(policy, ip('127.0.0.1'))).toBe('a loopback address');
  });
});

describe('unresolvedDeniedReason', () => {
  it('judges IP literals (bracketed IPv6 too) and metadata names, and leaves other names to resolution', () => {
    expect(unresolvedDeniedReason(strictPolicy, '[::1]')).toBe('a loopback address');
    expect(unresolvedDeniedReason(strictPolicy, '169.254.169.254')).toBe('a cloud metadata address');
    expect(unresolvedDeniedReason(open, 'Metadata.Google.Internal.')).toBe('a cloud metadata address');
    expect(unresolvedDeniedReason(strictPolicy, 'localhost')).toBeNull();
    expect(unresolvedDeniedReason(strictPolicy, 'example.com')).toBeNull();
  });
});

describe('parsePolicySetting', () => {
  it('reads 0, 1 and CIDR lists, and says what is wrong with anything else', () => {
    expect(parsePolicySetting('0')).toEqual(strictPolicy);
    expect(parsePolicySetting('1')).toEqual(open);
    expect(parsePolicySetting('10.0.0.0/8')).toMatchObject({ allowPrivate: false, allowedRanges: [[expect.anything(), 8]] });
    expect(parsePolicySetting('10.0.0.0/8,yes')).toEqual({ error: expect.stringContaining('"yes" is not a CIDR range') });
  });
});
