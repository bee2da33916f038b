// Schedule core benchmarks: the paging hot path (primary of many schedules at one
// instant) and the schedule page (a year of timeline for a busy schedule).
import { editLayer, primaryAt, resolveAt, timeline, timelineRows } from '../src/core/schedule/index.js';
import type { Layer, LayerDraft, Override, Schedule } from '../src/core/schedule/index.js';
import { random, scheduleParts, ZONES } from './random-schedules.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2025-03-12T15:37:00Z');

function realisticSchedule(rnd: () => number, index: number): Schedule {
  const { pick, rotation, restriction } = scheduleParts(rnd);
  const zone = pick(ZONES);
  const layers: Layer[] = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, li) => {
    const members = () => Array.from({ length: 2 + Math.floor(rnd() * 7) }, () => `u${Math.floor(rnd() * 50)}`);
    const draft = (): LayerDraft => ({ timeZone: rnd() < 0.8 ? zone : pick(ZONES), rotation: rotation(), restriction: restriction(), members: members() });
    let versions = editLayer([], draft(), NOW - 400 * DAY);
    for (let v = Math.floor(rnd() * 3); v > 0; v--) versions = editLayer(versions, draft(), NOW - Math.floor(rnd() * 300) * DAY);
    return { id: `s${index}-l${li}`, name: `Layer ${li + 1}`, versions };
  });
  const overrides: Override[] = Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => {
    const start = NOW + Math.floor((rnd() - 0.5) * 20) * DAY;
    return { id: `o${i}`, layerId: rnd() < 0.5 ? null : pick(layers).id, userId: `u${Math.floor(rnd() * 50)}`, start, end: start + (1 + Math.floor(rnd() * 48)) * HOUR, createdAt: i };
  });
  return { timeZone: zone, layers, overrides, fixedShifts: [] };
}

function busySchedule(): Schedule {
  const rnd = random(42);
  const drafts: LayerDraft[] = [
    { timeZone: 'America/Chicago', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'business_hours' }, members: ['a1', 'a2', 'a3', 'a4', 'a5'] },
    { timeZone: 'America/Chicago', rotation: { kind: 'daily', handoffTime: '17:00' }, restriction: { kind: 'custom', windows: [{ startDay: 1, startTime: '17:00', endDay: 2, endTime: '09:00' }, { startDay: 2, startTime: '17:00', endDay: 3, endTime: '09:00' }, { startDay: 3, startTime: '17:00', endDay: 4, endTime: '09:00' }, { startDay: 4, startTime: '17:00', endDay: 5, endTime: '09:00' }] }, members: ['b1', 'b2', 'b3', 'b4'] },
    { timeZone: 'Europe/London', rotation: { kind: 'custom', every: 12, unit: 'hours', anchor: '2025-01-01T08:00' }, restriction: { kind: 'weekends' }, members: ['c1', 'c2', 'c3'] },
    { timeZone: 'Asia/Tokyo', rotation: { kind: 'daily', handoffTime: '09:00', days: [1, 2, 3, 4, 5] }, restriction: { kind: 'business_hours' }, members: ['d1', 'd2'] },
    { timeZone: 'America/Chicago', rotation: { kind: 'weekly', handoffDay: 3, handoffTime: '10:00' }, restriction: { kind: 'always' }, members: ['m1', 'm2'] },
  ];
  const layers: Layer[] = drafts.map((d, i) => ({ id: `L${i}`, name: `Layer ${i + 1}`, versions: editLayer([], d, Date.parse('2024-12-01T00:00Z')) }));
  const from = Date.parse('2025-01-01T00:00Z');
  const overrides: Override[] = Array.from({ length: 100 }, (_, i) => {
    const start = from + Math.floor(rnd() * 365 * 24) * HOUR;
    return { id: `o${i}`, layerId: rnd() < 0.3 ? null : `L${Math.floor(rnd() * 5)}`, userId: `x${i % 7}`, start, end: start + (2 + Math.floor(rnd() * 46)) * HOUR, createdAt: i };
  });
  return { timeZone: 'America/Chicago', layers, overrides, fixedShifts: [] };
}

function measure(fn: () => unknown, warmup: number, runs: number): { coldMs: number; medianMs: number; minMs: number; runs: number } {
  let t = performance.now();
  fn();
  const coldMs = performance.now() - t;
  for (let i = 1; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { coldMs: round(coldMs), medianMs: round(times[Math.floor(times.length / 2)] as number), minMs: round(times[0] as number), runs };
}

export async function run(): Promise<object> {
  // The timeline runs first, on a small heap, so the 10k schedules' garbage does not land
  // in its numbers.
  const busy = busySchedule();
  const from = Date.parse('2025-01-01T00:00Z');
  const to = Date.parse('2026-01-01T00:00Z');
  const segments = timeline(busy, from, to).length;
  const year = measure(() => timeline(busy, from, to), 30, 21);
  const rows = measure(() => timelineRows(busy, from, to), 30, 21);

  const rnd = random(7);
  const schedules = Array.from({ length: 10_000 }, (_, i) => realisticSchedule(rnd, i));
  let sink = 0;
  const primaries = measure(() => {
    for (const s of schedules) if (primaryAt(s, NOW)) sink++;
  }, 5, 11);
  const resolutions = measure(() => {
    for (const s of schedules) sink += resolveAt(s, NOW, 7 * DAY).layers.length;
  }, 2, 5);
  if (sink < 0) console.log(sink);

  return {
    primaryAt10kSchedules: { ...primaries, goalMs: 50, pass: primaries.medianMs < 50, layersTotal: schedules.reduce((n, s) => n + s.layers.length, 0) },
    resolveAt10kSchedules7dHorizon: { ...resolutions, goalMs: null },
    timeline1Year5Layers100Overrides: { ...year, goalMs: 5, pass: year.medianMs < 5, segments },
    timelineRows1Year5Layers100Overrides: { ...rows, goalMs: null },
  };
}
