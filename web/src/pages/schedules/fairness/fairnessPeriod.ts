import { addDays } from '../../../time/zoned';

export type PeriodPreset = 'next4w' | 'last4w' | 'last3m' | 'next3m' | 'custom';

export const periodPresets: { value: PeriodPreset; label: string }[] = [
  { value: 'next4w', label: 'Next 4 weeks' },
  { value: 'last4w', label: 'Last 4 weeks' },
  { value: 'last3m', label: 'Last 3 months' },
  { value: 'next3m', label: 'Next 3 months' },
  { value: 'custom', label: 'Chosen dates' },
];

/** The local date 'YYYY-MM-DD' n calendar months after the given one (the 31st of a short month is its last day). */
export function addMonths(date: string, n: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const last = new Date(Date.UTC(year, month - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + n, Math.min(day, last))).toISOString().slice(0, 10);
}

/** First and last local date (both included) of a preset, around today's local date. */
export function presetDates(preset: Exclude<PeriodPreset, 'custom'>, today: string): { first: string; last: string } {
  switch (preset) {
    case 'next4w':
      return { first: today, last: addDays(today, 27) };
    case 'last4w':
      return { first: addDays(today, -28), last: addDays(today, -1) };
    case 'last3m':
      return { first: addMonths(today, -3), last: addDays(today, -1) };
    case 'next3m':
      return { first: today, last: addDays(addMonths(today, 3), -1) };
  }
}
