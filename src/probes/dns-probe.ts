import { Resolver } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';
import type { DestinationPolicy } from '../core/destination-policy.js';
import { evaluateDns } from '../core/monitor/evaluate-dns.js';
import type { CheckOutcome, DnsSpec } from '../core/monitor/types.js';
import { assertLiteralAllowed } from '../security/destination-guard.js';
import { failureMessage } from './failure-message.js';

// "The name has no such record" is an answer (the check fails on it), not a probe error.
const NO_ANSWER = new Set(['ENODATA', 'ENOTFOUND']);

/**
 * Resolves the name with the spec's resolver (or the system's) and judges the answers.
 * A chosen resolver is a destination like any other: the policy must allow its address.
 */
export async function probeDns(spec: DnsSpec, timeoutMs: number, policy: DestinationPolicy): Promise<CheckOutcome> {
  if (spec.server) {
    try {
      assertLiteralAllowed(policy, resolverAddress(spec.server));
    } catch (err) {
      return { ok: false, message: failureMessage(err, timeoutMs), responseMs: null };
    }
  }
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (spec.server) resolver.setServers([spec.server]);
  const started = performance.now();
  try {
    const answers = await lookup(resolver, spec);
    return { ...evaluateDns(spec, answers), responseMs: Math.round(performance.now() - started) };
  } catch (err) {
    if (NO_ANSWER.has((err as { code?: string }).code ?? '')) return { ...evaluateDns(spec, []), responseMs: Math.round(performance.now() - started) };
    return { ok: false, message: failureMessage(err, timeoutMs), responseMs: null };
  } finally {
    resolver.cancel();
  }
}

async function lookup(resolver: Resolver, spec: DnsSpec): Promise<string[]> {
  switch (spec.recordType) {
    case 'A':
      return resolver.resolve4(spec.name);
    case 'AAAA':
      return resolver.resolve6(spec.name);
    case 'CNAME':
      return resolver.resolveCname(spec.name);
    case 'NS':
      return resolver.resolveNs(spec.name);
    case 'MX':
      return (await resolver.resolveMx(spec.name)).map((mx) => `${mx.priority} ${mx.exchange}`);
    case 'TXT':
      return (await resolver.resolveTxt(spec.name)).map((parts) => parts.join(''));
  }
}

// "1.1.1.1", "1.1.1.1:53", "[2606:4700::1111]:53" or a bare IPv6 address: the address alone.
function resolverAddress(server: string): string {
  const bracketed = /^\[(.+)\](?::\d+)?$/.exec(server);
  if (bracketed) return bracketed[1] as string;
  return server.split(':').length === 2 ? (server.split(':')[0] as string) : server;
}
