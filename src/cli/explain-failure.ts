import { CliError, type ExitCode } from './cli-error.js';
import { postgresAddress, sqliteFile } from './database-url.js';

/** What was being done when the error came: listening, or opening and using the database. */
export type FailureContext = { phase: 'listen'; host: string; port: number } | { phase: 'database'; url: string } | { phase: 'files' };

interface Explanation {
  message: string;
  hint: string;
  exitCode: ExitCode;
}

/** The fields Node's system errors, pg's DatabaseError and better-sqlite3's SqliteError carry. */
interface ErrorFields {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  hostname?: unknown;
  message?: unknown;
  severity?: unknown;
}

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);
const fileCodes: Record<string, string> = { EACCES: 'permission denied', EPERM: 'not permitted', EROFS: 'read-only file system', ENOSPC: 'no space left on the device', ENOTDIR: 'a part of the path is not a directory' };

/**
 * Turns the errors an operator meets at start (port taken, database down or refusing
 * the login, bad database URL, unwritable data directory) into one line and a hint;
 * null for anything else, which is then reported as it is.
 */
export function explainFailure(err: unknown, context: FailureContext): CliError | null {
  for (const e of causes(err)) {
    const found = explainOne(e, context);
    if (found) return new CliError(found.message, found.exitCode, found.hint, { cause: err });
  }
  return null;
}

/** The error, what it wraps (cause), and the attempts of an AggregateError (one per address tried). */
function* causes(err: unknown, depth = 0): Generator<ErrorFields> {
  if (depth > 8 || err === null || typeof err !== 'object') return;
  yield err as ErrorFields;
  if (err instanceof AggregateError) for (const inner of err.errors) yield* causes(inner, depth + 1);
  yield* causes((err as { cause?: unknown }).cause, depth + 1);
}

function explainOne(e: ErrorFields, context: FailureContext): Explanation | null {
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (context.phase === 'listen') return explainListen(code, context.host, context.port);
  if (typeof e.path === 'string' && code in fileCodes) {
    return {
      message: `cannot write ${e.path}: ${fileCodes[code]}`,
      hint: 'make the data directory writable for the user Vigil runs as, or point VIGIL_DATABASE_URL somewhere writable',
      exitCode: 1,
    };
  }
  if (context.phase !== 'database') return null;
  if (code === 'ERR_INVALID_URL') {
    return {
      message: 'VIGIL_DATABASE_URL is not a valid URL',
      hint: 'write it as postgres://user:password@host:5432/database, with special characters in the password percent-encoded (@ as %40)',
      exitCode: 2,
    };
  }
  if (/no such table/.test(message) || code === '42P01') {
    return { message: 'the database has no Vigil tables yet', hint: 'run `vigil migrate` (or start the server once) first', exitCode: 1 };
  }
  const file = sqliteFile(context.url);
  if (file !== null) return code.startsWith('SQLITE_') ? explainSqlite(code, file) : null;
  return explainPostgres(e, code, message, postgresAddress(context.url));
}

function explainListen(code: string, host: string, port: number): Explanation | null {
  switch (code) {
    case 'EADDRINUSE':
      return { message: `port ${port} is already in use on ${host}`, hint: `set VIGIL_PORT to a free port, or stop what listens there (ss -ltnp 'sport = :${port}')`, exitCode: 1 };
    case 'EACCES':
      return { message: `no permission to listen on port ${port} on ${host}`, hint: 'ports below 1024 need root or CAP_NET_BIND_SERVICE: use a higher VIGIL_PORT behind a reverse proxy', exitCode: 1 };
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { message: `cannot listen on ${host}: it is not an address of this machine`, hint: "set VIGIL_HOST to one of this machine's addresses, or 0.0.0.0 for all of them", exitCode: 2 };
    default:
      return null;
  }
}

function explainSqlite(code: string, file: string): Explanation | null {
  switch (code) {
    case 'SQLITE_CANTOPEN':
      return { message: `cannot open the SQLite database ${file}`, hint: 'check that its directory exists and that the user Vigil runs as may write to it', exitCode: 1 };
    case 'SQLITE_READONLY':
      return { message: `the SQLite database ${file} is read-only for this user`, hint: 'make the file and its directory writable: SQLite also writes -wal and -shm files beside it', exitCode: 1 };
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return { message: `${file} is not a SQLite database, or it is damaged`, hint: 'check VIGIL_DATABASE_URL; restore a damaged file from a backup (see docs/OPERATIONS.md)', exitCode: 1 };
    case 'SQLITE_BUSY':
      return { message: `the SQLite database ${file} is locked by another process`, hint: 'stop the process holding a write transaction open on it (a sqlite3 shell, another tool)', exitCode: 1 };
    case 'SQLITE_FULL':
      return { message: `the disk holding ${file} is full`, hint: 'free some space, or shorten VIGIL_CHECK_RESULTS_DAYS', exitCode: 1 };
    default:
      return null;
  }
}

function explainPostgres(e: ErrorFields, code: string, message: string, address: string): Explanation | null {
  const unreachable = (why: string, hint: string): Explanation => ({ message: `cannot reach the database at ${address}: ${why}`, hint, exitCode: 1 });
  if (code === 'ECONNREFUSED') return unreachable('connection refused', `check that PostgreSQL runs and listens on ${address} (listen_addresses, port, firewall) and that VIGIL_DATABASE_URL names it`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return unreachable(`host ${typeof e.hostname === 'string' ? `"${e.hostname}" ` : ''}not found`, "check the host name in VIGIL_DATABASE_URL and this machine's DNS");
  }
  if (networkCodes.has(code) || /timeout/i.test(message)) return unreachable(code || 'no answer in time', 'check that the host is up and that no firewall drops the connection');
  switch (code) {
    case '28P01':
    case '28000':
      return { message: `the database at ${address} refused the login: ${message}`, hint: 'check the user name and password in VIGIL_DATABASE_URL, and pg_hba.conf on the server', exitCode: 1 };
    case '3D000':
      return { message: `${message} on ${address}`, hint: 'create it (createdb) or fix the database name in VIGIL_DATABASE_URL', exitCode: 1 };
    case '42501':
      return { message: `the database user may not do this: ${message}`, hint: "make the user the database's owner, or grant it CREATE on the schema", exitCode: 1 };
    case '57P03':
      return { message: `the database at ${address} is starting up or shutting down`, hint: 'try again in a moment', exitCode: 1 };
    default:
      return null;
  }
}
