import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { startVigil, type Vigil } from '../../src/app/start.js';
import { createTestDatabase, describeEachDatabase } from '../support/databases.js';
import { demoAdmin } from '../support/demo-admin.js';
import { testConfig } from '../support/test-app.js';

// What the production logger writes at info for each request, read line by line.
describeEachDatabase('request log', (dialect) => {
  const lines: Record<string, unknown>[] = [];
  let vigil: Vigil;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase(dialect);
    drop = database.drop;
    vigil = await startVigil({ ...testConfig(database.url), logLevel: 'info' }, createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }));
  });
  afterAll(async () => {
    await vigil?.stop();
    await drop?.();
  });

  it('writes one line per answered request: method, path without its query, client, status and time', async () => {
    lines.length = 0;
    const answers = [
      await vigil.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: demoAdmin }),
      await vigil.app.inject({ method: 'POST', url: '/api/v1/integrations/webhook?key=secret-looking-key-123', payload: { title: 'x' } }),
      await vigil.app.inject({ method: 'GET', url: '/no/such/page?token=another-secret-456' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404]);
    const requests = lines.filter((l) => l['req'] !== undefined || l['res'] !== undefined);
    expect(requests.map((l) => l['msg'])).toEqual(['request completed', 'request completed', 'request completed']);
    expect(requests.map((l) => [l['req'], l['res']])).toEqual([
      [{ method: 'POST', path: '/api/v1/auth/login', ip: '127.0.0.1' }, { statusCode: 200 }],
      [{ method: 'POST', path: '/api/v1/integrations/webhook', ip: '127.0.0.1' }, { statusCode: 401 }],
      [{ method: 'GET', path: '/no/such/page', ip: '127.0.0.1' }, { statusCode: 404 }],
    ]);
    for (const line of requests) expect(line['responseTime']).toEqual(expect.any(Number));
    const text = JSON.stringify(lines);
    expect(text).not.toContain('incoming request');
    for (const secret of ['secret-looking-key-123', 'another-secret-456', demoAdmin.password]) expect(text).not.toContain(secret);
  });
});
