import type { ImportNote } from '../report.js';
import type { MappedContactMethod, MappedRule, MappedUser, VigilRole } from '../setup.js';
import type { PdContactMethod, PdRole, PdUser } from './types.js';

/**
 * PagerDuty's base roles by what they may do: account owners and admins administer
 * (Vigil keeps its one owner), users and limited users respond, the read-only kinds view.
 */
export function roleOf(role: PdRole): VigilRole {
  switch (role) {
    case 'owner':
    case 'admin':
      return 'admin';
    case 'user':
    case 'limited_user':
      return 'responder';
    default:
      return 'viewer';
  }
}

const KINDS = { email_contact_method: 'email', sms_contact_method: 'sms', phone_contact_method: 'voice' } as const;

function contactMethodOf(m: PdContactMethod): MappedContactMethod | string {
  if (m.type === 'push_notification_contact_method') return 'is a PagerDuty app push: Vigil pages through ntfy or Pushover instead (add one in Vigil)';
  const kind = KINDS[m.type];
  if (kind === undefined) return `has type ${String(m.type)}, which Vigil has no equivalent for`;
  if (m.blacklisted) return 'was blocked by PagerDuty (the number refused messages): left out';
  const address = kind === 'email' ? m.address : `+${m.country_code ?? ''}${m.address.replace(/\D/g, '')}`;
  return { sourceId: m.id, kind, address, label: m.label.slice(0, 100) };
}

/** Vigil's longest notification delay. */
const MAX_DELAY_MINUTES = 1440;

export function mapUser(user: PdUser): MappedUser {
  const subject = `user ${user.email}`;
  const notes: ImportNote[] = [];
  const contactMethods: MappedContactMethod[] = [];
  for (const m of user.contact_methods) {
    const mapped = contactMethodOf(m);
    if (typeof mapped === 'string') notes.push({ subject: `${subject} contact method "${m.label}"`, reason: mapped });
    else contactMethods.push(mapped);
  }
  const imported = new Set(contactMethods.map((m) => m.sourceId));
  const rules: MappedRule[] = [];
  for (const r of user.notification_rules) {
    const about = `${subject} notification rule (${r.urgency} urgency, after ${r.start_delay_in_minutes} min)`;
    if (!imported.has(r.contact_method.id)) notes.push({ subject: about, reason: 'its contact method was not imported: left out' });
    else if (r.start_delay_in_minutes > MAX_DELAY_MINUTES) notes.push({ subject: about, reason: `waits longer than Vigil's ${MAX_DELAY_MINUTES} minutes: left out` });
    else rules.push({ contactSourceId: r.contact_method.id, delayMinutes: r.start_delay_in_minutes, urgency: r.urgency });
  }
  if (user.role === 'owner') notes.push({ subject, reason: 'is the PagerDuty account owner: imported as an admin (Vigil keeps its own owner)' });
  return {
    sourceId: user.id,
    email: user.email,
    name: user.name.slice(0, 200),
    role: roleOf(user.role),
    timeZone: user.time_zone,
    teamSourceIds: user.teams.map((t) => t.id),
    contactMethods,
    rules,
    notes,
  };
}
