import { describe, expect, it } from 'vitest';
import { mapUser } from './user.js';

describe('mapUser', () => {
  it('maps roles and keeps the time zone', () => {
    const u = (role: string, timezone: string | null = 'Europe/Berlin') => mapUser({ id: 'U1', email: 'a@x.test', username: 'alice', role, timezone });
    expect([u('admin'), u('editor'), u('viewer')].map((x) => x.role)).toEqual(['admin', 'responder', 'viewer']);
    expect(u('admin')).toMatchObject({ sourceId: 'U1', email: 'a@x.test', name: 'alice', timeZone: 'Europe/Berlin', notes: [] });
    expect(u('admin', null).timeZone).toBe('UTC');
    expect(u('owner').notes.map((n) => n.reason)).toEqual(['has the role owner, imported as a viewer']);
  });
});
