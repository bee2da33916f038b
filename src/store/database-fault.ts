/**
 * True when an error says the database cannot be used right now (unreachable, shutting
 * down, restarting, out of connections, locked, disk full), rather than that a query was
 * wrong. Such errors are retried by the loops and answered 503 + Retry-After by the API.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  // PostgreSQL SQLSTATE classes 08 (connection exception), 53 (insufficient resources),
  // 57P (operator intervention: shutdown, restart, terminated backend), 58 (system error).
  if (/^(08|53|57P|58)/.test(code)) return true;
  // Node's socket errors from pg when the server is down or the connection dropped.
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  // better-sqlite3: locked beyond busy_timeout, disk full, I/O error, read-only or vanished file.
  if (/^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOMEM)/.test(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  // pg reports a dropped or timed-out connection with these messages and no code.
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(message);
}

/**
 * True when PostgreSQL rolled a transaction back to break a deadlock (40P01) or for a
 * serialization conflict (40001): nothing of it was written, and running it again
 * succeeds once the other transaction is through. Writers that lock incidents in the
 * order their work arrives (page outcomes, the engine) can meet an API call that locks
 * the same incidents in id order; PostgreSQL then picks one of them as the victim.
 */
export function isLockConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}
