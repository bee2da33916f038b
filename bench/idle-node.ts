// An idle Vigil node: the whole server (HTTP port open, every background loop) on SQLite
// with the demo data and no checked monitors, in a process of its own. Used by
// checks.bench.ts:
//   node <bundle of this file> <data-dir> <warmup-s> <measure-s>
// It prints its figures as one JSON line.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { loadConfig } from '../src/app/config.js';
import { createLogger } from '../src/app/logger.js';
import { startVigil } from '../src/app/start.js';

const [dir = '', warmupArg = '10', measureArg = '60'] = process.argv.slice(2);
const config = loadConfig({
  VIGIL_DATABASE_URL: `sqlite:${path.join(dir, 'vigil.db')}`,
  VIGIL_SECRET: 'idle-benchmark-secret-0123456789abcdef',
  VIGIL_DEMO_PASSWORD: 'idle-benchmark-password',
  VIGIL_HOST: '127.0.0.1',
  VIGIL_PORT: '0',
  VIGIL_LOG_LEVEL: 'error',
});
const vigil = await startVigil(config, createLogger('error'), { announce: () => undefined });
await vigil.app.listen({ host: config.host, port: 0 });
await new Promise((r) => setTimeout(r, Number(warmupArg) * 1000));

const cpu0 = process.cpuUsage();
const t0 = performance.now();
await new Promise((r) => setTimeout(r, Number(measureArg) * 1000));
const cpu = process.cpuUsage(cpu0);
const seconds = (performance.now() - t0) / 1000;
const rss = process.memoryUsage().rss;
await vigil.stop();
console.log(
  JSON.stringify({
    seconds: Math.round(seconds),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    cpuPercentOfOneCore: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 10000) / 100,
    rssMiB: Math.round(rss / 1024 / 1024),
  }),
);
