import type { ImportNote } from '../report.js';
import type { MappedContactMethod, MappedRule, MappedUser } from '../setup.js';
import type { GaUser } from './types.js';

const KINDS = { EMAIL: 'email', SMS: 'sms', VOICE: 'voice' } as const;
/** Vigil's longest notification delay. */
const MAX_DELAY_MINUTES = 1440;

/**
 * A GoAlert user: admins administer, users respond, and an unknown role (GoAlert's for a
 * user who never signed in through a provider that gives one) views. GoAlert rules carry no
 * urgency, so they apply to both; GoAlert keeps no time zone a user, so Vigil's is UTC.
 */
export function mapUser(user: GaUser): MappedUser {
  const subject = `user ${user.email}`;
  const notes: ImportNote[] = [];
  const contactMethods: MappedContactMethod[] = [];
  for (const m of user.contactMethods) {
    const kind = m.type === null ? undefined : KINDS[m.type as keyof typeof KINDS];
    const about = `${subject} contact method "${m.name}"`;
    if (kind === undefined) notes.push({ subject: about, reason: `is a ${m.type ?? 'destination'} method, which Vigil has no user contact method for: left out` });
    else if (m.disabled) notes.push({ subject: about, reason: 'is disabled in GoAlert (it stopped taking messages): left out' });
    else contactMethods.push({ sourceId: m.id, kind, address: m.value, label: m.name.slice(0, 100) });
  }
  const imported = new Set(contactMethods.map((m) => m.sourceId));
  const rules: MappedRule[] = [];
  for (const r of user.notificationRules) {
    const about = `${subject} notification rule (after ${r.delayMinutes} min)`;
    if (!imported.has(r.contactMethodID)) notes.push({ subject: about, reason: 'its contact method was not imported: left out' });
    else if (r.delayMinutes > MAX_DELAY_MINUTES) notes.push({ subject: about, reason: `waits longer than Vigil's ${MAX_DELAY_MINUTES} minutes: left out` });
    else rules.push({ contactSourceId: r.contactMethodID, delayMinutes: r.delayMinutes, urgency: null });
  }
  return {
    sourceId: user.id,
    email: user.email,
    name: user.name.slice(0, 200),
    role: user.role === 'admin' ? 'admin' : user.role === 'user' ? 'responder' : 'viewer',
    timeZone: 'UTC',
    teamSourceIds: [],
    contactMethods,
    rules,
    notes,
  };
}
