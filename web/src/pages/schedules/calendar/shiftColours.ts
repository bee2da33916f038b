import type { CSSProperties } from 'react';
import { userColor } from '../timeline/userColor';

/** A person's colours as CSS variables, so one person's shifts look alike in every lane and list. */
export function shiftColours(userId: string | null): CSSProperties {
  const color = userId === null ? 'gray' : userColor(userId);
  return {
    '--shift-bg': `var(--mantine-color-${color}-light)`,
    '--shift-fg': `var(--mantine-color-${color}-light-color)`,
    '--shift-edge': `var(--mantine-color-${color}-filled)`,
  } as CSSProperties;
}
