import { describe, expect, it } from 'vitest';
import { explainFailure } from './explain-failure.js';

/** An error shaped like Node's system errors, pg's DatabaseError or better-sqlite3's SqliteError. */
const failure = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);
const pgUrl = 'postgres://vigil:secret@db.internal:6543/vigil';

describe('explainFailure', () => {
  it('names the port and host of a listen that found the port taken, and what to do', () => {
    const e = explainFailure(failure('listen EADDRINUSE', { code: 'EADDRINUSE', syscall: 'listen', address: '0.0.0.0', port: 8080 }), { phase: 'listen', host: '0.0.0.0', port: 8080 });
    expect(e?.message).toBe('port 8080 is already in use on 0.0.0.0');
    expect(e?.hint).toContain('VIGIL_PORT');
    expect(e?.exitCode).toBe(1);
  });

  it('tells a privileged port and a foreign address apart', () => {
    expect(explainFailure(failure('x', { code: 'EACCES' }), { phase: 'listen', host: '0.0.0.0', port: 80 })?.hint).toContain('CAP_NET_BIND_SERVICE');
    const foreign = explainFailure(failure('x', { code: 'EADDRNOTAVAIL' }), { phase: 'listen', host: '10.9.9.9', port: 8080 });
    expect(foreign?.message).toBe('cannot listen on 10.9.9.9: it is not an address of this machine');
    expect(foreign?.exitCode).toBe(2);
  });

  it('finds a refused connection inside an AggregateError (one attempt per address) wrapped as a cause', () => {
    const refused = new AggregateError([failure('connect ECONNREFUSED ::1:6543', { code: 'ECONNREFUSED' }), failure('connect ECONNREFUSED 127.0.0.1:6543', { code: 'ECONNREFUSED' })]);
    const wrapped = new Error('Migration failed', { cause: refused });
    const e = explainFailure(wrapped, { phase: 'database', url: pgUrl });
    expect(e?.message).toBe('cannot reach the database at db.internal:6543: connection refused');
    expect(e?.cause).toBe(wrapped);
  });

  it('explains an unknown host, a timeout, a refused login and a missing database without showing the password', () => {
    const context = { phase: 'database', url: pgUrl } as const;
    expect(explainFailure(failure('getaddrinfo ENOTFOUND db.internal', { code: 'ENOTFOUND', hostname: 'db.internal' }), context)?.message).toBe(
      'cannot reach the database at db.internal:6543: host "db.internal" not found',
    );
    expect(explainFailure(new Error('Connection terminated due to connection timeout'), context)?.hint).toContain('firewall');
    const login = explainFailure(failure('password authentication failed for user "vigil"', { code: '28P01', severity: 'FATAL' }), context);
    expect(login?.message).toBe('the database at db.internal:6543 refused the login: password authentication failed for user "vigil"');
    expect(explainFailure(failure('database "vigil" does not exist', { code: '3D000' }), context)?.hint).toContain('createdb');
    for (const e of [login, explainFailure(failure('x', { code: 'ECONNREFUSED' }), context)]) expect(`${e?.message} ${e?.hint}`).not.toContain('secret');
  });

  it('calls an unparsable database URL a configuration error', () => {
    const e = explainFailure(failure('Invalid URL', { code: 'ERR_INVALID_URL' }), { phase: 'database', url: 'postgres://[' });
    expect(e?.message).toBe('VIGIL_DATABASE_URL is not a valid URL');
    expect(e?.exitCode).toBe(2);
  });

  it('explains SQLite files that cannot be opened or written, and a directory that cannot be made', () => {
    const context = { phase: 'database', url: 'sqlite:/srv/vigil/vigil.db' } as const;
    expect(explainFailure(failure('unable to open database file', { code: 'SQLITE_CANTOPEN' }), context)?.message).toBe('cannot open the SQLite database /srv/vigil/vigil.db');
    expect(explainFailure(failure('attempt to write a readonly database', { code: 'SQLITE_READONLY' }), context)?.hint).toContain('-wal');
    const mkdir = explainFailure(failure("EACCES: permission denied, mkdir '/srv/vigil'", { code: 'EACCES', syscall: 'mkdir', path: '/srv/vigil' }), context);
    expect(mkdir?.message).toBe('cannot write /srv/vigil: permission denied');
    expect(explainFailure(failure('x', { code: 'ENOTDIR', path: '/etc/hosts/data' }), { phase: 'files' })?.message).toBe('cannot write /etc/hosts/data: a part of the path is not a directory');
  });

  it('sends an empty database to vigil migrate', () => {
    expect(explainFailure(failure('no such table: users', { code: 'SQLITE_ERROR' }), { phase: 'database', url: 'sqlite:x.db' })?.hint).toContain('vigil migrate');
    expect(explainFailure(failure('relation "users" does not exist', { code: '42P01' }), { phase: 'database', url: pgUrl })?.hint).toContain('vigil migrate');
  });

  it('leaves anything else to be reported as it is', () => {
    expect(explainFailure(new Error('something else'), { phase: 'database', url: pgUrl })).toBeNull();
    expect(explainFailure(failure('x', { code: 'ECONNREFUSED' }), { phase: 'files' })).toBeNull();
    expect(explainFailure('not even an error', { phase: 'listen', host: '::', port: 1 })).toBeNull();
  });
});
