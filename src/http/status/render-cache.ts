import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { LruMap } from '../../core/lru-map.js';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** One rendered answer with its compressed forms, made once and sent to every reader. */
export interface Rendered {
  contentType: string;
  etag: string;
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export type Encoding = 'br' | 'gzip' | 'identity';

interface Entry<T> {
  version: number;
  builtAt: number;
  value: Promise<T>;
  /** A newer build under way while this one is still served. */
  refreshing: boolean;
}

/**
 * Views and rendered status pages, in memory on each node, keyed by the page's form and
 * checked against the page's version (bumped by every edit, on any node): an edit shows on
 * the next request. States and uptime move with monitors and the clock without a version
 * change, so an entry is rebuilt once it is `ttlMs` old; until the new build is ready the
 * old one is served (readers never wait for a page they already have), which bounds how
 * stale a page can be to the TTL plus one build. Concurrent misses share one build.
 */
export class VersionedCache<T> {
  private readonly entries: LruMap<string, Entry<T>>;

  constructor(
    private readonly ttlMs: number,
    capacity = 500,
  ) {
    this.entries = new LruMap(capacity);
  }

  get(key: string, version: number, now: number, build: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      if (now - hit.builtAt >= this.ttlMs && !hit.refreshing) {
        hit.refreshing = true;
        const next = build();
        next.then(
          () => this.entries.set(key, { version, builtAt: now, value: next, refreshing: false }),
          // Keep serving the old one; the next request tries again.
          () => (hit.refreshing = false),
        );
      }
      return hit.value;
    }
    const value = build();
    const entry = { version, builtAt: now, value, refreshing: false };
    this.entries.set(key, entry);
    // A failed build is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}

/** The body with its brotli and gzip forms and an ETag, made once per build. */
export async function compressed(contentType: string, body: string): Promise<Rendered> {
  const raw = Buffer.from(body, 'utf8');
  // Brotli's quality 5 compresses a 50-component page in a few milliseconds, near quality 11's size.
  const [br, gzipped] = await Promise.all([
    brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gz(raw, { level: 6 }),
  ]);
  const etag = `W/"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`;
  return { contentType, etag, raw, gzip: gzipped, br };
}

/** The best of brotli, gzip and none that Accept-Encoding allows (q=0 refuses). */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const allowed = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (allowed('br')) return 'br';
  if (allowed('gzip')) return 'gzip';
  return 'identity';
}

/** True when If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch === '*' || ifNoneMatch.split(',').some((t) => bare(t) === bare(etag));
}
