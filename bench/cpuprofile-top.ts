// Top self-time functions of a V8 .cpuprofile (node --cpu-prof), e.g. of the Vigil
// process of the ingest benchmark (BENCH_INGEST_CPU_PROF=<dir>):
//   npx tsx bench/cpuprofile-top.ts <file.cpuprofile> [how-many=30]
// Functions in an esbuild bundle are named by their source file: esbuild writes a
// "// src/..." comment where each module begins, which maps a bundle line to its file.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file = '', howMany = '30'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

/** For each bundle, the module comment lines: [line, source path]. */
const modulesOf = new Map<string, [number, string][]>();
function sourceOf(url: string, line: number): string {
  if (!url.startsWith('file://')) return url || '(native)';
  if (!modulesOf.has(url)) {
    const path = fileURLToPath(url);
    const marks: [number, string][] = [];
    if (path.includes('/.cache/vigil-bench/') && existsSync(path)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const m = /^\/\/ ((?:src|bench|test)\/\S+\.ts)$/.exec(text);
          if (m?.[1]) marks.push([i, m[1]]);
        });
    }
    modulesOf.set(url, marks);
  }
  const marks = modulesOf.get(url) ?? [];
  let source = url.replace(/^file:\/\/.*node_modules\//, '');
  for (const [at, name] of marks) if (at <= line) source = name;
  return source;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const node = byId.get(id);
  if (!node) return;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'}  ${sourceOf(url, lineNumber)}`;
  selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
});
console.log(`profile: ${(total / 1e6).toFixed(1)} s sampled`);
for (const [key, t] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(howMany))) {
  console.log(`${((t / total) * 100).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${key}`);
}
