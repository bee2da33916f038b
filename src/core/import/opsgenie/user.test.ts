import { describe, expect, it } from 'vitest';
import type { OgContact, OgNotificationRule, OgUser } from './types.js';
import { mapUser, roleOf } from './user.js';

const alice: OgUser = { id: 'u1', username: 'alice@acme.test', fullName: 'Alice Adams', role: { name: 'User' }, timeZone: 'Europe/Berlin' };
const contacts: OgContact[] = [
  { id: 'c1', method: 'email', to: 'alice@acme.test', status: { enabled: true } },
  { id: 'c2', method: 'sms', to: '49-1701234567', status: { enabled: true } },
  { id: 'c3', method: 'voice', to: '49-1701234567', status: { enabled: false, disabledReason: 'verification failed' } },
  { id: 'c4', method: 'mobile', to: 'Pixel', status: { enabled: true } },
];
const step = (method: string, to: string, minutes: number, enabled = true) => ({ contact: { method, to }, sendAfter: { timeAmount: minutes, timeUnit: 'minutes' }, enabled });
const rule = (extra: Partial<OgNotificationRule>): OgNotificationRule => ({ id: 'r1', name: 'New Alert', actionType: 'create-alert', enabled: true, criteria: { type: 'match-all' }, steps: [], ...extra });

describe('roleOf', () => {
  it("maps Opsgenie's roles by what they may do; a custom role is unknown", () => {
    expect(['Owner', 'Admin', 'User', 'Stakeholder', 'Observer', 'On-call lead'].map(roleOf)).toEqual(['admin', 'admin', 'responder', 'viewer', 'viewer', null]);
  });
});

describe('mapUser', () => {
  it('brings email, SMS and voice contacts (numbers in E.164) and the new-alert steps as rules', () => {
    const mapped = mapUser(alice, contacts, [rule({ steps: [step('email', 'alice@acme.test', 0), step('sms', '49-1701234567', 5), step('sms', '49-1701234567', 9, false)] })], ['t1']);
    expect(mapped.contactMethods).toEqual([
      { sourceId: 'c1', kind: 'email', address: 'alice@acme.test', label: 'email alice@acme.test' },
      { sourceId: 'c2', kind: 'sms', address: '+491701234567', label: 'sms 49-1701234567' },
    ]);
    expect(mapped.rules).toEqual([
      { contactSourceId: 'c1', delayMinutes: 0, urgency: null },
      { contactSourceId: 'c2', delayMinutes: 5, urgency: null },
    ]);
    expect(mapped).toMatchObject({ email: 'alice@acme.test', name: 'Alice Adams', role: 'responder', timeZone: 'Europe/Berlin', teamSourceIds: ['t1'] });
    expect(mapped.notes.map((n) => `${n.subject}: ${n.reason}`)).toEqual([
      'user alice@acme.test contact voice 49-1701234567: is disabled in Opsgenie (verification failed): left out',
      expect.stringMatching(/^user alice@acme.test contact mobile Pixel: is the Opsgenie app/),
    ]);
  });

  it('reports rules for other actions, conditions and times, and steps whose contact did not come over', () => {
    const mapped = mapUser(
      alice,
      contacts,
      [
        rule({ id: 'r2', name: 'Shift', actionType: 'schedule-start' }),
        rule({ name: 'P1 only', criteria: { type: 'match-all-conditions', conditions: [{}] }, timeRestriction: { type: 'time-of-day', restriction: { startHour: 9, startMin: 0, endHour: 17, endMin: 0 } }, steps: [step('mobile', 'Pixel', 0), step('email', 'alice@acme.test', 2000)] }),
      ],
      [],
    );
    expect(mapped.rules).toEqual([]);
    expect(mapped.notes.slice(2).map((n) => n.reason)).toEqual([
      expect.stringContaining('notifies on schedule-start'),
      expect.stringContaining('matching conditions'),
      expect.stringContaining('only at some times'),
      'its contact was not imported: left out',
      expect.stringContaining("longer than Vigil's 1440 minutes"),
    ]);
  });

  it('the owner and custom roles are imported with a note', () => {
    expect(mapUser({ ...alice, role: { name: 'Owner' } }, [], [], []).notes[0]?.reason).toContain('account owner');
    const custom = mapUser({ ...alice, role: { name: 'On-call lead' } }, [], [], []);
    expect(custom.role).toBe('responder');
    expect(custom.notes[0]?.reason).toContain('custom role "On-call lead"');
  });
});
