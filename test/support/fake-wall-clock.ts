/**
 * Local time for the providers' fakes, by Intl rather than Vigil's own zone code, so a fake
 * answering "who is on call" is an independent oracle for the importers' fidelity checks.
 */
const QUARTER = 15 * 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/**
 * The local date-time at `instant` in `timeZone`, as the epoch milliseconds it would have in
 * UTC. Zones change offset only on quarter hours, so one Intl lookup per quarter.
 */
export function wallAt(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / QUARTER) * QUARTER;
  const key = `${timeZone} ${quarter}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return instant + cached;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(quarter).map((x) => [x.type, x.value]));
  const offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - quarter;
  offsets.set(key, offset);
  return instant + offset;
}
