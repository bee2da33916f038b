import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../app/config.js';
import { openDatabase } from '../store/database.js';
import { appliedMigrations } from './applied-migrations.js';
import { CliError } from './cli-error.js';
import { sqliteFile } from './database-url.js';
import { configSummary } from './config-summary.js';
import { explainFailure } from './explain-failure.js';

// Stands in for an unset VIGIL_SECRET so that checking does not generate one; where the real one would come from is reported instead.
const PLACEHOLDER_SECRET = 'check-config-placeholder-'.padEnd(32, '-');

/** The nearest existing directory on the way to `dir`, and whether this user may create files in it. */
function writableOnTheWay(dir: string): boolean {
  let at = path.resolve(dir);
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  try {
    accessSync(at, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function secretSource(config: Config, problems: string[]): string {
  if (process.env['VIGIL_SECRET']) return `from VIGIL_SECRET (${config.secret.length} characters)`;
  const file = sqliteFile(config.databaseUrl);
  const dir = file === null ? './data' : path.dirname(file);
  const secretFile = path.join(dir, 'secret');
  if (existsSync(secretFile)) return `read from ${secretFile}`;
  if (!writableOnTheWay(dir)) problems.push(`VIGIL_SECRET: not set, and ${dir} is not writable to keep a generated one`);
  return `generated into ${secretFile} at the first start`;
}

/** Connects and reports what the database is, or pushes the reason it cannot be used. */
async function checkDatabase(url: string, problems: string[]): Promise<string> {
  const file = sqliteFile(url);
  if (file !== null && !existsSync(file)) {
    if (writableOnTheWay(path.dirname(file))) return `${file} does not exist yet: created at the first start or by \`vigil migrate\``;
    problems.push(`VIGIL_DATABASE_URL: cannot create ${file}: its directory is not writable`);
    return 'not usable';
  }
  const database = openDatabase(url);
  try {
    const migrations = await appliedMigrations(database);
    const latest = migrations.at(-1);
    return `${database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} answers; ${migrations.length} migrations applied${latest ? ` (latest ${latest})` : ''}`;
  } catch (err) {
    const explained = explainFailure(err, { phase: 'database', url });
    problems.push(`VIGIL_DATABASE_URL: ${explained ? `${explained.message}; ${explained.hint}` : String(err)}`);
    return 'not usable';
  } finally {
    await database.close();
  }
}

/**
 * `vigil check-config`: validates the environment as a start would, connects to the
 * database, and prints the effective configuration with secrets masked. Each problem is
 * one line; any problem exits with status 2. It changes nothing (no secret file, no database file).
 */
export async function checkConfig(print: (line: string) => void, printProblem: (line: string) => void): Promise<void> {
  const env = process.env['VIGIL_SECRET'] ? process.env : { ...process.env, VIGIL_SECRET: PLACEHOLDER_SECRET };
  const problems: string[] = [];
  let config: Config | null = null;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.message.split('\n').slice(1).map((line) => line.trim()));
  }
  if (config) {
    const secret = secretSource(config, problems);
    const database = await checkDatabase(config.databaseUrl, problems);
    print('Effective configuration (secrets masked):');
    for (const line of configSummary(config, secret)) print(line);
    print(`  database: ${database}`);
  } else if (!problems.some((p) => p.startsWith('VIGIL_DATABASE_URL'))) {
    await checkDatabase(process.env['VIGIL_DATABASE_URL'] || 'sqlite:./data/vigil.db', problems);
  }
  for (const problem of problems) printProblem(problem);
  if (problems.length > 0) throw new CliError(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the configuration`, 2);
  print('The configuration is valid.');
}
