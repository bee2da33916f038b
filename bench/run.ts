// Runs every benchmark module in bench/ (files named *.bench.ts exporting `run`)
// and prints one JSON document: { "<module>": <its result>, ... }.
// `npm run bench -- schedule` runs only the modules whose name contains "schedule".
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
const results: Record<string, unknown> = {};
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run: () => Promise<unknown> };
  results[file.replace(/\.bench\.ts$/, '')] = await mod.run();
}
console.log(JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2));
