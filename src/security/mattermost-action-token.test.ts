import { describe, expect, it } from 'vitest';
import { mattermostActionToken, sameCommandToken, verifyMattermostActionToken } from './mattermost-action-token.js';

describe('mattermost action tokens', () => {
  const press = { action: 'acknowledge', incidentId: 'inc-1', state: 'triggered:high:' };
  const token = mattermostActionToken('server-secret', press);

  it('accepts the token of the button Vigil posted', () => {
    expect(verifyMattermostActionToken('server-secret', press, token)).toBe(true);
  });

  it('refuses it for another action, incident or state, or under another secret', () => {
    expect(verifyMattermostActionToken('server-secret', { ...press, action: 'resolve' }, token)).toBe(false);
    expect(verifyMattermostActionToken('server-secret', { ...press, incidentId: 'inc-2' }, token)).toBe(false);
    expect(verifyMattermostActionToken('server-secret', { ...press, state: 'acknowledged:high:u1' }, token)).toBe(false);
    expect(verifyMattermostActionToken('other-secret', press, token)).toBe(false);
    expect(verifyMattermostActionToken('server-secret', press, '')).toBe(false);
  });

  it('keeps the fields apart: moving text from one field to the next changes the token', () => {
    expect(mattermostActionToken('s', { action: 'a', incidentId: 'b\nc', state: '' })).not.toBe(mattermostActionToken('s', { action: 'a', incidentId: 'b', state: 'c' }));
  });

  it('compares command tokens exactly', () => {
    expect(sameCommandToken('abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwxyz')).toBe(true);
    expect(sameCommandToken('abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwxy')).toBe(false);
    expect(sameCommandToken('abcdefghijklmnopqrstuvwxyz', 'Abcdefghijklmnopqrstuvwxyz')).toBe(false);
  });
});
