/**
 * Freezes a value shared by every caller of a cache, all the way down: a mutation would
 * leak into other incidents, so it throws instead (modules run in strict mode).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
