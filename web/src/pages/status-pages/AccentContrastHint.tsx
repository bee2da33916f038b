import { ColorSwatch, Text } from '@mantine/core';
import { AA_TEXT, contrastRatio, readableOn, withContrast } from '../../../../src/core/status-page/contrast';
import { linkBackgrounds } from '../../../../src/core/status-page/palette';

/** The backgrounds links sit on in the public page's light and dark schemes, as the page itself takes them. */
const backgrounds = (['light', 'dark'] as const).map((scheme) => ({ scheme, color: linkBackgrounds[scheme] }));

const isHexColor = (value: string): boolean => /^#[0-9a-fA-F]{6}$/.test(value);

/**
 * How the accent reads on the public page, as it is typed: the header's text is black or white,
 * whichever reads, and links in a shade the page shifts just enough to reach AA (4.5:1). No
 * colour reads on both the light and the dark page, so one of the two is usually shifted.
 */
export function AccentContrastHint({ color }: { color: string }) {
  if (!isHexColor(color)) return null;
  const onAccent = readableOn(color);
  const headerRatio = contrastRatio(onAccent, color).toFixed(1);
  const links = backgrounds.map((b) => ({ ...b, ratio: contrastRatio(color, b.color), link: withContrast(color, b.color) }));
  const shifted = links.some((l) => l.ratio < AA_TEXT);
  return (
    <Text component="div" size="xs" c="dimmed" mt={4} aria-live="polite" data-testid="contrast-hint">
      Header text in {onAccent === '#ffffff' ? 'white' : 'black'} ({headerRatio}:1). Links:{' '}
      {links.map((l, i) => (
        <span key={l.scheme}>
          {i > 0 && '; '}
          {l.ratio >= AA_TEXT ? (
            `this colour on the ${l.scheme} page (${l.ratio.toFixed(1)}:1)`
          ) : (
            <>
              <ColorSwatch component="span" color={l.link} size={10} display="inline-block" aria-hidden /> {l.link} on the {l.scheme} page, where this colour is {l.ratio.toFixed(1)}:1
            </>
          )}
        </span>
      ))}
      {shifted ? '. The page shifts the shade just enough to reach WCAG AA (4.5:1).' : '.'}
    </Text>
  );
}
