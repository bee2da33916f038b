// PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate has no UTF-8 form (pg
// and better-sqlite3 would each substitute something on the way in). Strings are
// checked against this one rule before they reach either database, so both store the
// same thing.
const unstorable = /[\0\p{Cs}]/u;
const unstorableAll = /[\0\p{Cs}]/gu;

export const REPLACEMENT_CHARACTER = '\uFFFD';

export function isStorable(text: string): boolean {
  return !unstorable.test(text);
}

/** The text with each NUL and lone surrogate replaced by U+FFFD; pairs are kept. */
export function toStorable(text: string): string {
  return isStorable(text) ? text : text.replace(unstorableAll, REPLACEMENT_CHARACTER);
}

/** A copy of parsed JSON (or a query string) with every string and key made storable. */
export function toStorableDeep(value: unknown): unknown {
  if (typeof value === 'string') return toStorable(value);
  if (Array.isArray(value)) return value.map(toStorableDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [toStorable(k), toStorableDeep(v)]));
  }
  return value;
}

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** JSON pointers (under `base`) of every string or key that is not storable. */
export function unstorablePaths(value: unknown, base: string): string[] {
  if (typeof value === 'string') return isStorable(value) ? [] : [base];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorablePaths(v, `${base}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      // A bad key is reported with U+FFFD in its place: the pointer itself must be printable.
      const path = `${base}/${escapePointer(toStorable(k))}`;
      return isStorable(k) ? unstorablePaths(v, path) : [path];
    });
  }
  return [];
}
