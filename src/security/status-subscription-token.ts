import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from './secret-token.js';

/**
 * A confirmation link's token: 128 random bits. Only its sha256 is stored (a random
 * token needs no slow hash), and it is cleared once used.
 */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(16).toString('base64url');
  return { token, hash: sha256(token) };
}

export const confirmTokenHash = (token: string): string => sha256(token);

const mac = (subscriberId: string, secret: string) => createHmac('sha256', `status-unsubscribe:${secret}`).update(subscriberId).digest('base64url');

/**
 * An unsubscribe link's token, `<subscriber id>.<HMAC>`: every notice carries it, so it
 * is derived rather than stored (the stored confirmation hash cannot give a link back).
 * It stays valid while the subscriber exists; changing VIGIL_SECRET voids it.
 */
export function unsubscribeToken(subscriberId: string, secret: string): string {
  return `${subscriberId}.${mac(subscriberId, secret)}`;
}

/** The subscriber id an unsubscribe token names, or null when it was not signed by this server. */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(id, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
