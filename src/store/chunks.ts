/**
 * Rows per multi-row statement: well under SQLite's 32,766 bound parameters and
 * PostgreSQL's 65,535 for the widest table written this way (incidents, 20 columns).
 */
export const ROWS_PER_STATEMENT = 500;

/** Splits `items` into runs of at most `size`, for multi-row statements. */
export function chunksOf<T>(items: T[], size = ROWS_PER_STATEMENT): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** The longest run fixedRunsOf makes. */
const LONGEST_RUN = 64;

/**
 * Splits `items` into runs of a few fixed lengths (multiples of 8 up to 64, then 4, 2 and
 * 1), at most three more runs than chunksOf would make: a statement planned per number of
 * rows (prepared.ts) then has eleven texts, where batches of every size would make one
 * each, built and compiled anew (the check scheduler writes a batch of whatever finished
 * in the last moment, in sizes of every kind).
 */
export function fixedRunsOf<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; ) {
    const left = items.length - i;
    const length = left >= LONGEST_RUN ? LONGEST_RUN : left >= 8 ? left - (left % 8) : left >= 4 ? 4 : left >= 2 ? 2 : 1;
    result.push(items.slice(i, (i += length)));
  }
  return result;
}
