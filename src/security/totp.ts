import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

// RFC 6238 defaults (SHA-1, 6 digits, 30 s): the only parameters every authenticator app honours.
const period = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI authenticator apps scan, labelled with the account's email. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: 'Vigil', label: email, secret, period });
}

/**
 * The time step of a valid code at `nowMs`, allowing one step of clock drift either way,
 * or null. Codes of `afterStep` or earlier are refused, so a code seen once (over a
 * shoulder, in a proxy log) cannot be used again.
 */
export function verifyTotp(secret: string, code: string, nowMs: number, afterStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    period,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: period,
    ...(afterStep !== null && { afterTimeStep: afterStep }),
  });
  // otplib's result type covers HOTP too; a valid TOTP result always carries its time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code an authenticator shows at `nowMs`: for tests and the seeded demo. */
export function totpCode(secret: string, nowMs: number): string {
  return generateSync({ secret, period, epoch: Math.floor(nowMs / 1000) });
}
