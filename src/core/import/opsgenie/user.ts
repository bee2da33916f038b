import type { ImportNote } from '../report.js';
import type { MappedContactMethod, MappedRule, MappedUser, VigilRole } from '../setup.js';
import type { OgContact, OgNotificationRule, OgUser } from './types.js';

/**
 * Opsgenie's roles by what they may do: the owner and admins administer (Vigil keeps its
 * one owner), users respond, stakeholders and observers only look. A custom role's rights
 * are not in the user's record: it responds, with a note.
 */
export function roleOf(role: string): VigilRole | null {
  switch (role.toLowerCase()) {
    case 'owner':
    case 'admin':
      return 'admin';
    case 'user':
      return 'responder';
    case 'stakeholder':
    case 'observer':
      return 'viewer';
    default:
      return null;
  }
}

const KINDS: Record<string, MappedContactMethod['kind']> = { email: 'email', sms: 'sms', voice: 'voice' };
/** Vigil's longest notification delay. */
const MAX_DELAY_MINUTES = 1440;
const UNIT_MINUTES: Record<string, number> = { minutes: 1, hours: 60, days: 1440 };

function contactOf(c: OgContact): MappedContactMethod | string {
  if (c.method === 'mobile') return 'is the Opsgenie app: Vigil pages through ntfy or Pushover instead (add one in Vigil)';
  const kind = KINDS[c.method];
  if (kind === undefined) return `has method ${c.method}, which Vigil has no equivalent for`;
  if (!c.status.enabled) return `is disabled in Opsgenie${c.status.disabledReason ? ` (${c.status.disabledReason})` : ''}: left out`;
  // Opsgenie writes phone numbers as <country code>-<number>.
  const address = kind === 'email' ? c.to : `+${c.to.replace(/\D/g, '')}`;
  return { sourceId: c.id, kind, address, label: `${c.method} ${c.to}`.slice(0, 100) };
}

/**
 * An Opsgenie user with their contacts and notification rules. Only "new alert" rules
 * (create-alert) that are enabled, for every alert and at any time, carry over: each
 * enabled step becomes a rule for either urgency after its sendAfter.
 */
export function mapUser(user: OgUser, contacts: OgContact[], notificationRules: OgNotificationRule[], teamIds: string[]): MappedUser {
  const subject = `user ${user.username}`;
  const notes: ImportNote[] = [];
  const contactMethods: MappedContactMethod[] = [];
  for (const c of contacts) {
    const mapped = contactOf(c);
    if (typeof mapped === 'string') notes.push({ subject: `${subject} contact ${c.method} ${c.to}`, reason: mapped });
    else contactMethods.push(mapped);
  }
  const rules: MappedRule[] = [];
  for (const r of notificationRules) {
    const about = `${subject} notification rule "${r.name}"`;
    if (r.actionType !== 'create-alert') {
      notes.push({ subject: about, reason: `notifies on ${r.actionType}; Vigil's rules are for new incidents only: left out` });
      continue;
    }
    if (!r.enabled) continue;
    if (r.criteria && r.criteria.type !== 'match-all') {
      notes.push({ subject: about, reason: `applies to alerts matching conditions (${r.criteria.type}); in Vigil it applies to every incident` });
    }
    if (r.timeRestriction) notes.push({ subject: about, reason: 'applies only at some times; in Vigil it applies at all times' });
    for (const step of r.steps) {
      if (!step.enabled) continue;
      const method = contactMethods.find((m) => contacts.find((c) => c.id === m.sourceId && c.method === step.contact.method && c.to === step.contact.to));
      const delay = (step.sendAfter?.timeAmount ?? 0) * (UNIT_MINUTES[step.sendAfter?.timeUnit ?? 'minutes'] ?? 1);
      const what = `${subject} notification rule "${r.name}" step (${step.contact.method} ${step.contact.to} after ${delay} min)`;
      if (!method) notes.push({ subject: what, reason: 'its contact was not imported: left out' });
      else if (delay > MAX_DELAY_MINUTES) notes.push({ subject: what, reason: `waits longer than Vigil's ${MAX_DELAY_MINUTES} minutes: left out` });
      else if (!rules.some((x) => x.contactSourceId === method.sourceId && x.delayMinutes === delay)) rules.push({ contactSourceId: method.sourceId, delayMinutes: delay, urgency: null });
    }
  }
  const role = roleOf(user.role.name);
  if (role === null) notes.push({ subject, reason: `has the custom role "${user.role.name}": imported as a responder` });
  if (user.role.name.toLowerCase() === 'owner') notes.push({ subject, reason: 'is the Opsgenie account owner: imported as an admin (Vigil keeps its own owner)' });
  if (user.blocked) notes.push({ subject, reason: 'is blocked in Opsgenie: imported, and active in Vigil' });
  return {
    sourceId: user.id,
    email: user.username,
    name: (user.fullName || user.username).slice(0, 200),
    role: role ?? 'responder',
    timeZone: user.timeZone,
    teamSourceIds: teamIds,
    contactMethods,
    rules,
    notes,
  };
}
