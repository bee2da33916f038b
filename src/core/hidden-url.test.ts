import fc from 'fast-check';
import { expect, it } from 'vitest';
import { hiddenUrl } from './hidden-url.js';

it('keeps the scheme and host of a feed address and drops whatever could open it', () => {
  expect(hiddenUrl('https://calendar.google.com/calendar/ical/abc%40group/private-5f3e9a/basic.ics')).toBe('https://calendar.google.com/…');
  expect(hiddenUrl('http://user:pw@cal.example.com:8443/feed.ics?token=s3cret#x')).toBe('http://cal.example.com:8443/…');
  expect(hiddenUrl('not a url')).toBe('…');
});

it('never repeats a path, query or password of the address', () => {
  const secret = fc.stringMatching(/^[a-zA-Z0-9]{12,24}$/);
  fc.assert(
    fc.property(fc.domain(), secret, secret, secret, (host, path, token, password) => {
      const shown = hiddenUrl(`https://u:${password}@${host}/${path}.ics?token=${token}`);
      for (const s of [path, token, password]) expect(shown).not.toContain(s);
      expect(shown.startsWith('https://')).toBe(true);
    }),
  );
});
