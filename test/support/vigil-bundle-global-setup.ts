import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { BUNDLED_ENTRIES } from './vigil-bundle.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Each entry of BUNDLED_ENTRIES (a source path) and the bundle this run built from it. */
    vigilBundles: Record<string, string>;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Left as imports: native code, and packages that read files beside their own modules
// (pino's worker transports, the swagger UI's static files).
const EXTERNAL = ['better-sqlite3', 'pg-native', 'pino', '@fastify/swagger', '@fastify/swagger-ui'];

const PREFIX = '.vigil-test-bundle-';
// Older than any run: the bundles of runs that were interrupted before their teardown.
const LEFTOVER_AGE_MS = 6 * 3_600_000;

function removeLeftovers(): void {
  const modules = path.join(root, 'node_modules');
  for (const name of readdirSync(modules)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(modules, name);
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > LEFTOVER_AGE_MS) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Bundles the Vigil entry points the tests start as processes (CLI commands, servers) into
 * one file each, once per run and from the current sources. Loading ~1,800 modules one
 * by one (tsx, or the packages as separate files) took ~2.4 s of CPU per process, 4x the
 * bundle's; the CLI and chaos tests start a hundred or so.
 *
 * The directory is two levels below the repository, where src/http and src/cli sit, so
 * the `import.meta.url`-relative paths in src (web/dist, package.json) find the same
 * files; in node_modules, so the external packages resolve.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  removeLeftovers();
  const dir = mkdtempSync(path.join(root, 'node_modules', PREFIX));
  const entryPoints = Object.fromEntries(Object.entries(BUNDLED_ENTRIES).map(([source, name]) => [name, path.join(root, source)]));
  try {
    await build({
      entryPoints,
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: EXTERNAL,
      // The bundled CommonJS packages call require(); ESM has none of its own.
      banner: { js: "import { createRequire as __vigilCreateRequire } from 'node:module'; const require = __vigilCreateRequire(import.meta.url);" },
      // Stack traces name src/… lines (node --enable-source-maps); the sources are on disk.
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'warning',
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  project.provide('vigilBundles', Object.fromEntries(Object.entries(BUNDLED_ENTRIES).map(([source, name]) => [source, path.join(dir, `${name}.mjs`)])));
  return () => rmSync(dir, { recursive: true, force: true });
}
