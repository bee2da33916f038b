import { Menu } from '@mantine/core';
import { IconHandGrab, IconLifebuoy, IconReplace } from '@tabler/icons-react';
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
  onOverride: (shift: Shift) => void;
  onTake: (shift: Shift) => void;
  onAskForCover: (shift: Shift) => void;
  onClose: () => void;
}

/**
 * What to do with a clicked shift: override it (someone else takes it), take it yourself,
 * or, when it is yours, ask your teammates to cover it.
 * One menu for the whole calendar, anchored where the clicked block is, rather than a menu
 * per block: a month holds hundreds of them.
 */
export function ShiftMenu({ picked, userId, onOverride, onTake, onAskForCover, onClose }: ShiftMenuProps) {
  return (
    <Menu opened={picked !== null} onChange={(opened) => !opened && onClose()} position="bottom-start" returnFocus width={260}>
      <Menu.Target>
        <span className={classes.anchor} style={picked?.box} aria-hidden />
      </Menu.Target>
      <Menu.Dropdown aria-label="Shift">
        <Menu.Label className={classes.label}>{picked?.shift.label}</Menu.Label>
        <Menu.Item leftSection={<IconReplace size={14} />} onClick={() => picked && onOverride(picked.shift)}>
          Override…
        </Menu.Item>
        {picked?.shift.userId !== userId && (
          <Menu.Item leftSection={<IconHandGrab size={14} />} onClick={() => picked && onTake(picked.shift)}>
            Take it
          </Menu.Item>
        )}
        {picked?.shift.userId === userId && !picked.shift.gap && (
          <Menu.Item leftSection={<IconLifebuoy size={14} />} onClick={() => onAskForCover(picked.shift)}>
            Ask for cover…
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
