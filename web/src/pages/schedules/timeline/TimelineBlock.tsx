import { Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { CSSProperties } from 'react';
import { userColor } from './userColor';

export interface BlockProps {
  /** The shift as words: the accessible name and the tooltip. */
  label: string;
  text: string;
  userId: string | null;
  left: number;
  width: number;
  override: boolean;
  offDuty: boolean;
  gap: boolean;
  onClick: () => void;
}

function look(userId: string | null, override: boolean, offDuty: boolean, gap: boolean): CSSProperties {
  if (gap) return { background: 'var(--mantine-color-red-filled)', color: 'white' };
  const color = userId === null ? 'gray' : userColor(userId);
  return {
    background: override
      ? `repeating-linear-gradient(45deg, var(--mantine-color-${color}-light), var(--mantine-color-${color}-light) 6px, transparent 6px, transparent 10px)`
      : `var(--mantine-color-${color}-light)`,
    color: `var(--mantine-color-${color}-light-color)`,
    border: override ? `2px dashed var(--mantine-color-${color}-filled)` : undefined,
    opacity: offDuty ? 0.35 : 1,
  };
}

/** One shift (or gap) placed on a row by its share of the week. */
export function TimelineBlock({ label, text, userId, left, width, override, offDuty, gap, onClick }: BlockProps) {
  return (
    <Tooltip label={label} openDelay={300}>
      <UnstyledButton
        aria-label={label}
        onClick={onClick}
        style={{
          position: 'absolute',
          top: 2,
          bottom: 2,
          left: `${left}%`,
          width: `calc(${width}% - 2px)`,
          borderRadius: 4,
          overflow: 'hidden',
          padding: '0 4px',
          ...look(userId, override, offDuty, gap),
        }}
      >
        <Text size="xs" fw={500} truncate>
          {text}
        </Text>
      </UnstyledButton>
    </Tooltip>
  );
}
