import type { Monitor } from '../../api/incidentTypes';

/** "87 ms", "1.2 s": response times as read at a glance. */
export function formatResponseTime(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** "99.95%", "100%"; an em dash when no check ran in the range. */
export function formatUptime(percent: number | null): string {
  if (percent === null) return '–';
  // Two decimals, as uptime targets are stated; rounded down so one failed check never reads 100.00%.
  return `${percent === 100 ? '100' : (Math.floor(percent * 100) / 100).toFixed(2)}%`;
}

/** What a checked monitor probes, in one line: "GET https://example.com/health"; empty for other kinds. */
export function describeTarget({ http, tcp, dns, ping }: Monitor): string {
  if (http) return `${http.method} ${http.url}`;
  if (tcp) return `TCP ${tcp.host}:${tcp.port}`;
  if (dns) return `DNS ${dns.recordType} ${dns.name}${dns.server === undefined ? '' : ` via ${dns.server}`}`;
  if (ping) return `Ping ${ping.host}`;
  return '';
}
