import { toDocument } from '../../core/config/to-document.js';
import { plan, type Operation } from '../../core/config/plan.js';
import { VigilApi } from '../vigil-api.js';
import { readDocument } from './config-files.js';
import { executePlan, subjectOf } from './execute-plan.js';
import { readSnapshot } from './read-snapshot.js';

export interface ApplyOptions {
  file: string;
  vigilUrl: string;
  token: string;
  prune?: boolean;
  dryRun?: boolean;
}

/** Exit status for CI: 0 nothing to change, 2 changes planned (--dry-run) or applied; errors are 1. */
export type ApplyExit = 0 | 2;

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));
const marks = { create: '+', update: '~', delete: '-' } as const;

function describe(op: Operation): string[] {
  return [`  ${marks[op.action]} ${op.action} ${subjectOf(op)}`, ...op.changes.map((c) => `      ${c.path || '(all)'}: ${show(c.from)} → ${show(c.to)}`)];
}

/** `vigil apply -f`: plan the files against Vigil, print the plan, and (unless --dry-run) carry it out. */
export async function applyConfig(options: ApplyOptions, out: (line: string) => void): Promise<ApplyExit> {
  const desired = readDocument(options.file);
  const api = new VigilApi(options.vigilUrl, options.token);
  const snapshot = await readSnapshot(api);
  const { operations, kept } = plan(desired, toDocument(snapshot), { prune: options.prune === true });

  out(options.dryRun ? 'Plan (dry run: nothing is changed)' : 'Plan');
  operations.forEach((op) => describe(op).forEach(out));
  const prunable = kept.filter((k) => k.kind !== 'user');
  const users = kept.filter((k) => k.kind === 'user');
  if (prunable.length > 0) out(`Not in the files (kept; --prune deletes): ${prunable.map(subjectOf).join(', ')}`);
  if (users.length > 0) out(`Users not in the files (kept: apply never deletes users): ${users.map((u) => u.name).join(', ')}`);
  if (operations.length === 0) {
    out('No changes.');
    return 0;
  }
  const count = (action: Operation['action']) => operations.filter((o) => o.action === action).length;
  const summary = `${count('create')} to create, ${count('update')} to update, ${count('delete')} to delete`;
  if (options.dryRun) {
    out(`Would apply: ${summary}.`);
    return 2;
  }
  await executePlan(api, operations, snapshot);
  out(`Applied: ${summary}.`);
  return 2;
}
