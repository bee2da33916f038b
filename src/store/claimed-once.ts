import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * `id = any(array(<select id … limit n for update skip locked>))`: PostgreSQL claims due
 * rows in one statement, not four (BEGIN, the locking SELECT, UPDATE, COMMIT) on a loop
 * that runs many times a second in a storm. Written as an array, the locking select runs
 * exactly once, before the update; written as `id in (<select>)` the planner may run it
 * again per row and so lock, and claim, more rows than the limit.
 */
export function claimedOnce(ids: Expression<{ id: string }>): Expression<SqlBool> {
  return sql<SqlBool>`id = any(array(${ids}))`;
}
