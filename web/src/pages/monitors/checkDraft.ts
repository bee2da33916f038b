import type { CheckKind, DnsRecordType, HttpMethod, HttpSpec, PingSpec } from '../../api/checkTypes';
import type { CheckedFields, Monitor } from '../../api/incidentTypes';
import type { RestrictionWindow } from '../../api/scheduleTypes';
import { fromLocalInput, toLocalInput } from '../../time/zoned';

/** What a Mantine NumberInput holds: '' while empty. */
type NumberValue = number | string;

export interface CheckDraft {
  intervalSeconds: NumberValue;
  timeoutSeconds: NumberValue;
  confirmations: NumberValue;
  recoveries: NumberValue;
  autoResolve: boolean;
}

export interface HttpDraft {
  url: string;
  method: HttpMethod;
  /** Comma-separated codes and ranges: "200-299, 301". */
  expectedStatus: string;
  /** '' for no keyword check. */
  keyword: string;
  keywordMode: HttpSpec['keywordMode'];
  /** One "Name: value" per line. */
  headers: string;
  body: string;
  followRedirects: boolean;
  maxRedirects: NumberValue;
  verifyTls: boolean;
  certExpiryDays: NumberValue;
}

export interface TcpDraft {
  host: string;
  port: NumberValue;
}

export interface DnsDraft {
  name: string;
  recordType: DnsRecordType;
  contains: string;
  server: string;
}

export interface MaintenanceDraft {
  timeZone: string;
  weekly: RestrictionWindow[];
  /** Local date-times ('YYYY-MM-DDTHH:MM') in timeZone. */
  once: { start: string; end: string }[];
}

/** Every checked kind's fields at once, so switching the kind while creating loses nothing. */
export interface CheckedDraft {
  check: CheckDraft;
  http: HttpDraft;
  tcp: TcpDraft;
  dns: DnsDraft;
  ping: PingSpec;
  maintenance: MaintenanceDraft;
}

/** The API's defaults, or the monitor's saved settings when editing one. */
export function checkedDraftOf(monitor: Monitor | undefined, viewerZone: string): CheckedDraft {
  const http = monitor?.http;
  const tcp = monitor?.tcp;
  const dns = monitor?.dns;
  const maintenance = monitor?.maintenance;
  return {
    check: monitor?.check ?? { intervalSeconds: 60, timeoutSeconds: 10, confirmations: 2, recoveries: 1, autoResolve: true },
    http: {
      url: http?.url ?? '',
      method: http?.method ?? 'GET',
      expectedStatus: (http?.expectedStatus ?? ['200-299']).join(', '),
      keyword: http?.keyword ?? '',
      keywordMode: http?.keywordMode ?? 'present',
      headers: Object.entries(http?.headers ?? {})
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n'),
      body: http?.body ?? '',
      followRedirects: http?.followRedirects ?? true,
      maxRedirects: http?.maxRedirects ?? 5,
      verifyTls: http?.verifyTls ?? true,
      certExpiryDays: http?.certExpiryDays ?? 14,
    },
    tcp: { host: tcp?.host ?? '', port: tcp?.port ?? '' },
    dns: { name: dns?.name ?? '', recordType: dns?.recordType ?? 'A', contains: dns?.contains ?? '', server: dns?.server ?? '' },
    ping: { host: monitor?.ping?.host ?? '' },
    maintenance: {
      timeZone: maintenance?.timeZone ?? viewerZone,
      weekly: maintenance?.weekly ?? [],
      once: (maintenance?.once ?? []).map(({ start, end }) => ({
        start: toLocalInput(start, maintenance?.timeZone ?? viewerZone),
        end: toLocalInput(end, maintenance?.timeZone ?? viewerZone),
      })),
    },
  };
}

/** Header lines as a map, and the 1-based numbers of non-blank lines that are not "Name: value". */
export function parseHeaders(text: string): { headers: Record<string, string>; badLines: number[] } {
  const headers: Record<string, string> = {};
  const badLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    if (colon < 0 || name === '') badLines.push(index + 1);
    else headers[name] = line.slice(colon + 1).trim();
  });
  return { headers, badLines };
}

// An empty number goes out as NaN, which JSON sends as null, so the API names the field instead of a 0 slipping through.
const number = (value: NumberValue) => (value === '' ? NaN : Number(value));

/**
 * The settings, the kind's spec and the maintenance windows as the API takes them. Maintenance
 * is left out while there is none and never was; it is replaced whole, so emptied lists remove it.
 */
export function checkedFieldsOf(kind: CheckKind, draft: CheckedDraft, hadMaintenance: boolean): CheckedFields {
  const { check, maintenance } = draft;
  const hasMaintenance = maintenance.weekly.length > 0 || maintenance.once.length > 0;
  // An empty one-off time goes out as '' for the API to reject, rather than as some made-up instant.
  const instant = (local: string) => (local === '' ? '' : fromLocalInput(local, maintenance.timeZone));
  return {
    check: {
      intervalSeconds: number(check.intervalSeconds),
      timeoutSeconds: number(check.timeoutSeconds),
      confirmations: number(check.confirmations),
      recoveries: number(check.recoveries),
      autoResolve: check.autoResolve,
    },
    ...specOf(kind, draft),
    ...((hasMaintenance || hadMaintenance) && {
      maintenance: {
        timeZone: maintenance.timeZone,
        weekly: maintenance.weekly,
        once: maintenance.once.map(({ start, end }) => ({ start: instant(start), end: instant(end) })),
      },
    }),
  };
}

function specOf(kind: CheckKind, { http, tcp, dns, ping }: CheckedDraft): CheckedFields {
  switch (kind) {
    case 'http':
      return {
        http: {
          url: http.url.trim(),
          method: http.method,
          headers: parseHeaders(http.headers).headers,
          ...(http.body !== '' && { body: http.body }),
          expectedStatus: http.expectedStatus
            .split(',')
            .map((code) => code.trim())
            .filter((code) => code !== ''),
          // The keyword is matched as typed: spaces around it may matter.
          ...(http.keyword !== '' && { keyword: http.keyword }),
          keywordMode: http.keywordMode,
          followRedirects: http.followRedirects,
          maxRedirects: number(http.maxRedirects),
          verifyTls: http.verifyTls,
          certExpiryDays: number(http.certExpiryDays),
        },
      };
    case 'tcp':
      return { tcp: { host: tcp.host.trim(), port: number(tcp.port) } };
    case 'dns':
      return {
        dns: {
          name: dns.name.trim(),
          recordType: dns.recordType,
          ...(dns.contains.trim() !== '' && { contains: dns.contains.trim() }),
          ...(dns.server.trim() !== '' && { server: dns.server.trim() }),
        },
      };
    case 'ping':
      return { ping: { host: ping.host.trim() } };
  }
}
