import { describe, expect, it } from 'vitest';
import { mayActOnIncidents } from './incident-access.js';

describe('mayActOnIncidents', () => {
  it('lets admins and owners act anywhere, and never viewers, whatever the setting', () => {
    for (const setting of ['team', 'everyone'] as const) {
      for (const memberOfOwningTeam of [true, false]) {
        expect(mayActOnIncidents({ role: 'owner', memberOfOwningTeam }, setting)).toBe(true);
        expect(mayActOnIncidents({ role: 'admin', memberOfOwningTeam }, setting)).toBe(true);
        expect(mayActOnIncidents({ role: 'viewer', memberOfOwningTeam }, setting)).toBe(false);
      }
    }
  });

  it('lets responders act on their own teams only, unless the organisation opens incidents to everyone', () => {
    expect(mayActOnIncidents({ role: 'responder', memberOfOwningTeam: true }, 'team')).toBe(true);
    expect(mayActOnIncidents({ role: 'responder', memberOfOwningTeam: false }, 'team')).toBe(false);
    expect(mayActOnIncidents({ role: 'responder', memberOfOwningTeam: false }, 'everyone')).toBe(true);
  });
});
