import { describe, expect, it } from 'vitest';
import { mattermostActionToken, sameCommandToken, verifyMattermostActionToken } from './mattermost-action-token.js';

describe('mattermost action tokens', () => {
  const token = mattermostActionToken('server-secret', 'acknowledge', 'inc-1');

  it('accepts the token of the button Vigil posted', () => {
    expect(verifyMattermostActionToken('server-secret', 'acknowledge', 'inc-1', token)).toBe(true);
  });

  it('refuses it for another action, another incident or under another secret', () => {
    expect(verifyMattermostActionToken('server-secret', 'resolve', 'inc-1', token)).toBe(false);
    expect(verifyMattermostActionToken('server-secret', 'acknowledge', 'inc-2', token)).toBe(false);
    expect(verifyMattermostActionToken('other-secret', 'acknowledge', 'inc-1', token)).toBe(false);
    expect(verifyMattermostActionToken('server-secret', 'acknowledge', 'inc-1', '')).toBe(false);
  });

  it('compares command tokens exactly', () => {
    expect(sameCommandToken('abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwxyz')).toBe(true);
    expect(sameCommandToken('abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwxy')).toBe(false);
    expect(sameCommandToken('abcdefghijklmnopqrstuvwxyz', 'Abcdefghijklmnopqrstuvwxyz')).toBe(false);
  });
});
