/** Capped exponential backoff: 200 ms, 400 ms, … up to `capMs`, so recovery is seen within `capMs`. */
export function backoffDelay(failures: number, capMs = 3_000, baseMs = 200): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
}
