import { createHmac, randomBytes } from 'node:crypto';

export const recoveryCodeCount = 10;
// No 0/O, 1/I/L: the codes get written on paper and typed back.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Ten single-use codes of 10 characters (~49 bits each), shown as `XXXXX-XXXXX`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Case, spaces and dashes don't matter when a code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Keyed with the server secret rather than salted and stretched: the codes are random, and
 * a stolen database alone cannot be searched for them.
 */
export function hashRecoveryCode(code: string, serverSecret: string): string {
  return createHmac('sha256', serverSecret).update(`recovery-code:${normaliseRecoveryCode(code)}`).digest('base64url');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[A-Z0-9]{10}$/.test(normaliseRecoveryCode(code));
}
