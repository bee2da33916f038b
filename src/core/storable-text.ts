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

/**
 * Parsed JSON (or a query string) with every string and key made storable: the value
 * itself when all of it already is (nearly every alert; copying each one was a hundredth
 * of the main thread in an alert storm), else a copy with only what held a bad string
 * copied.
 */
export function toStorableDeep(value: unknown): unknown {
  if (typeof value === 'string') return toStorable(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (const [i, item] of value.entries()) {
      const storable = toStorableDeep(item);
      if (storable !== item) (copy ??= [...value])[i] = storable;
    }
    return copy ?? value;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.every(([k, v]) => isStorable(k) && toStorableDeep(v) === v)) return value;
    return Object.fromEntries(entries.map(([k, v]) => [toStorable(k), toStorableDeep(v)]));
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
