/** The longest text a condition looks at: a longer value is cut, so a test costs a bounded time. */
export const MAX_TESTED_LENGTH = 4096;

/** A dotted path as its parts, split once when the rules are compiled. */
export const pathParts = (path: string): string[] => path.split('.');

/**
 * An event field by its dotted path, as text (numbers and booleans as written in JSON),
 * undefined when absent or not a scalar. Keys with dots are reachable by their whole name
 * at any level ("labels.app.kubernetes.io/name" finds the label "app.kubernetes.io/name").
 */
export function fieldValue(event: unknown, path: string | string[]): string | undefined {
  const found = lookup(event, typeof path === 'string' ? pathParts(path) : path, 0);
  if (typeof found === 'string') return found.length > MAX_TESTED_LENGTH ? found.slice(0, MAX_TESTED_LENGTH) : found;
  if (typeof found === 'number' || typeof found === 'boolean') return String(found);
  return undefined;
}

function lookup(value: unknown, parts: string[], from: number): unknown {
  if (from === parts.length) return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  // The shortest prefix that names a key wins; a longer one covers keys with dots in them.
  let key = parts[from] as string;
  for (let n = from; n < parts.length; n++) {
    if (n > from) key = `${key}.${parts[n] as string}`;
    if (Object.hasOwn(record, key)) {
      const found = lookup(record[key], parts, n + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
