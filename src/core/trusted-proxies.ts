import ipaddr from 'ipaddr.js';

// The names Fastify's trustProxy (proxy-addr) understands besides addresses and ranges.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads VIGIL_TRUST_PROXY: the addresses of the reverse proxies whose X-Forwarded-For
 * Vigil believes, as a comma-separated list of addresses, CIDRs and the names loopback,
 * linklocal and uniquelocal. Empty means none: trusting every sender would let any
 * client pick the address that rate limits and the audit log see.
 */
export function parseTrustedProxies(value: string): { proxies: string[] } | { error: string } {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const entry of entries) {
    const valid = NAMED_RANGES.has(entry) || ipaddr.isValid(entry) || isCidr(entry);
    if (!valid) return { error: `"${entry}" is not an address, a CIDR range or one of ${[...NAMED_RANGES].join(', ')}` };
  }
  return { proxies: entries };
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}
