/**
 * `limit ?` and `offset ?` as `? + 0`, for SQLite.
 *
 * Since 3.4x, SQLite reads a LIMIT or OFFSET that is a bare bound parameter as the integer
 * bound to it, for its query planner, and marks the statement to be compiled again whenever
 * that parameter is bound anew. better-sqlite3 binds every parameter at every run, so every
 * statement with a limit (Kysely binds `.limit(n)`) was compiled afresh at each run: 4–20 µs
 * for a small query, ~300 µs for a large one (in this SQLite, 3.53), on every engine pass,
 * claim, page and list. An expression is not read that way; `? + 0` is the same limit.
 */
export function limitsAsExpressions(sql: string): string {
  return sql.replace(/\b(limit|offset) \?(?! *[-+*/])/g, '$1 ? + 0');
}
