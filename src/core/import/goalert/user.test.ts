import { describe, expect, it } from 'vitest';
import { mapUser } from './user.js';
import type { GaUser } from './types.js';

const user = (extra: Partial<GaUser>): GaUser => ({ id: 'u', name: 'Uma', email: 'uma@acme.test', role: 'user', contactMethods: [], notificationRules: [], ...extra });

describe('mapUser', () => {
  it('admins administer, users respond, an unknown role views', () => {
    expect([mapUser(user({ role: 'admin' })).role, mapUser(user({})).role, mapUser(user({ role: 'unknown' })).role]).toEqual(['admin', 'responder', 'viewer']);
  });

  it('email, SMS and voice methods come over with their rules, for either urgency', () => {
    const m = mapUser(
      user({
        contactMethods: [
          { id: 'c1', name: 'Mail', type: 'EMAIL', value: 'uma@acme.test', disabled: false },
          { id: 'c2', name: 'Phone', type: 'VOICE', value: '+15555550199', disabled: false },
        ],
        notificationRules: [
          { id: 'n1', delayMinutes: 0, contactMethodID: 'c1' },
          { id: 'n2', delayMinutes: 10, contactMethodID: 'c2' },
        ],
      }),
    );
    expect(m.contactMethods).toEqual([
      { sourceId: 'c1', kind: 'email', address: 'uma@acme.test', label: 'Mail' },
      { sourceId: 'c2', kind: 'voice', address: '+15555550199', label: 'Phone' },
    ]);
    expect(m.rules).toEqual([
      { contactSourceId: 'c1', delayMinutes: 0, urgency: null },
      { contactSourceId: 'c2', delayMinutes: 10, urgency: null },
    ]);
    expect(m.notes).toEqual([]);
  });

  it('Slack, webhook and disabled methods are left out with their rules, saying why', () => {
    const m = mapUser(
      user({
        contactMethods: [
          { id: 'c1', name: 'Slack', type: 'SLACK_DM', value: 'U1', disabled: false },
          { id: 'c2', name: 'Old', type: 'SMS', value: '+15555550100', disabled: true },
        ],
        notificationRules: [{ id: 'n1', delayMinutes: 0, contactMethodID: 'c1' }],
      }),
    );
    expect(m.contactMethods).toEqual([]);
    expect(m.notes.map((n) => n.reason)).toEqual([expect.stringContaining('SLACK_DM'), expect.stringContaining('disabled'), 'its contact method was not imported: left out']);
  });
});
