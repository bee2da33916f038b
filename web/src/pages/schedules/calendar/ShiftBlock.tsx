import { memo } from 'react';
import classes from './ShiftBlock.module.css';
import { shiftColours } from './shiftColours';
import type { Shift } from './shifts';

interface ShiftBlockProps {
  shift: Shift;
  /** Position in percent of the lane. */
  left: number;
  width: number;
  onClick: (shift: Shift, element: HTMLElement) => void;
}

/**
 * One shift on a lane: a single element. A plain button with a title rather than a Mantine
 * Tooltip, colours by class and the override mark drawn by CSS rather than an SVG: a month
 * holds hundreds of blocks and each must stay cheap to render.
 */
export const ShiftBlock = memo(function ShiftBlock({ shift, left, width, onClick }: ShiftBlockProps) {
  const className = [classes.block, shiftColours(shift.userId), shift.override && classes.override, shift.offDuty && classes.offDuty, shift.gap && classes.gap, shift.coverFor !== null && classes.cover, shift.away && classes.away]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      className={className}
      aria-label={shift.label}
      title={shift.label}
      onClick={(event) => onClick(shift, event.currentTarget)}
      style={{ left: `${left}%`, width: `calc(${width}% - 2px)` }}
    >
      {shift.text}
    </button>
  );
});
