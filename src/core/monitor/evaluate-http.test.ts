import { describe, expect, it } from 'vitest';
import { evaluateHttp } from './evaluate-http.js';

const spec = { expectedStatus: ['200-299'], keywordMode: 'present' as const };

describe('evaluateHttp', () => {
  it('passes an expected status and fails any other', () => {
    expect(evaluateHttp(spec, { status: 204, body: null })).toEqual({ ok: true, message: 'HTTP 204' });
    expect(evaluateHttp(spec, { status: 503, body: null })).toEqual({ ok: false, message: 'HTTP 503, expected 200-299' });
    expect(evaluateHttp({ ...spec, expectedStatus: ['401', '403'] }, { status: 401, body: null }).ok).toBe(true);
  });

  it('looks for a keyword that must be present', () => {
    const withKeyword = { ...spec, keyword: 'healthy' };
    expect(evaluateHttp(withKeyword, { status: 200, body: '{"db":"healthy"}' }).ok).toBe(true);
    expect(evaluateHttp(withKeyword, { status: 200, body: '{"db":"down"}' })).toEqual({ ok: false, message: 'HTTP 200, but "healthy" is not in the body' });
    // The status is judged first: an error page that happens to contain the word still fails.
    expect(evaluateHttp(withKeyword, { status: 500, body: 'healthy' }).ok).toBe(false);
  });

  it('looks for a keyword that must be absent', () => {
    const absent = { ...spec, keyword: 'maintenance', keywordMode: 'absent' as const };
    expect(evaluateHttp(absent, { status: 200, body: 'all good' }).ok).toBe(true);
    expect(evaluateHttp(absent, { status: 200, body: 'down for maintenance' })).toEqual({ ok: false, message: 'HTTP 200, but "maintenance" is in the body' });
  });
});
