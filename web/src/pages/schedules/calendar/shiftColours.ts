import { userColor } from '../timeline/userColor';
import classes from './shiftColours.module.css';

/** A person's colours as a class setting CSS variables, so one person's shifts look alike in every lane and list. */
export function shiftColours(userId: string | null): string {
  return classes[userId === null ? 'gray' : userColor(userId)] ?? classes['gray'] ?? '';
}
