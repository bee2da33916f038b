export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Floor division that stays correct for negative numerators (instants before 1970). */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Modulo whose result always has the sign of the divisor. */
export function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
