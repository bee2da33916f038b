import type { Kysely } from 'kysely';
import { hashRecoveryCode, looksLikeRecoveryCode } from '../security/recovery-codes.js';
import { SecretBox } from '../security/secret-box.js';
import { verifyTotp } from '../security/totp.js';
import type { DB } from '../store/schema.js';
import { claimTotpStep, findTotp, useRecoveryCode } from '../store/two-factor.js';

/** The box TOTP secrets are sealed in; the purpose keeps its key apart from other uses of VIGIL_SECRET. */
export const totpBox = (serverSecret: string) => new SecretBox(serverSecret, 'totp-secret');

/**
 * Checks a code from the user's authenticator (6 digits) or one of their recovery codes,
 * and spends it: a TOTP step is never accepted twice, a recovery code only once.
 * `pending` checks an enrolment not yet confirmed (only TOTP codes count then).
 */
export async function spendSecondFactor(
  db: Kysely<DB>,
  serverSecret: string,
  userId: string,
  code: string,
  now: number,
  { pending = false } = {},
): Promise<'totp' | 'recovery' | null> {
  const totp = await findTotp(db, userId);
  if (!totp || (totp.confirmed_at === null) !== pending) return null;
  const trimmed = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(trimmed)) {
    const secret = openSecret(serverSecret, totp.secret_encrypted);
    // Sealed under another VIGIL_SECRET: no code can match; recovery codes (also keyed by it) neither, so an admin resets it.
    if (secret === null) return null;
    const step = verifyTotp(secret, trimmed, now, totp.last_step);
    return step !== null && (await claimTotpStep(db, userId, step)) ? 'totp' : null;
  }
  if (!pending && looksLikeRecoveryCode(code)) {
    return (await useRecoveryCode(db, userId, hashRecoveryCode(code, serverSecret), now)) ? 'recovery' : null;
  }
  return null;
}

function openSecret(serverSecret: string, sealed: string): string | null {
  try {
    return totpBox(serverSecret).open(sealed);
  } catch {
    return null;
  }
}
