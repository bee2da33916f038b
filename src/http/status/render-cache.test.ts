import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { compressed, negotiateEncoding, notModified, VersionedCache, type Rendered } from './render-cache.js';

describe('status page render cache', () => {
  it('builds once per version and within the time to live, and shares a build', async () => {
    const cache = new VersionedCache<Rendered>(15_000);
    let builds = 0;
    const build = () => {
      builds++;
      return compressed('text/html; charset=utf-8', `<p>build ${builds}</p>`.repeat(50));
    };
    const [a, b] = await Promise.all([cache.get('p', 1, 0, build), cache.get('p', 1, 10, build)]);
    expect(builds).toBe(1);
    expect(a).toBe(b);
    expect(brotliDecompressSync(a.br).equals(a.raw)).toBe(true);
    expect(gunzipSync(a.gzip).equals(a.raw)).toBe(true);
    expect(a.br.length).toBeLessThan(a.raw.length / 10);
    await cache.get('p', 1, 14_999, build);
    expect(builds).toBe(1);
    // An edit (a new version) is built before it is served.
    const afterEdit = await cache.get('p', 2, 15_000 - 1, build);
    expect(builds).toBe(2);
    expect(afterEdit.etag).not.toBe(a.etag);
    // Past the time to live, the old render is served while one new build runs.
    const stale = await cache.get('p', 2, 14_999 + 15_000, build);
    expect(stale).toBe(afterEdit);
    await cache.get('p', 2, 15_000 + 15_000, build);
    expect(builds).toBe(3);
    await vi.waitFor(async () => expect(await cache.get('p', 2, 15_001 + 15_000, build)).not.toBe(afterEdit));
    expect(builds).toBe(3);
  });

  it('does not keep a failed build', async () => {
    const cache = new VersionedCache<string>(15_000);
    await expect(cache.get('p', 1, 0, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('p', 1, 1, () => Promise.resolve('ok'))).toBe('ok');
  });

  it('negotiates the encoding', () => {
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('identity')).toBe('identity');
  });

  it('matches If-None-Match weakly', () => {
    expect(notModified('W/"abc"', 'W/"abc"')).toBe(true);
    expect(notModified('"abc"', 'W/"abc"')).toBe(true);
    expect(notModified('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(notModified('*', 'W/"abc"')).toBe(true);
    expect(notModified('W/"abd"', 'W/"abc"')).toBe(false);
    expect(notModified(undefined, 'W/"abc"')).toBe(false);
  });
});
