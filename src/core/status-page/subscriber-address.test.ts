import { describe, expect, it } from 'vitest';
import { maskAddress, normaliseEmail, normaliseWebhookUrl } from './subscriber-address.js';

describe('status page subscriber addresses', () => {
  it('keeps an email address in lower case and refuses what a form would not send', () => {
    expect(normaliseEmail('  Ops@Example.COM ')).toBe('ops@example.com');
    for (const bad of ['ops', 'ops@', '@example.com', 'ops@localhost', 'a b@example.com', `${'x'.repeat(320)}@example.com`]) expect(normaliseEmail(bad)).toBeNull();
  });

  it('takes http(s) webhook URLs without credentials, dropping the fragment', () => {
    expect(normaliseWebhookUrl('https://hooks.example.com/a?b=1#frag')).toBe('https://hooks.example.com/a?b=1');
    for (const bad of ['ftp://example.com/', 'https://user:pw@example.com/', 'javascript:alert(1)', 'not a url']) expect(normaliseWebhookUrl(bad)).toBeNull();
  });

  it('masks an email to its first and last letters and a webhook to its origin', () => {
    expect(maskAddress('email', 'alice@example.com')).toBe('a…e@example.com');
    expect(maskAddress('email', 'al@example.com')).toBe('a…@example.com');
    expect(maskAddress('webhook', 'https://hooks.example.com/secret-path')).toBe('https://hooks.example.com/…');
  });
});
