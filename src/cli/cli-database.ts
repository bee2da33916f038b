import { existsSync } from 'node:fs';
import os from 'node:os';
import { loadConfig, ConfigError, type Config } from '../app/config.js';
import { withChangeOrigin } from '../kernel/change-origin.js';
import { systemClock } from '../kernel/clock.js';
import { openDatabase, type Database } from '../store/database.js';
import { CliError } from './cli-error.js';
import { sqliteFile } from './database-url.js';
import { explainFailure } from './explain-failure.js';

/** The configuration as the server would load it, with file errors (an unwritable data directory) explained. */
export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw explainFailure(err, { phase: 'files' }) ?? err;
  }
}

/** Who runs the command, for the audit log; a container may have no name for its user id. */
function osUser(): string {
  try {
    return `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}@${os.hostname()}`;
  }
}

/**
 * Runs one command against the configured database. Changes it makes are audited as made
 * by "cli" (no user: whoever has the database's credentials), naming the command and the
 * operating-system user. An absent SQLite file is an error rather than a new empty database,
 * unless the command is `mayCreate` (migrate).
 */
export async function withDatabase<T>(command: string, work: (config: Config, database: Database) => Promise<T>, options: { mayCreate?: boolean } = {}): Promise<T> {
  const config = loadCliConfig();
  const url = config.databaseUrl;
  const file = sqliteFile(url);
  if (file !== null && !options.mayCreate && !existsSync(file)) {
    throw new CliError(`there is no database at ${file}`, 1, 'check VIGIL_DATABASE_URL, or create it with `vigil migrate`');
  }
  let database: Database;
  try {
    database = openDatabase(url);
  } catch (err) {
    throw explainFailure(err, { phase: 'database', url }) ?? err;
  }
  const origin = { actorId: null, actorEmail: null, via: 'cli', ip: null, userAgent: `${command} (${osUser()})` };
  try {
    return await withChangeOrigin(() => ({ ...origin, at: systemClock.now() }), () => work(config, database));
  } catch (err) {
    throw explainFailure(err, { phase: 'database', url }) ?? err;
  } finally {
    await database.close();
  }
}
