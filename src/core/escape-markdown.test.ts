import fc from 'fast-check';
import { expect, it } from 'vitest';
import { escapeMarkdown } from './escape-markdown.js';

it('leaves plain words alone and neutralises links, images, HTML and headings', () => {
  expect(escapeMarkdown('Disk full on db 1')).toBe('Disk full on db 1');
  expect(escapeMarkdown('[click](https://evil.example)')).toBe('\\[click\\]\\(https\\:\\/\\/evil\\.example\\)');
  expect(escapeMarkdown('![x](http://a/b.png)')).toBe('\\!\\[x\\]\\(http\\:\\/\\/a\\/b\\.png\\)');
  expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src\\=x onerror\\=alert\\(1\\)&gt;');
  expect(escapeMarkdown('# title\n| a | b |')).toBe('\\# title \\| a \\| b \\|');
});

it('never leaves a character that starts Markdown syntax unescaped, nor a line break', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
      const out = escapeMarkdown(text);
      expect(out).not.toMatch(/[\r\n<>]/);
      // Every punctuation character but the entities' own & and ; follows a backslash.
      const bare = out.replace(/&(amp|lt|gt);/g, '').replace(/\\[!-/:-@[-`{-~]/g, '');
      expect(bare).not.toMatch(/[!-/:-@[-`{-~]/);
    }),
  );
});
