import { describe, expect, it } from 'vitest';
import { mapUser, roleOf } from './user.js';
import type { PdUser } from './types.js';

const user: PdUser = {
  id: 'U1',
  type: 'user',
  name: 'Ann',
  email: 'ann@acme.test',
  time_zone: 'Europe/Paris',
  role: 'owner',
  teams: [{ id: 'T1', type: 'team_reference' }],
  contact_methods: [
    { id: 'E', type: 'email_contact_method', label: 'Work', address: 'ann@acme.test' },
    { id: 'S', type: 'sms_contact_method', label: 'Mobile', address: '612 345 678', country_code: 33 },
    { id: 'V', type: 'phone_contact_method', label: 'Blocked', address: '600000000', country_code: 33, blacklisted: true },
    { id: 'P', type: 'push_notification_contact_method', label: 'Phone app', address: 'token' },
  ],
  notification_rules: [
    { id: 'R1', type: 'assignment_notification_rule', start_delay_in_minutes: 0, urgency: 'high', contact_method: { id: 'E', type: 'email_contact_method_reference' } },
    { id: 'R2', type: 'assignment_notification_rule', start_delay_in_minutes: 3, urgency: 'low', contact_method: { id: 'S', type: 'sms_contact_method_reference' } },
    { id: 'R3', type: 'assignment_notification_rule', start_delay_in_minutes: 0, urgency: 'high', contact_method: { id: 'P', type: 'push_notification_contact_method_reference' } },
  ],
};

describe('mapUser', () => {
  it('maps roles by what they may do', () => {
    expect(['owner', 'admin', 'user', 'limited_user', 'observer', 'read_only_user', 'restricted_access'].map((r) => roleOf(r as PdUser['role']))).toEqual([
      'admin',
      'admin',
      'responder',
      'responder',
      'viewer',
      'viewer',
      'viewer',
    ]);
  });

  it('keeps email and phone methods (numbers in E.164) and the rules on them; reports the rest', () => {
    const mapped = mapUser(user);
    expect(mapped.contactMethods).toEqual([
      { sourceId: 'E', kind: 'email', address: 'ann@acme.test', label: 'Work' },
      { sourceId: 'S', kind: 'sms', address: '+33612345678', label: 'Mobile' },
    ]);
    expect(mapped.rules).toEqual([
      { contactSourceId: 'E', delayMinutes: 0, urgency: 'high' },
      { contactSourceId: 'S', delayMinutes: 3, urgency: 'low' },
    ]);
    expect(mapped.notes.map((n) => n.subject)).toEqual([
      'user ann@acme.test contact method "Blocked"',
      'user ann@acme.test contact method "Phone app"',
      'user ann@acme.test notification rule (high urgency, after 0 min)',
      'user ann@acme.test',
    ]);
  });
});
