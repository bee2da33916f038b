import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The cookie a visitor gets for typing a status page's password: `<expiresAt>.<mac>`, the
 * MAC over the page, the expiry and the page's current password hash. A new password
 * changes the hash, so every cookie given for the old one stops working at once.
 */

export const ACCESS_DAYS = 30;

const mac = (pageId: string, expiresAt: number, passwordHash: string, secret: string) =>
  createHmac('sha256', `status-page-access:${secret}`).update(`${pageId}\n${expiresAt}\n${passwordHash}`).digest('base64url');

export function signPageAccess(pageId: string, passwordHash: string, secret: string, now: number): string {
  const expiresAt = now + ACCESS_DAYS * 86_400_000;
  return `${expiresAt}.${mac(pageId, expiresAt, passwordHash, secret)}`;
}

export function verifyPageAccess(cookie: string | undefined, pageId: string, passwordHash: string, secret: string, now: number): boolean {
  const [exp, signature] = (cookie ?? '').split('.');
  const expiresAt = Number(exp);
  if (!signature || !Number.isSafeInteger(expiresAt) || expiresAt <= now) return false;
  const expected = Buffer.from(mac(pageId, expiresAt, passwordHash, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** One cookie name per page, so visitors of several pages on one host keep each. */
export const pageAccessCookie = (pageId: string) => `vigil_status_${pageId.replace(/[^A-Za-z0-9_-]/g, '')}`;
