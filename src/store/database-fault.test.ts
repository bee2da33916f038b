import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isLockConflict } from './database-fault.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each(['57P01', '57P03', '08006', '08001', '53300', 'ECONNREFUSED', 'ECONNRESET', 'SQLITE_BUSY', 'SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY'])('is true for %s', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it('is true for pg connection messages without a code', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it.each(['23505', '23503', '22P02', '42P01', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR'])('is false for query errors such as %s', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(false);
  });

  it('is false for anything else', () => {
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('text')).toBe(false);
  });
});

describe('isLockConflict', () => {
  it.each(['40P01', '40001'])('is true for %s', (code) => expect(isLockConflict(withCode(code))).toBe(true));
  it.each(['23505', '57P01', 'SQLITE_BUSY', '40P02'])('is false for %s', (code) => expect(isLockConflict(withCode(code))).toBe(false));
  it('is false for errors without a code', () => expect(isLockConflict(new Error('40P01'))).toBe(false));
});
