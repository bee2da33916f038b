import type { ResponseOf } from './schema';

type MonitorView = ResponseOf<'getMonitorsById'>;

/** Kinds whose monitor Vigil checks itself, on a schedule. */
export type CheckKind = Extract<MonitorView['kind'], 'http' | 'tcp' | 'dns' | 'ping'>;

export type CheckSettings = NonNullable<MonitorView['check']>;
export type HttpSpec = NonNullable<MonitorView['http']>;
export type HttpMethod = HttpSpec['method'];
export type TcpSpec = NonNullable<MonitorView['tcp']>;
export type DnsSpec = NonNullable<MonitorView['dns']>;
export type DnsRecordType = DnsSpec['recordType'];
export type PingSpec = NonNullable<MonitorView['ping']>;

/** A checked monitor carries the one spec of its kind, under the kind's name. */
export type CheckSpecs = Pick<MonitorView, CheckKind>;

/** When a checked monitor's failures open no incident; checks still run. */
export type Maintenance = NonNullable<MonitorView['maintenance']>;
export type LastCheck = NonNullable<MonitorView['lastCheck']>;

/** Percentages 0..100; null when no check ran in that range. */
export type Uptime = ResponseOf<'getMonitorsByIdUptime'>;

/** A point per check (24h) or per hour (7d, 30d), whose responseMs is then the hour's average. */
export type History = ResponseOf<'getMonitorsByIdHistory'>;
export type HistoryPoint = History['points'][number];
export type HistoryRange = History['range'];
