import type { Snapshot } from './redact.js';

/** One field that differs between the two sides of a change; `path` is a JSON pointer. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function walk(path: string, before: unknown, after: unknown, out: FieldChange[]): void {
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) walk(`${path}/${escape(key)}`, before[key], after[key], out);
    return;
  }
  // Arrays are compared whole: a reordered or edited list of steps reads best as old list → new list.
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, before: before ?? null, after: after ?? null });
}

/**
 * The fields that differ between two snapshots, in the order they appear (a creation
 * or deletion lists every field of the side that exists).
 */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null): FieldChange[] {
  const out: FieldChange[] = [];
  walk('', before ?? {}, after ?? {}, out);
  return out;
}
