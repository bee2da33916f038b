/**
 * WCAG 2.x contrast arithmetic for the colours a team picks for its status page: text on
 * the team's accent, and the accent used as text on the page, must stay readable (AA).
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

type Rgb = readonly [number, number, number];

/** AA for normal text. */
export const AA_TEXT = 4.5;

function parseHex(color: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m ? [Number.parseInt(m[1] ?? '', 16), Number.parseInt(m[2] ?? '', 16), Number.parseInt(m[3] ?? '', 16)] : null;
}

const toHex = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** A #rrggbb colour, or the fallback when it is not one (the store should never hold another). */
export function normalizeColor(color: string, fallback: string): string {
  return parseHex(color) ? color.toLowerCase() : fallback;
}

export function relativeLuminance(color: string): number {
  const rgb = parseHex(color);
  if (!rgb) throw new Error(`not a #rrggbb colour: ${color}`);
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white, whichever reads better on the background. One of the two always reaches
 * at least 4.58:1 (the worst background sits at luminance ≈ 0.18), so text on any accent is AA.
 */
export function readableOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio('#000000', background) >= contrastRatio('#ffffff', background) ? '#000000' : '#ffffff';
}

/**
 * The colour itself when it already contrasts enough with the background, else the nearest
 * mix of it towards black or white (whichever side can reach the ratio) that does: the
 * team's hue stays recognisable as link and heading colour on both light and dark pages.
 */
export function withContrast(color: string, background: string, minimum = AA_TEXT): string {
  const rgb = parseHex(color);
  if (!rgb) throw new Error(`not a #rrggbb colour: ${color}`);
  if (contrastRatio(color, background) >= minimum) return color.toLowerCase();
  const target: Rgb = readableOn(background) === '#000000' ? [0, 0, 0] : [255, 255, 255];
  // Contrast grows monotonically along the mix; 1/64 steps keep the result close to the least change.
  for (let step = 1; step <= 64; step++) {
    const t = step / 64;
    const mixed = toHex([rgb[0] + (target[0] - rgb[0]) * t, rgb[1] + (target[1] - rgb[1]) * t, rgb[2] + (target[2] - rgb[2]) * t]);
    if (contrastRatio(mixed, background) >= minimum) return mixed;
  }
  return toHex(target);
}
