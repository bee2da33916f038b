import fc from 'fast-check';
import { expect, it } from 'vitest';
import { csvCell } from './csv.js';

it('neutralises cells a spreadsheet would run as a formula', () => {
  expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
  expect(csvCell('Alice O\'Hara')).toBe(`"Alice O'Hara"`);
  expect(csvCell(12.5)).toBe('12.5');
});

it('reads back as the text, apostrophe first only where a formula would start', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      const cell = csvCell(text);
      expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
      const read = cell.slice(1, -1).replaceAll('""', '"');
      expect(read).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    }),
  );
});

