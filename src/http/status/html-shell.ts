import { normalizeColor, readableOn, withContrast } from '../../core/status-page/contrast.js';
import { linkBackgrounds, schemes } from '../../core/status-page/palette.js';
import type { ComponentState } from '../../core/status-page/view.js';
import { escapeMarkup } from '../../core/escape-markup.js';

/** What the shell needs of a page: every public HTML form of it (page, incident, subscription answers) wears it. */
export interface ShellPage {
  name: string;
  /** #rrggbb chosen by the team. */
  accentColor: string;
  /** Public path of the logo, or null/absent. */
  logoPath?: string | null;
  /** Where the header links to: the page itself (/status/<slug>, or / on its custom domain). */
  home: string;
}

export interface ShellInput {
  title: string;
  page: ShellPage;
  /** Trusted markup: the caller escaped every text in it. */
  body: string;
  /** Pages behind a password or the team's login ask search engines to keep out. */
  noindex?: boolean;
}

const DEFAULT_ACCENT = '#3b5bdb';

/** State colours, used as text on cards and as fills; on a fill the text is black or white, whichever reads. */
export const stateColors: Record<ComponentState, { light: string; dark: string }> = {
  operational: { light: '#1a7f37', dark: '#3fb950' },
  under_maintenance: { light: '#0969da', dark: '#58a6ff' },
  degraded_performance: { light: '#9a6700', dark: '#d29922' },
  partial_outage: { light: '#bc4c00', dark: '#f0883e' },
  major_outage: { light: '#cf222e', dark: '#f85149' },
};

const stateVars = (scheme: 'light' | 'dark') =>
  Object.entries(stateColors)
    .map(([state, c]) => `.s-${state}{--c:${c[scheme]};--on-c:${readableOn(c[scheme])}}`)
    .join('');

const schemeVars = (scheme: 'light' | 'dark') =>
  Object.entries(schemes[scheme])
    .map(([k, v]) => `--${k}:${v}`)
    .join(';');

/** The page-independent part, built once. */
const baseCss = [
  `:root{color-scheme:light dark;${schemeVars('light')}}`,
  stateVars('light'),
  `@media (prefers-color-scheme:dark){:root{${schemeVars('dark')}}${stateVars('dark')}}`,
  '*{box-sizing:border-box}',
  'body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
  '.wrap{max-width:56rem;margin:0 auto;padding:0 1rem}',
  'a{color:var(--link)}',
  'a:focus-visible,button:focus-visible,input:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--link);outline-offset:2px}',
  '.skip{position:absolute;left:-999px;top:0;background:var(--surface);padding:.5rem 1rem;z-index:9}',
  '.skip:focus{left:0}',
  '.top{background:var(--accent);color:var(--on-accent);padding:1.25rem 0;margin-bottom:1.5rem}',
  '.brand{display:inline-flex;align-items:center;gap:.75rem;color:inherit;text-decoration:none;font-size:1.5rem;font-weight:700}',
  '.brand:focus-visible{outline-color:var(--on-accent)}',
  '.brand img{max-height:2.5rem;max-width:10rem;border-radius:4px}',
  'h1,h2,h3{line-height:1.25}',
  'h2{font-size:1.25rem;margin:2rem 0 .75rem}',
  'h3{font-size:1rem;margin:0}',
  '.card{background:var(--surface);border:1px solid var(--border);border-radius:8px;padding:1rem;margin-bottom:1rem}',
  '.card>h2:first-child{margin-top:0}',
  '.muted{color:var(--muted)}',
  'footer{margin:3rem auto 2rem;font-size:.875rem;color:var(--muted)}',
  'input,button{font:inherit}',
  'input{background:var(--surface);color:var(--text);border:1px solid var(--muted);border-radius:6px;padding:.5rem .75rem;max-width:100%}',
  'button{background:var(--accent);color:var(--on-accent);border:0;border-radius:6px;padding:.5rem 1rem;cursor:pointer}',
  'p.note{margin:.25rem 0}',
].join('');

const pageCss = new Map<string, string>();

/** The colours one accent needs: a fill with readable text, and links readable on both schemes. */
function accentCss(accent: string): string {
  let css = pageCss.get(accent);
  if (!css) {
    const lightLink = withContrast(accent, linkBackgrounds.light);
    const darkLink = withContrast(accent, linkBackgrounds.dark);
    css = `:root{--accent:${accent};--on-accent:${readableOn(accent)};--link:${lightLink}}@media (prefers-color-scheme:dark){:root{--link:${darkLink}}}`;
    if (pageCss.size > 1000) pageCss.clear();
    pageCss.set(accent, css);
  }
  return css;
}

/** One public HTML document of a status page: no scripts, inline CSS only, light and dark. */
export function statusHtml({ title, page, body, noindex = false }: ShellInput, extraCss = ''): string {
  const accent = normalizeColor(page.accentColor, DEFAULT_ACCENT);
  const logo = page.logoPath ? `<img src="${escapeMarkup(page.logoPath)}" alt="">` : '';
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark">' +
    (noindex ? '<meta name="robots" content="noindex">' : '') +
    `<title>${escapeMarkup(title)}</title><style>${baseCss}${accentCss(accent)}${extraCss}</style></head><body>` +
    '<a class="skip" href="#main">Skip to content</a>' +
    `<header class="top"><div class="wrap"><a class="brand" href="${escapeMarkup(page.home)}">${logo}<span>${escapeMarkup(page.name)}</span></a></div></header>` +
    `<main id="main" class="wrap">${body}</main>` +
    '<footer class="wrap">Powered by Vigil</footer></body></html>'
  );
}
