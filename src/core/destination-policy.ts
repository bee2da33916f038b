import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Where Vigil may send requests that users aim (checks, webhooks, Slack). Public unicast
 * addresses are always allowed; loopback and private ranges only when the operator opens
 * them (all at once, or some CIDRs); link-local only through a listed CIDR; cloud
 * metadata addresses never, since they hand out the node's credentials.
 */
export interface DestinationPolicy {
  allowPrivate: boolean;
  allowedRanges: readonly [Address, number][];
}

export const strictPolicy: DestinationPolicy = { allowPrivate: false, allowedRanges: [] };

export type DestinationClass = 'public' | 'private' | 'reserved' | 'loopback' | 'link-local' | 'metadata';

// Instance metadata services: AWS/GCP/Azure/OpenStack, AWS over IPv6, ECS task metadata, Alibaba.
const METADATA = ['169.254.169.254', 'fd00:ec2::254', '169.254.170.2', '100.100.100.200'].map((a) => ipaddr.parse(a).toNormalizedString());

// Host names of metadata services: they resolve to the addresses above, but saying so at save time is kinder.
const METADATA_HOSTS: ReadonlySet<string> = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

const PRIVATE_RANGES = new Set(['private', 'uniqueLocal', 'carrierGradeNat']);
const LOOPBACK_RANGES = new Set(['loopback', 'unspecified']);

/**
 * What kind of destination an address is. IPv6 forms that carry an IPv4 address
 * (mapped, NAT64, 6to4) are judged by that address, so ::ffff:127.0.0.1 is loopback.
 */
export function classify(address: Address): DestinationClass {
  const v4 = embeddedIPv4(address);
  if (v4) return classify(v4);
  if (METADATA.includes(address.toNormalizedString())) return 'metadata';
  const range = address.range();
  if (range === 'unicast') return 'public';
  if (LOOPBACK_RANGES.has(range)) return 'loopback';
  if (PRIVATE_RANGES.has(range)) return 'private';
  if (range === 'linkLocal') return 'link-local';
  // Multicast, broadcast, documentation, benchmarking, Teredo…: opened with the private ranges.
  return 'reserved';
}

function embeddedIPv4(address: Address): ipaddr.IPv4 | null {
  if (address.kind() === 'ipv4') return null;
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'ipv4Mapped') return v6.toIPv4Address();
  const bytes = v6.toByteArray();
  if (range === 'rfc6052' || range === 'rfc6145') return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

const WHY: Record<Exclude<DestinationClass, 'public'>, string> = {
  private: 'a private address',
  loopback: 'a loopback address',
  'link-local': 'a link-local address',
  metadata: 'a cloud metadata address',
  reserved: 'a reserved address',
};

/** Null when the policy allows the address, else why not ("a loopback address"). */
export function deniedReason(policy: DestinationPolicy, address: Address): string | null {
  const kind = classify(address);
  if (kind === 'public') return null;
  if (kind === 'metadata') return WHY[kind];
  if (policy.allowPrivate && kind !== 'link-local') return null;
  const plain = embeddedIPv4(address) ?? address;
  if (policy.allowedRanges.some(([net, bits]) => net.kind() === plain.kind() && plain.match(net, bits))) return null;
  return WHY[kind];
}

/**
 * What can be told without resolving a name: a denied IP literal, or the name of a
 * metadata service. Null for every other name: those are judged once resolved.
 */
export function unresolvedDeniedReason(policy: DestinationPolicy, host: string): string | null {
  if (METADATA_HOSTS.has(host.toLowerCase().replace(/\.$/, ''))) return WHY.metadata;
  const literal = parseIpLiteral(host);
  return literal ? deniedReason(policy, literal) : null;
}

/** The one-line reason a denied destination gives, in probe results and delivery failures. */
export const policyMessage = (target: string, reason: string) => `destination not allowed by policy: ${target} is ${reason}`;

/** Parses an IP literal as written in a URL host or a check's host ("[::1]" too); null for names. */
export function parseIpLiteral(host: string): Address | null {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : null;
}

/** The operator's setting: "0"/"" (nothing), "1" (all loopback and private), or comma-separated CIDRs. */
export function parsePolicySetting(value: string): DestinationPolicy | { error: string } {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === '0') return strictPolicy;
  if (trimmed === '1') return { allowPrivate: true, allowedRanges: [] };
  const ranges: [Address, number][] = [];
  for (const part of trimmed.split(',').map((p) => p.trim())) {
    try {
      ranges.push(ipaddr.parseCIDR(part));
    } catch {
      return { error: `"${part}" is not a CIDR range (e.g. 10.0.0.0/8, fd00::/8); use 1 to allow every loopback and private range` };
    }
  }
  return { allowPrivate: false, allowedRanges: ranges };
}
