import { describe, expect, it } from 'vitest';
import { failureMessage } from './failure-message.js';

const withCode = (message: string, code: string, extra: object = {}) => Object.assign(new Error(message), { code }, extra);

describe('failureMessage', () => {
  it('says "timed out" for every kind of timeout', () => {
    expect(failureMessage(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), 5000)).toBe('Timed out after 5000 ms');
    expect(failureMessage(withCode('Headers Timeout Error', 'UND_ERR_HEADERS_TIMEOUT'), 1000)).toBe('Timed out after 1000 ms');
    expect(failureMessage(withCode('Connect Timeout Error', 'UND_ERR_CONNECT_TIMEOUT'), 1000)).toBe('Timed out after 1000 ms');
  });

  it('names the cause of a fetch failure with its code', () => {
    const cause = withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED');
    expect(failureMessage(new TypeError('fetch failed', { cause }), 1000)).toBe('connect ECONNREFUSED 127.0.0.1:1');
    const tls = withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(failureMessage(tls, 1000)).toBe('DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate');
    expect(failureMessage('boom', 1000)).toBe('boom');
  });
});
