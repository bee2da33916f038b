import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkAction = 'acknowledge' | 'resolve';

/** What an emailed action link may do: one action, on one incident, as one user, until a time. */
export interface LinkClaim {
  incidentId: string;
  action: LinkAction;
  userId: string;
  expiresAt: number;
}

const mac = (payload: string, secret: string) => createHmac('sha256', `incident-link:${secret}`).update(payload).digest('base64url');

/** `<payload>.<signature>`, both base64url: safe in a query string. */
export function signLink(claim: LinkClaim, secret: string): string {
  const payload = Buffer.from(JSON.stringify([claim.incidentId, claim.action, claim.userId, claim.expiresAt])).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

export type LinkCheck = { ok: true; claim: LinkClaim } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyLink(token: string, secret: string, now: number): LinkCheck {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  try {
    const [incidentId, action, userId, expiresAt] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, LinkAction, string, number];
    if (expiresAt <= now) return { ok: false, reason: 'expired' };
    return { ok: true, claim: { incidentId, action, userId, expiresAt } };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}
