import { isIP } from 'node:net';
import type { Static } from 'typebox';
import type { DestinationPolicy } from '../core/destination-policy.js';
import { AppError, type FieldError } from '../core/errors.js';
import { parseStatusRange } from '../core/monitor/status-ranges.js';
import { CHECK_KINDS, type CheckKind, type CheckedConfig, type HttpSpec } from '../core/monitor/types.js';
import { destinationFieldErrors, hostOfUrl } from './destination-fields.js';
import type { CheckedFields, HttpInput } from './schemas/monitor.js';
import { toIso } from './schemas/common.js';
import { DAY } from '../core/time/units.js';

type CheckedInput = { [K in keyof typeof CheckedFields]?: Static<(typeof CheckedFields)[K]> };

const MAX_WINDOW_DAYS = 366;
const DEFAULT_CHECK = { intervalSeconds: 60, timeoutSeconds: 10, confirmations: 2, recoveries: 1, autoResolve: true };
// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const isCheckedKind = (kind: string): kind is CheckKind => (CHECK_KINDS as readonly string[]).includes(kind);

function httpSpec(input: Static<typeof HttpInput>, errors: FieldError[]): HttpSpec {
  const spec: HttpSpec = {
    url: input.url,
    method: input.method ?? 'GET',
    headers: input.headers ?? {},
    expectedStatus: input.expectedStatus ?? ['200-299'],
    keywordMode: input.keywordMode ?? 'present',
    followRedirects: input.followRedirects ?? true,
    maxRedirects: input.maxRedirects ?? 5,
    verifyTls: input.verifyTls ?? true,
    certExpiryDays: input.certExpiryDays ?? 14,
    ...(input.body !== undefined && { body: input.body }),
    ...(input.keyword !== undefined && { keyword: input.keyword }),
  };
  if (!URL.canParse(spec.url)) errors.push({ path: '/body/http/url', message: 'is not a valid URL' });
  spec.expectedStatus.forEach((text, i) => {
    if (parseStatusRange(text) === null) errors.push({ path: `/body/http/expectedStatus/${i}`, message: 'must be a status code or a low-high range' });
  });
  for (const name of Object.keys(spec.headers)) {
    if (!HEADER_NAME.test(name)) errors.push({ path: `/body/http/headers/${name}`, message: 'is not a valid header name' });
  }
  return spec;
}

/**
 * Builds a checked monitor's stored config from a create or patch body: defaults filled
 * in, a patch merged over what is stored, and the rules a schema cannot say checked.
 */
export function checkedConfigFrom(kind: CheckKind, input: CheckedInput, previous: CheckedConfig | null, policy: DestinationPolicy): CheckedConfig {
  const errors: FieldError[] = [];
  for (const other of CHECK_KINDS) {
    if (other !== kind && input[other] !== undefined) errors.push({ path: `/body/${other}`, message: `does not apply to a ${kind} monitor` });
  }
  const check = { ...DEFAULT_CHECK, ...previous?.check, ...input.check };
  if (check.timeoutSeconds >= check.intervalSeconds) errors.push({ path: '/body/check/timeoutSeconds', message: 'must be less than intervalSeconds' });
  const config: CheckedConfig = { check, maintenance: previous?.maintenance ?? null };
  if (kind === 'http' && input.http) config.http = httpSpec(input.http, errors);
  else if (kind === 'tcp' && input.tcp) config.tcp = input.tcp;
  else if (kind === 'ping' && input.ping) config.ping = input.ping;
  else if (kind === 'dns' && input.dns) {
    config.dns = input.dns;
    const server = input.dns.server;
    if (server !== undefined && resolverHost(server) === null) errors.push({ path: '/body/dns/server', message: 'must be an IP address, optionally with :port' });
  } else if (previous?.[kind]) Object.assign(config, { [kind]: previous[kind] });
  else errors.push({ path: `/body/${kind}`, message: `is required for a ${kind} monitor` });
  errors.push(
    ...destinationFieldErrors(policy, [
      ['/body/http/url', config.http && hostOfUrl(config.http.url)],
      ['/body/tcp/host', config.tcp?.host],
      ['/body/ping/host', config.ping?.host],
      ['/body/dns/server', config.dns?.server === undefined ? null : resolverHost(config.dns.server)],
    ]),
  );
  if (input.maintenance !== undefined) {
    const m = input.maintenance;
    const empty = m.weekly.length === 0 && m.once.length === 0;
    config.maintenance = empty ? null : { timeZone: m.timeZone, weekly: m.weekly, once: m.once.map((w) => ({ start: Date.parse(w.start), end: Date.parse(w.end) })) };
    config.maintenance?.once.forEach((w, i) => {
      if (w.end <= w.start) errors.push({ path: `/body/maintenance/once/${i}/end`, message: 'must be after start' });
      // A one-off window is an operation, not a way to silence a monitor for good: that is pause.
      else if (w.end - w.start > MAX_WINDOW_DAYS * DAY) errors.push({ path: `/body/maintenance/once/${i}/end`, message: `must be within ${MAX_WINDOW_DAYS} days of start` });
    });
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'The check settings are not valid', errors);
  return config;
}

/** A pushed or manual monitor takes none of the checked fields. */
export function refuseCheckedFields(kind: string, input: CheckedInput): void {
  const given = (Object.keys(input) as (keyof CheckedInput)[]).filter((k) => ['check', 'maintenance', ...CHECK_KINDS].includes(k) && input[k] !== undefined);
  if (given.length > 0) {
    throw new AppError(
      'validation_failed',
      `A ${kind} monitor has no checks`,
      given.map((k) => ({ path: `/body/${k}`, message: `applies to checked monitors (${CHECK_KINDS.join(', ')}) only` })),
    );
  }
}

/** The IP address of "address" or "address:port" ("[v6]:port"), or null if it is not one. */
function resolverHost(text: string): string | null {
  if (isIP(text)) return text;
  const match = /^(?:\[(.+)\]|([^:]+)):(\d{1,5})$/.exec(text);
  const host = match?.[1] ?? match?.[2] ?? '';
  return match !== null && isIP(host) !== 0 && Number(match[3]) <= 65535 ? host : null;
}


/** The API's view of a checked monitor's config. */
export function checkedView(kind: CheckKind, config: CheckedConfig) {
  const m = config.maintenance;
  return {
    check: config.check,
    [kind]: config[kind],
    ...(m && { maintenance: { timeZone: m.timeZone, weekly: m.weekly, once: m.once.map((w) => ({ start: toIso(w.start), end: toIso(w.end) })) } }),
  };
}
