import type { MappedUser, VigilRole } from '../setup.js';
import type { GoUser } from './types.js';

const ROLES: Record<string, VigilRole> = { admin: 'admin', editor: 'responder', viewer: 'viewer' };

/**
 * A Grafana OnCall user: admins administer, editors respond, viewers view. Their
 * notification rules name Slack, Telegram, the mobile app and phone steps that the public
 * API does not give the addresses of, so users come without contact methods (MIGRATING.md).
 */
export function mapUser(user: GoUser): MappedUser {
  const role = ROLES[user.role];
  return {
    sourceId: user.id,
    email: user.email,
    name: (user.username || user.email).slice(0, 200),
    role: role ?? 'viewer',
    timeZone: user.timezone ?? 'UTC',
    teamSourceIds: [],
    contactMethods: [],
    rules: [],
    notes: role ? [] : [{ subject: `user ${user.email}`, reason: `has the role ${user.role}, imported as a viewer` }],
  };
}
