import { describe, expect, it } from 'vitest';
import { DestinationRefused } from '../channels/channel.js';
import { ntfyTokenBox, openNtfyToken } from './ntfy-token-box.js';

describe('ntfy access tokens', () => {
  it('open under the secret they were sealed with, and fail a page for good under another', () => {
    const sealed = ntfyTokenBox('a'.repeat(32)).seal('tk_abc');
    expect(openNtfyToken('a'.repeat(32), sealed)).toBe('tk_abc');
    expect(() => openNtfyToken('b'.repeat(32), sealed)).toThrow(DestinationRefused);
  });
});
