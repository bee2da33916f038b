import { maskUrl } from './database-url.js';

const secretKey = /secret|token|password/i;
const MASK = '*****';

/** Plain data stays as it is; class instances (addresses, ranges) print as their string form. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) return String(value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretKey.test(k) && v !== undefined ? MASK : plain(v)]));
  }
  return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? maskUrl(value) : value;
}

/**
 * The effective configuration, one `name: value` line per setting, with every secret
 * (keys naming a secret, token or password; passwords inside URLs) masked. Generic over
 * the configuration's fields so that a new setting shows up without being listed here.
 * `secretSource` says where the signing secret comes from instead of showing it.
 */
export function configSummary(config: object, secretSource: string): string[] {
  return Object.entries(config).map(([key, value]) => {
    if (key === 'secret') return `  secret: ${secretSource}`;
    if (value === undefined) return `  ${key}: (not set)`;
    const shown = secretKey.test(key) ? MASK : plain(value);
    return `  ${key}: ${typeof shown === 'string' ? shown : JSON.stringify(shown)}`;
  });
}
