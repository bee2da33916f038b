import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/security/password.js';
import { createApiToken, findApiTokenUser } from '../../src/store/api-tokens.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { createSession, findSessionUser } from '../../src/store/sessions.js';
import { createUser, findUserByEmail } from '../../src/store/users.js';
import { linesOf, runVigilCli, type CliRun } from '../support/cli-process.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { freePort } from '../support/storm.js';

const SECRET = 'cli-test-secret-cli-test-secret-cli-test';
const stackLine = /^\s+at /m;
// Each command is a process that loads this run's bundle of the sources: seconds apiece on a loaded machine.
const SLOW = 120_000;

/** The one readable line a failed command writes, and no stack trace. */
function expectOneLine(run: CliRun, code: number, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  expect(linesOf(run.stderr)).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(stackLine);
}

describe('vigil help', () => {
  it('lists every command, and each command its options', async () => {
    const [top, user, create] = await Promise.all([runVigilCli(['--help']), runVigilCli(['user', '--help']), runVigilCli(['user', 'create', '--help'])]);
    expect(top.code).toBe(0);
    for (const command of ['serve', 'migrate', 'user', 'backup', 'check-config']) expect(top.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(top.stdout).toContain('Exit status');
    for (const command of ['create', 'reset-password', 'list']) expect(user.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    for (const option of ['--email', '--name', '--role', '--time-zone', '--password-stdin']) expect(create.stdout).toContain(option);
  }, SLOW);

  it('answers a mistyped command or a missing option with usage and status 2', async () => {
    const [unknown, missing] = await Promise.all([runVigilCli(['serv']), runVigilCli(['user', 'create', '--email', 'a@example.com'])]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'serv'");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--name <name>' not specified");
  }, SLOW);
});

describeEachDatabase('vigil command line', (dialect) => {
  let db: TestDatabase;
  let database: Database;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    env = { VIGIL_DATABASE_URL: db.url, VIGIL_SECRET: SECRET };
  });

  afterAll(async () => {
    await database?.close();
    await db?.drop();
  });

  it('refuses user commands before the database exists, then migrate applies every migration once', async () => {
    expectOneLine(await runVigilCli(['user', 'list'], { env }), 1, dialect === 'sqlite' ? /^vigil: there is no database at .*vigil migrate/ : /^vigil: the database has no Vigil tables yet; run `vigil migrate`/);
    const first = await runVigilCli(['migrate'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Applied \d+ migrations:/);
    expect(first.stdout).toContain('  0001-users-and-teams');
    const again = await runVigilCli(['migrate'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^The database is up to date/);
    database = openDatabase(db.url);
    // Only the schema: no demo team.
    expect(await database.db.selectFrom('users').select('id').execute()).toEqual([]);
  }, SLOW);

  it('user create: a generated password printed once, or one from standard input; audited as the command line', async () => {
    const generated = await runVigilCli(['user', 'create', '--email', 'Root@Example.com', '--name', 'Root', '--role', 'owner'], { env });
    expect(generated.code, generated.stderr).toBe(0);
    const password = /^Password: (\S+)$/m.exec(generated.stdout)?.[1] as string;
    const root = await findUserByEmail(database.db, 'root@example.com');
    expect(root?.role).toBe('owner');
    expect(await verifyPassword(password, root?.password_hash as string)).toBe(true);

    const piped = await runVigilCli(['user', 'create', '--email', 'ann@example.com', '--name', 'Ann', '--role', 'responder', '--time-zone', 'US/Pacific', '--password-stdin'], {
      env,
      input: 'piped-password-1\n',
    });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).not.toContain('Password:');
    const ann = await findUserByEmail(database.db, 'ann@example.com');
    expect(ann?.time_zone).toBe('America/Los_Angeles');
    expect(await verifyPassword('piped-password-1', ann?.password_hash as string)).toBe(true);

    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', ann?.id as string).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'create', via: 'cli', actor_id: null, user_agent: expect.stringMatching(/^vigil user create \(/) })]);
    expect(audit[0]?.after).not.toContain('piped-password-1');
  }, SLOW);

  it('user create refuses a taken email, a bad email, a short password and an unknown zone, writing nothing', async () => {
    const before = await database.db.selectFrom('users').select('id').execute();
    const base = ['user', 'create', '--name', 'X', '--role', 'viewer'];
    const [taken, badEmail, short, zone] = await Promise.all([
      runVigilCli([...base, '--email', 'ann@example.com'], { env }),
      runVigilCli([...base, '--email', 'not-an-email'], { env }),
      runVigilCli([...base, '--email', 'short@example.com', '--password-stdin'], { env, input: 'short\n' }),
      runVigilCli([...base, '--email', 'zone@example.com', '--time-zone', 'Mars/Olympus'], { env }),
    ]);
    expectOneLine(taken, 1, /^vigil: a user with the email ann@example.com already exists; .*reset-password/);
    expectOneLine(badEmail, 2, /^vigil: --email must match format "email"/);
    expectOneLine(short, 2, /^vigil: the password from standard input must not have fewer than 8 characters/);
    expectOneLine(zone, 2, /^vigil: --time-zone: unknown time zone "Mars\/Olympus"/);
    expect(await database.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
  }, SLOW);

  it('user list: every user with role, two-factor and last sign-in, as a table or JSON', async () => {
    const ann = (await findUserByEmail(database.db, 'ann@example.com'))!;
    const loginAt = Date.parse('2026-11-02T08:30:00Z');
    await createSession(database.db, ann.id, loginAt);
    const [json, table] = await Promise.all([runVigilCli(['user', 'list', '--json'], { env }), runVigilCli(['user', 'list'], { env })]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      { id: ann.id, email: 'ann@example.com', name: 'Ann', role: 'responder', twoFactor: false, lastLoginAt: '2026-11-02T08:30:00.000Z' },
      expect.objectContaining({ email: 'root@example.com', role: 'owner', twoFactor: false, lastLoginAt: null }),
    ]);
    expect(linesOf(table.stdout)).toEqual([
      expect.stringMatching(/^EMAIL +NAME +ROLE +2FA +LAST LOGIN$/),
      expect.stringMatching(/^ann@example.com +Ann +responder +off +2026-11-02 08:30 UTC$/),
      expect.stringMatching(/^root@example.com +Root +owner +off +-$/),
    ]);
  }, SLOW);

  it("user reset-password: an owner's too (break-glass); the new password works, the old one not, sessions and API tokens end", async () => {
    const root = (await findUserByEmail(database.db, 'root@example.com'))!;
    const now = Date.now();
    const session = await createSession(database.db, root.id, now);
    const { token } = await createApiToken(database.db, root.id, 'ci', null, now);
    expect(await findSessionUser(database.db, session.token, now)).toBeDefined();

    const run = await runVigilCli(['user', 'reset-password', 'ROOT@example.com', '--password-stdin'], { env, input: 'break-glass-password\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('New password set for root@example.com (owner)');
    const after = (await findUserByEmail(database.db, 'root@example.com'))!;
    expect(await verifyPassword('break-glass-password', after.password_hash as string)).toBe(true);
    expect(await verifyPassword('piped-password-1', after.password_hash as string)).toBe(false);
    expect(await findSessionUser(database.db, session.token, Date.now())).toBeUndefined();
    expect(await findApiTokenUser(database.db, token, Date.now())).toBeUndefined();
    const audit = await database.db.selectFrom('audit_log').select(['action', 'via']).where('entity_id', '=', root.id).where('action', '=', 'update').execute();
    expect(audit).toEqual([{ action: 'update', via: 'cli' }]);

    expectOneLine(await runVigilCli(['user', 'reset-password', 'nobody@example.com'], { env }), 1, /^vigil: no user has the email nobody@example.com/);
  }, SLOW);

  it('check-config prints the effective configuration with the database password masked', async () => {
    // The test cluster trusts every login, so a password in the URL is accepted and ignored.
    const url = new URL(db.url);
    if (dialect === 'postgres') url.password = 'db-password-123';
    const run = await runVigilCli(['check-config'], { env: { ...env, VIGIL_DATABASE_URL: dialect === 'postgres' ? url.toString() : db.url, VIGIL_SMTP_URL: 'smtp://mailer:smtp-password-456@mail.example.com:587' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    for (const secret of ['db-password-123', 'smtp-password-456', SECRET]) expect(run.stdout).not.toContain(secret);
    expect(run.stdout).toContain('  smtpUrl: smtp://mailer:*****@mail.example.com:587');
    expect(run.stdout).toContain(`  secret: from VIGIL_SECRET (${SECRET.length} characters)`);
    expect(run.stdout).toMatch(new RegExp(`database: ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} answers; \\d+ migrations applied`));
    expect(run.stdout).toContain('The configuration is valid.');
  }, SLOW);

  if (dialect === 'postgres') {
    it('backup points to pg_dump on PostgreSQL, with status 2', async () => {
      expectOneLine(await runVigilCli(['backup', path.join(os.tmpdir(), 'never.db')], { env }), 2, /^vigil: vigil backup copies SQLite databases; back up PostgreSQL with pg_dump; pg_dump/);
    });
    return;
  }

  it('backup copies the database while writes go on; the copy opens and holds the data; no overwrite without --force', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-backup-'));
    const target = path.join(dir, 'copy.db');
    try {
      let writing = true;
      let written = 0;
      const writes = (async () => {
        while (writing) {
          await createUser(database.db, { email: `writer-${written}@example.com`, name: 'Writer', role: 'viewer', timeZone: 'UTC', passwordHash: null }, Date.now());
          written++;
          // better-sqlite3 answers synchronously: yield, or the child's exit would never be noticed.
          await new Promise((r) => setImmediate(r));
        }
      })();
      while (written < 20) await new Promise((r) => setTimeout(r, 10));
      const writtenBefore = written;
      const run = await runVigilCli(['backup', target], { env });
      const writtenAfter = written;
      writing = false;
      await writes;
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Backed up .* to .*copy\.db \(\d+\.\d MB\)\./);
      expect(writtenAfter).toBeGreaterThan(writtenBefore);

      const copy = new SQLite(target, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const emails = (copy.prepare('select email from users').all() as { email: string }[]).map((r) => r.email);
        expect(emails).toEqual(expect.arrayContaining(['root@example.com', 'ann@example.com']));
        const writers = emails.filter((e) => e.startsWith('writer-')).length;
        expect(writers).toBeGreaterThanOrEqual(writtenBefore);
        expect(writers).toBeLessThanOrEqual(writtenAfter);
      } finally {
        copy.close();
      }
      expect(existsSync(`${target}-wal`)).toBe(false);

      writeFileSync(target, 'keep me');
      expectOneLine(await runVigilCli(['backup', target], { env }), 1, /already exists; pass --force to replace it/);
      expect(readFileSync(target, 'utf8')).toBe('keep me');
      expect((await runVigilCli(['backup', target, '--force'], { env })).code).toBe(0);
      expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, SLOW);
});

describe('readable start failures', () => {
  let dir: string;
  let env: Record<string, string>;
  let listener: Server;
  let takenPort: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-'));
    env = { VIGIL_DATABASE_URL: `sqlite:${path.join(dir, 'vigil.db')}`, VIGIL_SECRET: SECRET, VIGIL_SEED_DEMO: '0', VIGIL_HOST: '127.0.0.1' };
    listener = createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    takenPort = (listener.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => listener.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a port in use: one line naming port and address, status 1, no stack trace', async () => {
    const run = await runVigilCli(['serve'], { env: { ...env, VIGIL_PORT: String(takenPort) } });
    expectOneLine(run, 1, new RegExp(`^vigil: port ${takenPort} is already in use on 127\\.0\\.0\\.1; set VIGIL_PORT`));
  }, SLOW);

  it('an unreachable database, through vigil serve and node dist/app/main.js alike; the stack only at debug level', async () => {
    const closed = await freePort();
    const pgEnv = { ...env, VIGIL_PORT: String(await freePort()), VIGIL_DATABASE_URL: `postgres://vigil:pw@127.0.0.1:${closed}/vigil` };
    const [serve, main, debug] = await Promise.all([
      runVigilCli(['serve'], { env: pgEnv }),
      runVigilCli([], { env: pgEnv, entry: 'src/app/main.ts' }),
      runVigilCli(['serve'], { env: { ...pgEnv, VIGIL_LOG_LEVEL: 'debug' } }),
    ]);
    const line = new RegExp(`^vigil: cannot reach the database at 127\\.0\\.0\\.1:${closed}: connection refused; check that PostgreSQL runs`);
    expectOneLine(serve, 1, line);
    expectOneLine(main, 1, line);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(line);
    expect(debug.stderr).toMatch(stackLine);
  }, SLOW);

  it('a data directory that cannot be created: one line naming the path', async () => {
    writeFileSync(path.join(dir, 'a-file'), '');
    const run = await runVigilCli(['serve'], { env: { ...env, VIGIL_SECRET: '', VIGIL_DATABASE_URL: `sqlite:${path.join(dir, 'a-file', 'data', 'vigil.db')}` } });
    expectOneLine(run, 1, /^vigil: cannot write .*a-file\/data: a part of the path is not a directory; make the data directory writable/);
  }, SLOW);

  it('check-config: one line per bad variable, status 2, and the database tried too', async () => {
    const closed = await freePort();
    const run = await runVigilCli(['check-config'], {
      env: { ...env, VIGIL_PORT: 'eighty', VIGIL_SMTP_URL: 'http://mail.example.com', VIGIL_DATABASE_URL: `postgres://vigil@127.0.0.1:${closed}/vigil` },
    });
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual([
      'VIGIL_PORT: must be integer',
      'VIGIL_SMTP_URL: must match pattern "^smtps?://"',
      expect.stringMatching(new RegExp(`^VIGIL_DATABASE_URL: cannot reach the database at 127\\.0\\.0\\.1:${closed}: connection refused`)),
      'vigil: 3 problems in the configuration',
    ]);
    expect(run.stderr).not.toMatch(stackLine);
  }, SLOW);
});
