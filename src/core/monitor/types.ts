import type { Instant, RestrictionWindow } from '../schedule/types.js';

export type CheckKind = 'http' | 'tcp' | 'dns' | 'ping';
export const CHECK_KINDS: readonly CheckKind[] = ['http', 'tcp', 'dns', 'ping'];

export interface CheckSettings {
  intervalSeconds: number;
  timeoutSeconds: number;
  /** Consecutive failed checks before the monitor is down and an incident opens. */
  confirmations: number;
  /** Consecutive good checks before a down monitor is up again. */
  recoveries: number;
  /** Resolve the incident when the monitor is up again. */
  autoResolve: boolean;
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface HttpSpec {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  /** "200" or a range "200-299". */
  expectedStatus: string[];
  keyword?: string;
  keywordMode: 'present' | 'absent';
  followRedirects: boolean;
  maxRedirects: number;
  verifyTls: boolean;
  /** Warn this many days before the certificate expires; 0 turns the warning off. */
  certExpiryDays: number;
}

export interface TcpSpec {
  host: string;
  port: number;
}

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'NS';

export interface DnsSpec {
  name: string;
  recordType: DnsRecordType;
  /** The answer must include this value (case-insensitive); otherwise any answer will do. */
  contains?: string;
  /** A resolver "ip" or "ip:port"; the system's resolvers otherwise. */
  server?: string;
}

export interface PingSpec {
  host: string;
}

export type CheckSpec = { kind: 'http'; http: HttpSpec } | { kind: 'tcp'; tcp: TcpSpec } | { kind: 'dns'; dns: DnsSpec } | { kind: 'ping'; ping: PingSpec };

export interface Maintenance {
  timeZone: string;
  weekly: RestrictionWindow[];
  once: { start: Instant; end: Instant }[];
}

/** What one check found. */
export interface CheckOutcome {
  ok: boolean;
  message: string;
  responseMs: number | null;
  /** HTTPS only: when the server's certificate stops being valid. */
  certificateExpiresAt?: Instant;
}

export type CheckStatus = 'pending' | 'up' | 'down';

/** What the monitor remembers between checks. */
export interface CheckState {
  status: CheckStatus;
  failStreak: number;
  okStreak: number;
  /** An incident was opened for the current outage (and not yet resolved by recovery). */
  alerted: boolean;
  /** An incident was opened for the certificate nearing expiry. */
  certificateAlerted: boolean;
  lastCheck: { at: Instant; ok: boolean; responseMs: number | null; message: string } | null;
  certificateExpiresAt: Instant | null;
}

export const INITIAL_CHECK_STATE: CheckState = {
  status: 'pending',
  failStreak: 0,
  okStreak: 0,
  alerted: false,
  certificateAlerted: false,
  lastCheck: null,
  certificateExpiresAt: null,
};

/** The dedup keys of a checked monitor's two kinds of incident. */
export const CHECK_DEDUP_KEY = 'check';
export const CERTIFICATE_DEDUP_KEY = 'certificate';

export type CheckEffect =
  | { type: 'open'; dedupKey: string; title: string; description: string }
  | { type: 'resolve'; dedupKey: string };

/** What a checked monitor stores as its config. */
export interface CheckedConfig {
  check: CheckSettings;
  http?: HttpSpec;
  tcp?: TcpSpec;
  dns?: DnsSpec;
  ping?: PingSpec;
  maintenance: Maintenance | null;
}

export function checkSpecOf(kind: CheckKind, config: CheckedConfig): CheckSpec {
  const spec = config[kind];
  if (!spec) throw new Error(`a ${kind} monitor without its ${kind} settings`);
  return { kind, [kind]: spec } as CheckSpec;
}
