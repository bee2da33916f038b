import type { Weekday } from '../../../api/scheduleTypes';

export const weekdays: { value: Weekday; label: string; short: string }[] = [
  { value: 1, label: 'Monday', short: 'Mon' },
  { value: 2, label: 'Tuesday', short: 'Tue' },
  { value: 3, label: 'Wednesday', short: 'Wed' },
  { value: 4, label: 'Thursday', short: 'Thu' },
  { value: 5, label: 'Friday', short: 'Fri' },
  { value: 6, label: 'Saturday', short: 'Sat' },
  { value: 7, label: 'Sunday', short: 'Sun' },
];

/** Options for a Mantine Select, whose values are strings. */
export const weekdayOptions = weekdays.map((d) => ({ value: String(d.value), label: d.label }));

export const toWeekday = (value: string | null): Weekday | null => {
  const n = Number(value);
  return n >= 1 && n <= 7 ? (n as Weekday) : null;
};

/** Days in words: "every day", "Mon–Fri", "Mon, Wed, Sat–Sun". */
export function daysText(days: Weekday[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'every day';
  const runs: Weekday[][] = [];
  for (const d of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === d - 1) run.push(d);
    else runs.push([d]);
  }
  const short = (d: Weekday) => weekdays[d - 1]?.short ?? String(d);
  return runs.map((r) => (r.length > 2 ? `${short(r[0] as Weekday)}–${short(r[r.length - 1] as Weekday)}` : r.map(short).join(', '))).join(', ');
}
