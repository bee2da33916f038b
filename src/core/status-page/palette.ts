/**
 * The public page's colours, in one place: the page (src/http/status/html-shell.ts) is drawn
 * with them, and the editor's contrast hint (web/) measures the team's accent against them.
 */

/** Page, card and text colours of both schemes; every text colour is AA on both backgrounds (tested beside the shell). */
export const schemes = {
  light: { bg: '#f6f7f9', surface: '#ffffff', text: '#1b1f24', muted: '#57606a', border: '#d0d7de', nodata: '#8c959f' },
  dark: { bg: '#0d1117', surface: '#161b22', text: '#e6edf3', muted: '#9198a1', border: '#30363d', nodata: '#6e7681' },
} as const;

/**
 * What links sit on in each scheme, the harder of page and card to read on: the page in light
 * (darker than the white cards), the cards in dark (lighter than the page). Links take the
 * accent shifted just enough to reach AA on these.
 */
export const linkBackgrounds = { light: schemes.light.bg, dark: schemes.dark.surface } as const;
