import type { RestrictionWindow } from './scheduleTypes';

/** Kinds whose monitor Vigil checks itself, on a schedule. */
export type CheckKind = 'http' | 'tcp' | 'dns' | 'ping';

export interface CheckSettings {
  intervalSeconds: number;
  /** Below intervalSeconds. */
  timeoutSeconds: number;
  /** Consecutive failed checks before an incident opens. */
  confirmations: number;
  /** Consecutive good checks before the monitor is up again. */
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
  /** Each "200" or a range "200-299". */
  expectedStatus: string[];
  keyword?: string;
  keywordMode: 'present' | 'absent';
  followRedirects: boolean;
  maxRedirects: number;
  verifyTls: boolean;
  /** Warn this many days before the certificate expires; 0 for no warning. */
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
  /** An answer must include it; otherwise any answer will do. */
  contains?: string;
  /** A resolver "ip" or "ip:port"; the server's own resolvers otherwise. */
  server?: string;
}

export interface PingSpec {
  host: string;
}

/** A checked monitor carries the one spec of its kind, under the kind's name. */
export interface CheckSpecs {
  http?: HttpSpec;
  tcp?: TcpSpec;
  dns?: DnsSpec;
  ping?: PingSpec;
}

/** When a checked monitor's failures open no incident; checks still run. */
export interface Maintenance {
  timeZone: string;
  weekly: RestrictionWindow[];
  once: { start: string; end: string }[];
}

export interface LastCheck {
  at: string;
  ok: boolean;
  responseMs: number | null;
  message: string;
}

/** Percentages 0..100; null when no check ran in that range. */
export interface Uptime {
  h24: number | null;
  d7: number | null;
  d30: number | null;
}

export type HistoryRange = '24h' | '7d' | '30d';

/** A point per check (24h) or per hour (7d, 30d), whose responseMs is then the hour's average. */
export interface HistoryPoint {
  at: string;
  checks: number;
  up: number;
  responseMs: number | null;
}

export interface History {
  range: HistoryRange;
  resolution: 'check' | 'hour';
  points: HistoryPoint[];
}
