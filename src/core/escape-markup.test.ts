import fc from 'fast-check';
import { expect, it } from 'vitest';
import { escapeMarkup, escapeSlack } from './escape-markup.js';

it('escapes every character that could open markup or end an attribute', () => {
  expect(escapeMarkup(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;Tom &#38; Jerry&#60;/a&#62;');
  expect(escapeMarkup('plain text 42')).toBe('plain text 42');
});

it('escapes Slack mentions and links so they show as typed', () => {
  expect(escapeSlack('<!channel> <@U123> <https://evil.example|Vigil> A&B')).toBe('&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|Vigil&gt; A&amp;B');
});

it('leaves no Slack control character unescaped, whatever the text', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      const escaped = escapeSlack(text);
      expect(escaped).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
      expect(escaped.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')).toBe(text);
    }),
  );
});
