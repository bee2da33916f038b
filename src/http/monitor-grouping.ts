import type { Grouping } from '../core/alert-grouping/types.js';
import { AppError, type FieldError } from '../core/errors.js';
import { groupingOf, type MonitorRow } from '../store/monitors.js';
import { isRateLimitedKind, rateLimitedKinds } from './ingest-rate-limit.js';

/** The kinds whose senders push alerts with keys (the rate-limited ones) are the ones that group. */
const isGroupedKind = isRateLimitedKind;

interface GroupingInput {
  mode: 'window' | 'labels';
  fields?: string[];
  windowMinutes?: number;
}

const PATH = '/body/grouping';
// As event rules read fields: dot-separated parts, none empty.
const DOTTED_PATH = /^[^.\s]+(\.[^.\s]+)*$/;

/**
 * A monitor's grouping as given (undefined: not given; null: none), refused with the
 * field at fault when the kind has no grouping or the mode lacks what it needs.
 */
export function groupingInput(kind: string, input: GroupingInput | null | undefined): Grouping | null | undefined {
  if (input === undefined || input === null) return input;
  if (!isGroupedKind(kind)) throw new AppError('invalid_grouping', `A ${kind} monitor has no alert grouping`, [{ path: PATH, message: `applies to ${rateLimitedKinds.join(', ')} monitors only` }]);
  const problems: FieldError[] = [];
  if (input.mode === 'window') {
    if (input.windowMinutes === undefined) problems.push({ path: `${PATH}/windowMinutes`, message: 'is required in window mode' });
    if (input.fields !== undefined) problems.push({ path: `${PATH}/fields`, message: 'are for labels mode only' });
  } else if (input.fields === undefined) {
    problems.push({ path: `${PATH}/fields`, message: 'are required in labels mode' });
  } else {
    input.fields.forEach((field, i) => {
      const first = input.fields?.indexOf(field) as number;
      if (!DOTTED_PATH.test(field)) problems.push({ path: `${PATH}/fields/${i}`, message: 'is not a dotted path into the event (like labels.alertname): no spaces, no empty parts' });
      else if (first < i) problems.push({ path: `${PATH}/fields/${i}`, message: `repeats field ${first}` });
    });
  }
  if (problems.length > 0) throw new AppError('invalid_grouping', 'This alert grouping cannot be used as it is', problems);
  if (input.mode === 'window') return { mode: 'window', windowMinutes: input.windowMinutes as number };
  return { mode: 'labels', fields: input.fields as string[], ...(input.windowMinutes !== undefined && { windowMinutes: input.windowMinutes }) };
}

/** How the API shows a monitor's grouping: only for the kinds that group (null: none). */
export const groupingView = (row: MonitorRow) => (isGroupedKind(row.kind) ? { grouping: groupingOf(row) } : {});
