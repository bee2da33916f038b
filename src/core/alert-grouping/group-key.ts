import { fieldValue } from '../event-rules/field-value.js';
import { indexableKey } from '../indexable-key.js';
import type { AlertGroup, Grouping } from './types.js';

const MINUTE_MS = 60_000;

/**
 * The group of an alert under a monitor's grouping. The key names each field with its
 * value (null when the event lacks it: alerts missing a field group together on that
 * field), so that it reads as what the alerts share (a digest when that is long); in window mode every alert of the
 * monitor is in one group, `{}`. `apart` keeps alerts that must not share an incident in
 * groups of their own (a field path has no spaces, so its names never clash with them).
 */
export function groupOf(grouping: Grouping, event: unknown, apart: Record<string, string> = {}): AlertGroup {
  const fields = grouping.mode === 'labels' ? grouping.fields : [];
  const key = indexableKey(JSON.stringify({ ...Object.fromEntries(fields.map((field) => [field, fieldValue(event, field) ?? null])), ...apart }));
  return { key, windowMs: grouping.windowMinutes === undefined ? null : grouping.windowMinutes * MINUTE_MS };
}
