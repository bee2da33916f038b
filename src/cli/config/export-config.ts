import { stringify } from 'yaml';
import { toDocument, UnnamedReference } from '../../core/config/to-document.js';
import { CliError } from '../cli-error.js';
import { VigilApi } from '../vigil-api.js';
import { writeDocument } from './config-files.js';
import { readSnapshot } from './read-snapshot.js';

export interface ExportOptions {
  vigilUrl: string;
  token: string;
  /** A directory (users.yaml, teams/<slug>.yaml) or one .yaml file; absent: standard output. */
  out?: string;
  force?: boolean;
}

/** `vigil export`: the whole configuration as YAML, without secrets (no passwords, tokens, integration keys or contact methods). */
export async function exportConfig(options: ExportOptions, out: (line: string) => void): Promise<void> {
  const snapshot = await readSnapshot(new VigilApi(options.vigilUrl, options.token));
  let doc;
  try {
    doc = toDocument(snapshot);
  } catch (err) {
    if (err instanceof UnnamedReference) throw new CliError(`cannot export: ${err.message}`, 1, 'the token must see every team: use an admin\'s token', { cause: err });
    throw err;
  }
  if (options.out === undefined) {
    out(stringify(doc, { lineWidth: 0 }).trimEnd());
    return;
  }
  const written = writeDocument(doc, options.out, options.force === true);
  out(`Wrote ${written.length} file${written.length === 1 ? '' : 's'}: ${written.join(', ')}`);
}
