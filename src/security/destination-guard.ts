import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { deniedReason, parseIpLiteral, policyMessage, unresolvedDeniedReason, type DestinationPolicy } from '../core/destination-policy.js';

/** A connection refused by the destination policy: no packet was sent to the address. */
export class DestinationDeniedError extends Error {
  override readonly name = 'DestinationDeniedError';
}

/** Throws DestinationDeniedError when `host` is an IP literal (or metadata name) the policy denies; other names are checked once resolved. */
export function assertLiteralAllowed(policy: DestinationPolicy, host: string): void {
  const reason = unresolvedDeniedReason(policy, host);
  if (reason) throw new DestinationDeniedError(policyMessage(host, reason));
}

/**
 * A DNS lookup for net/tls.connect that keeps only the addresses the policy allows, so
 * the check holds for the address actually connected to (no rebinding between check and
 * connect). With none left it fails with the reason for the first one.
 */
export function guardedLookup(policy: DestinationPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const reasons = addresses.map((a) => resolvedReason(policy, a.address));
      const allowed = addresses.filter((_, i) => reasons[i] === null);
      const first = addresses[0];
      if (allowed.length === 0 && first) {
        return callback(new DestinationDeniedError(policyMessage(`${hostname} (${first.address})`, reasons[0] ?? '')), '', 0);
      }
      // net.connect asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      const [one] = allowed as [LookupAddress];
      callback(null, one.address, one.family);
    });
  };
}

// A resolver answers with addresses, so the literal always parses; anything odd is denied.
function resolvedReason(policy: DestinationPolicy, address: string): string | null {
  const parsed = parseIpLiteral(address);
  return parsed ? deniedReason(policy, parsed) : 'not an IP address';
}

/**
 * An undici connector that applies the policy to every connection it opens: the redirect
 * interceptor opens each hop through it, so a redirect to a denied address is refused too.
 */
export function guardedConnector(policy: DestinationPolicy, options: buildConnector.BuildOptions = {}): buildConnector.connector {
  const connector = buildConnector({ ...options, lookup: guardedLookup(policy) } as buildConnector.BuildOptions);
  return (opts, callback) => {
    try {
      assertLiteralAllowed(policy, opts.hostname);
    } catch (err) {
      return callback(err as Error, null);
    }
    return connector(opts, callback);
  };
}

/** Resolves `host` to one address the policy allows, for tools that connect by themselves (ping). */
export async function resolveAllowed(policy: DestinationPolicy, host: string): Promise<string> {
  assertLiteralAllowed(policy, host);
  return await new Promise((resolve, reject) => {
    guardedLookup(policy)(host, {}, (err, address) => (err ? reject(err) : resolve(address as string)));
  });
}
