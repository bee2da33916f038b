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
