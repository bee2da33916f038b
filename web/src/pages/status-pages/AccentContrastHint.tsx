import { ColorSwatch, Group, Text } from '@mantine/core';
import { AA_TEXT, contrastRatio, readableOn, withContrast } from '../../../../src/core/status-page/contrast';

/** The backgrounds links sit on in the public page's light and dark schemes (src/http/status/html-shell.ts). */
const backgrounds = [
  { scheme: 'light', color: '#f6f7f9' },
  { scheme: 'dark', color: '#161b22' },
];

const isHexColor = (value: string): boolean => /^#[0-9a-fA-F]{6}$/.test(value);

/**
 * How the accent reads on the public page, as it is typed: the header's text is black or white,
 * whichever reads, and links in a shade the page shifts just enough to reach AA (4.5:1).
 */
export function AccentContrastHint({ color }: { color: string }) {
  if (!isHexColor(color)) return null;
  const onAccent = readableOn(color);
  const headerRatio = contrastRatio(onAccent, color).toFixed(1);
  const shifted = backgrounds.filter((b) => contrastRatio(color, b.color) < AA_TEXT).map((b) => ({ ...b, link: withContrast(color, b.color) }));
  return (
    <Text component="div" size="xs" c="dimmed" mt={4} aria-live="polite" data-testid="contrast-hint">
      Header text in {onAccent === '#ffffff' ? 'white' : 'black'} ({headerRatio}:1).{' '}
      {shifted.length === 0 ? (
        'Links in this colour read well on the light and dark page (AA 4.5:1).'
      ) : (
        <>
          Too faint for links on the {shifted.map((s) => s.scheme).join(' and ')} page ({shifted.map((s) => `${contrastRatio(color, s.color).toFixed(1)}:1`).join(', ')}; AA asks
          4.5:1): links there use{' '}
          {shifted.map((s, i) => (
            <Group key={s.scheme} component="span" gap={4} display="inline-flex" wrap="nowrap" style={{ verticalAlign: 'middle' }}>
              {i > 0 && ' and '}
              <ColorSwatch color={s.link} size={12} aria-hidden />
              {s.link}
            </Group>
          ))}{' '}
          instead.
        </>
      )}
    </Text>
  );
}
