import { expect, it } from 'vitest';
import { escapeMarkup } from './escape-markup.js';

it('escapes every character that could open markup or end an attribute', () => {
  expect(escapeMarkup(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;Tom &#38; Jerry&#60;/a&#62;');
  expect(escapeMarkup('plain text 42')).toBe('plain text 42');
});
