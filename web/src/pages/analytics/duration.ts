const units: [string, number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** "45 s", "4 min 30 s", "2 h 5 min", "3 d": the two largest units are enough to compare response times. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '–';
  let rest = Math.round(seconds);
  const shown: string[] = [];
  let started = 0;
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || started > 0) started += 1;
    if (n > 0 && started <= 2) shown.push(`${n} ${unit}`);
  }
  return shown.length === 0 ? '0 s' : shown.join(' ');
}
