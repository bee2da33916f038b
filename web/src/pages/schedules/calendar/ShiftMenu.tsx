import { Menu } from '@mantine/core';
import { IconBeach, IconHandGrab, IconLifebuoy, IconPencil, IconReplace } from '@tabler/icons-react';
import classes from './ShiftMenu.module.css';
import type { Shift } from './shifts';

/** A clicked shift and where its block is, relative to the calendar. */
export interface PickedShift {
  shift: Shift;
  box: { left: number; top: number; width: number; height: number };
}

interface ShiftMenuProps {
  picked: PickedShift | null;
  /** The viewer: a shift already theirs has nothing to take. */
  userId: string;
  /** The server's now: a shift that is over has nobody to ask for cover. */
  now: string;
  onOverride: (shift: Shift) => void;
  onTake: (shift: Shift) => void;
  onAskForCover: (shift: Shift) => void;
  /** An automatic cover: override it with someone else (the override then wins). */
  onChangeCover: (shift: Shift) => void;
  /** Record time off for whoever holds the shift, over its span. */
  onMarkAway: (shift: Shift) => void;
  /** A block of the time-off row: change that time off. */
  onChangeTimeOff: (shift: Shift) => void;
  onClose: () => void;
}

/**
 * What to do with a clicked shift: override it (someone else takes it), take it yourself,
 * or, when it is yours, ask your teammates to cover it.
 * One menu for the whole calendar, anchored where the clicked block is, rather than a menu
 * per block: a month holds hundreds of them.
 */
export function ShiftMenu({ picked, userId, onOverride, onTake, onAskForCover, onChangeCover, onMarkAway, onChangeTimeOff, onClose }: ShiftMenuProps) {
  const shift = picked?.shift;
  return (
    <Menu opened={picked !== null} onChange={(opened) => !opened && onClose()} position="bottom-start" returnFocus width={260}>
      <Menu.Target>
        <span className={classes.anchor} style={picked?.box} aria-hidden />
      </Menu.Target>
      <Menu.Dropdown aria-label="Shift">
        <Menu.Label className={classes.label}>{shift?.label}</Menu.Label>
        {shift?.away && (
          <Menu.Item leftSection={<IconPencil size={14} />} disabled={shift.away.source !== 'manual'} onClick={() => onChangeTimeOff(shift)}>
            {shift.away.source === 'manual' ? 'Change time off…' : 'Imported from their calendar'}
          </Menu.Item>
        )}
        {shift?.coverFor && (
          <Menu.Item leftSection={<IconReplace size={14} />} onClick={() => onChangeCover(shift)}>
            Change cover…
          </Menu.Item>
        )}
        {shift && !shift.away && !shift.coverFor && (
          <Menu.Item leftSection={<IconReplace size={14} />} onClick={() => onOverride(shift)}>
            Override…
          </Menu.Item>
        )}
        {shift && !shift.away && picked?.shift.userId !== userId && (
          <Menu.Item leftSection={<IconHandGrab size={14} />} onClick={() => picked && onTake(picked.shift)}>
            Take it
          </Menu.Item>
        )}
        {picked?.shift.userId === userId && !picked.shift.gap && !picked.shift.away && (
          <Menu.Item leftSection={<IconLifebuoy size={14} />} onClick={() => onAskForCover(picked.shift)}>
            Ask for cover…
          </Menu.Item>
        )}
        {shift && !shift.away && !shift.gap && shift.userId !== null && (
          <Menu.Item leftSection={<IconBeach size={14} />} onClick={() => onMarkAway(shift)}>
            {shift.userId === userId ? 'Mark me away…' : `Mark ${shift.userName ?? 'them'} away…`}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
