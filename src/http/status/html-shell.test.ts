import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio } from '../../core/status-page/contrast.js';
import { schemes } from '../../core/status-page/palette.js';
import { stateColors, statusHtml } from './html-shell.js';

describe('status page shell', () => {
  it('keeps every text colour AA on both backgrounds of its scheme', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { bg, surface, text, muted } = schemes[scheme];
      const texts = [text, muted, ...Object.values(stateColors).map((c) => c[scheme])];
      for (const fg of texts) for (const back of [bg, surface]) expect(contrastRatio(fg, back), `${fg} on ${back}`).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });

  it('escapes the name, title and logo path, and ignores a colour that is not one', () => {
    const html = statusHtml({ title: '<script>x</script>', page: { name: 'A "B" <i>', accentColor: '}</style><script>', logoPath: '/x"onerror="y', home: '/status/a' }, body: '<p>ok</p>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>');
    expect(html).not.toContain('"onerror');
    expect(html).toContain('--accent:#3b5bdb');
    expect(html).toContain('<p>ok</p>');
    expect(html).not.toContain('noindex');
    expect(statusHtml({ title: 't', page: { name: 'n', accentColor: '#123456', home: '/' }, body: '', noindex: true })).toContain('<meta name="robots" content="noindex">');
  });
});
