import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { loadCliConfig } from './cli-database.js';
import { CliError } from './cli-error.js';
import { sqliteFile } from './database-url.js';
import { explainFailure } from './explain-failure.js';

/**
 * Pages per backup step. SQLite restarts an online backup whenever another connection
 * writes between two steps, so a running server could keep a step-by-step copy from ever
 * finishing; one step copies everything under one read snapshot (WAL lets writers go on).
 */
const ALL_PAGES = 0x7fffffff;

/**
 * `vigil backup <file>`: a consistent copy of the SQLite database, taken with SQLite's
 * online backup while the server may be running. Written beside the target and renamed
 * into place once checked, so a failed backup never leaves a half-written file under the name.
 */
export async function backup(target: string, options: { force?: boolean }, print: (line: string) => void): Promise<void> {
  const config = loadCliConfig();
  const file = sqliteFile(config.databaseUrl);
  if (file === null) {
    throw new CliError(
      'vigil backup copies SQLite databases; back up PostgreSQL with pg_dump',
      2,
      'pg_dump --format=custom --file=vigil.dump "$VIGIL_DATABASE_URL" (see docs/OPERATIONS.md, "Backup and restore")',
    );
  }
  if (!existsSync(file)) throw new CliError(`there is no database at ${file}`, 1, 'check VIGIL_DATABASE_URL');
  const destination = path.resolve(target);
  if (destination === path.resolve(file)) throw new CliError(`${target} is the database itself`, 2, 'name another file');
  if (!existsSync(path.dirname(destination))) throw new CliError(`the directory ${path.dirname(target)} does not exist`, 1, 'create it first');
  if (existsSync(destination) && !options.force) throw new CliError(`${target} already exists`, 1, 'pass --force to replace it');
  const partial = `${destination}.partial-${process.pid}`;
  try {
    const source = new SQLite(file, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      await source.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const copy = new SQLite(partial);
    try {
      // One self-contained file: no -wal or -shm beside it. The server turns WAL on again when it opens a restored copy.
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new CliError(`the copy failed its integrity check: ${String(check)}`, 1, 'check the disk, and try again');
    } finally {
      copy.close();
    }
    renameSync(partial, destination);
  } catch (err) {
    rmSync(partial, { force: true });
    if (err instanceof CliError) throw err;
    throw explainFailure(err, { phase: 'database', url: config.databaseUrl }) ?? err;
  }
  const megabytes = (statSync(destination).size / 1024 / 1024).toFixed(1);
  print(`Backed up ${file} to ${target} (${megabytes} MB).`);
  if (!process.env['VIGIL_SECRET']) {
    print(`Keep ${path.join(path.dirname(file), 'secret')} with it: two-factor secrets in the backup are sealed with that secret.`);
  }
}
