import type { Fidelity } from '../../core/import/fidelity.js';
import type { ImportNote } from '../../core/import/report.js';
import type { WrittenSetup } from './write-setup.js';

/** The Vigil side of every import: where to write, and how. */
export interface ImportTarget {
  vigilUrl: string;
  token: string;
  dryRun?: boolean;
  /** The instant the import treats as now (tests: Vigil's frozen clock). */
  now?: number;
}

export interface ImportResult {
  created: number;
  existing: number;
  notes: ImportNote[];
  fidelity: { schedule: string; result: Fidelity | null }[];
}

export const DAY = 86_400_000;
/** How far ahead every import compares who is on call. */
export const WINDOW_DAYS = 30;

/** Prints the import's last line, and what it did; `leftOut` notes what the setup had no place for. */
export function importSummary(
  written: WrittenSetup,
  checked: { fidelity: ImportResult['fidelity']; differences: number },
  dryRun: boolean,
  print: (line: string) => void,
  leftOut: ImportNote[] = [],
): ImportResult {
  const { created, existing } = written;
  const notes = [...written.notes, ...leftOut];
  const { fidelity, differences } = checked;
  print(
    `${dryRun ? 'Would create' : 'Created'} ${created}, left ${existing} as they were, ${notes.length} not imported as they were, ${differences} on-call difference${differences === 1 ? '' : 's'}`,
  );
  return { created, existing, notes, fidelity };
}
