import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio, normalizeColor, readableOn, relativeLuminance, withContrast } from './contrast.js';

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(AA_TEXT);
  });

  it('picks black or white text that is AA on any accent', () => {
    expect(readableOn('#ffff00')).toBe('#000000');
    expect(readableOn('#1c2c8c')).toBe('#ffffff');
    // Every 16th step of every channel: the worst case still clears 4.5:1.
    for (let r = 0; r < 256; r += 17)
      for (let g = 0; g < 256; g += 17)
        for (let b = 0; b < 256; b += 17) {
          const bg = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          expect(contrastRatio(readableOn(bg), bg)).toBeGreaterThanOrEqual(AA_TEXT);
        }
  });

  it('keeps an accent that already reads and shifts one that does not', () => {
    expect(withContrast('#1c2c8c', '#ffffff')).toBe('#1c2c8c');
    const yellowOnWhite = withContrast('#ffd43b', '#ffffff');
    expect(contrastRatio(yellowOnWhite, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(relativeLuminance(yellowOnWhite)).toBeLessThan(relativeLuminance('#ffd43b'));
    const navyOnDark = withContrast('#1c2c8c', '#161b22');
    expect(contrastRatio(navyOnDark, '#161b22')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(relativeLuminance(navyOnDark)).toBeGreaterThan(relativeLuminance('#1c2c8c'));
    for (const accent of ['#777777', '#ff0000', '#00ff00', '#0000ff', '#808000', '#3b5bdb'])
      for (const bg of ['#ffffff', '#f6f7f9', '#0d1117', '#161b22']) expect(contrastRatio(withContrast(accent, bg), bg)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('falls back from anything that is not #rrggbb', () => {
    expect(normalizeColor('#ABCDEF', '#000000')).toBe('#abcdef');
    expect(normalizeColor('red;}body{display:none', '#3b5bdb')).toBe('#3b5bdb');
    expect(normalizeColor('#abc', '#3b5bdb')).toBe('#3b5bdb');
  });
});
