import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { startVigil, type Vigil } from '../../src/app/start.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { testConfig } from '../support/test-app.js';

/**
 * A first start without VIGIL_DEMO_PASSWORD: the demo owner's password is generated and
 * shown once on the console, never in the log, and a restart shows nothing.
 */
describeEachDatabase('first start', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.drop());

  async function start(overrides: { host: string; baseUrlSet: boolean; demoPassword?: string }, url = database.url) {
    const announced: string[] = [];
    const logLines: string[] = [];
    const logger = createLogger('trace', { write: (line: string) => void logLines.push(line) });
    const vigil: Vigil = await startVigil({ ...testConfig(url), demoPassword: undefined, ...overrides, logLevel: 'trace' }, logger, {
      announce: (text) => void announced.push(text),
    });
    return { vigil, announced, logLines };
  }

  const baseUrlWarnings = (lines: string[]) => lines.filter((l) => l.includes('VIGIL_BASE_URL is not set'));

  it('prints a generated owner password once, which logs in and never reaches the log', async () => {
    const first = await start({ host: '0.0.0.0', baseUrlSet: false });
    let password: string;
    try {
      expect(first.announced).toHaveLength(1);
      const banner = first.announced[0] as string;
      expect(banner).toContain('admin@example.com');
      expect(banner).toMatch(/change it on the profile page/);
      password = /password: +(\S+)/.exec(banner)?.[1] as string;
      expect(password).toMatch(/^[0-9a-z]{5}(-[0-9a-z]{5}){3}$/);

      const login = await first.vigil.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.com', password } });
      expect(login.statusCode).toBe(200);
      const wrong = await first.vigil.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.com', password: 'vigil-demo' } });
      expect(wrong.statusCode).toBe(401);

      expect(first.logLines.length).toBeGreaterThan(0);
      expect(first.logLines.join('\n')).not.toContain(password);
      // Reachable from the network with the localhost default: one warning, saying how to fix it.
      expect(baseUrlWarnings(first.logLines)).toHaveLength(1);
      expect(JSON.parse(baseUrlWarnings(first.logLines)[0] as string)).toMatchObject({ level: 40, host: '0.0.0.0' });
    } finally {
      await first.vigil.stop();
    }

    const second = await start({ host: '127.0.0.1', baseUrlSet: false });
    try {
      expect(second.announced).toEqual([]);
      expect(second.logLines.join('\n')).not.toContain(password);
      // Listening on loopback only, localhost links are right.
      expect(baseUrlWarnings(second.logLines)).toEqual([]);
      const login = await second.vigil.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.com', password } });
      expect(login.statusCode).toBe(200);
    } finally {
      await second.vigil.stop();
    }

    const third = await start({ host: '0.0.0.0', baseUrlSet: true });
    try {
      expect(third.announced).toEqual([]);
      expect(baseUrlWarnings(third.logLines)).toEqual([]);
    } finally {
      await third.vigil.stop();
    }
  });

  it('prints nothing when VIGIL_DEMO_PASSWORD sets the password', async () => {
    const other = await createTestDatabase(dialect);
    const password = 'scripted demo password';
    const node = await start({ host: '127.0.0.1', baseUrlSet: false, demoPassword: password }, other.url);
    try {
      expect(node.announced).toEqual([]);
      expect(node.logLines.some((l) => l.includes('VIGIL_DEMO_PASSWORD'))).toBe(true);
      expect(node.logLines.join('\n')).not.toContain(password);
      const login = await node.vigil.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.com', password } });
      expect(login.statusCode).toBe(200);
    } finally {
      await node.vigil.stop();
      await other.drop();
    }
  });
});
