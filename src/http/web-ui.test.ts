import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebUi } from './web-ui.js';

const html = `<!doctype html><title>Vigil</title><script type="module" src="/assets/app-Ab12Cd34.js"></script>${' '.repeat(200)}`;
const script = `export const answer = ${JSON.stringify('forty-two '.repeat(200))};`;

/** A build as Vite and web/precompress.ts leave it; one asset has no compressed copies. */
function writeBuild(dir: string): void {
  mkdirSync(path.join(dir, 'assets'));
  for (const [name, text] of [['index.html', html], ['assets/app-Ab12Cd34.js', script]] as const) {
    writeFileSync(path.join(dir, name), text);
    writeFileSync(path.join(dir, `${name}.br`), brotliCompressSync(text));
    writeFileSync(path.join(dir, `${name}.gz`), gzipSync(text));
  }
  writeFileSync(path.join(dir, 'assets/tiny-Xy98.css'), 'a{}');
}

describe('web UI delivery', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-web-ui-'));
  let app: FastifyInstance;
  beforeAll(async () => {
    writeBuild(dir);
    app = Fastify();
    await registerWebUi(app, dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('sends hashed assets precompressed by Accept-Encoding, cached for a year as immutable', async () => {
    const br = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(script);
  });

  it('falls back to the file as it is when the build left no compressed copy', async () => {
    const res = await get('/assets/tiny-Xy98.css', { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe('a{}');
  });

  it('has index.html and every client-side route revalidated on each load, answering 304 while unchanged', async () => {
    for (const url of ['/', '/index.html', '/on-call', '/schedules/0193?view=week']) {
      const res = await get(url, { 'accept-encoding': 'br' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(html);
      const etag = String(res.headers.etag);
      expect(etag, url).not.toBe('undefined');
      expect(res.headers['last-modified'], url).toBeDefined();
      const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.rawPayload.length, url).toBe(0);
    }
  });

  it('revalidates hashed assets too, per encoding', async () => {
    const first = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    const etag = String(first.headers.etag);
    expect((await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'gzip', 'if-none-match': etag })).statusCode).toBe(304);
    const other = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
    expect(other.headers['content-encoding']).toBe('br');
  });

  it('answers 404 problem+json for a missing asset (a chunk of an older build), a compressed copy asked by name, and unknown API paths', async () => {
    for (const url of ['/assets/OnCallPage-Old0.js', '/assets/app-Ab12Cd34.js.br', '/api/v1/nothing', '/api?x=1']) {
      const res = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json().code, url).toBe('not_found');
    }
  });
});
