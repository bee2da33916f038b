import { describe, expect, it } from 'vitest';
import { evaluateDns } from './evaluate-dns.js';

describe('evaluateDns', () => {
  it('passes when the name resolves', () => {
    expect(evaluateDns({ name: 'example.com', recordType: 'A' }, ['93.184.215.14'])).toEqual({ ok: true, message: 'A example.com: 93.184.215.14' });
    expect(evaluateDns({ name: 'example.com', recordType: 'AAAA' }, [])).toEqual({ ok: false, message: 'No AAAA record for example.com' });
  });

  it('needs an answer matching `contains`, ignoring case and the trailing dot', () => {
    const spec = { name: 'example.com', recordType: 'MX' as const, contains: 'mail.example.com' };
    expect(evaluateDns(spec, ['10 Mail.Example.com.']).ok).toBe(true);
    expect(evaluateDns(spec, ['10 mx.other.net'])).toEqual({ ok: false, message: 'MX example.com: 10 mx.other.net; none matches "mail.example.com"' });
  });
});
