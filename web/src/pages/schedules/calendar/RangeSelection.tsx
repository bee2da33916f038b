import { formatSpan } from '../../../time/format';
import classes from './RangeSelection.module.css';

interface RangeSelectionProps {
  /** Edges in percent of the lane. */
  left: number;
  right: number;
  start: number;
  end: number;
  zone: string;
  /** Whether to say the span in words here (once per drag, though it may cross bands). */
  labelled: boolean;
}

/** The span being dragged on a lane, over its shifts, saying what it covers. */
export function RangeSelection({ left, right, start, end, zone, labelled }: RangeSelectionProps) {
  const style = { left: `${left}%`, width: `${right - left}%` };
  if (!labelled) return <div className={classes.selection} style={style} />;
  const span = formatSpan(new Date(start).toISOString(), new Date(end).toISOString(), zone);
  return (
    <div className={classes.selection} style={style} role="status" aria-label={`Selected ${span}`}>
      <span className={classes.text}>{span}</span>
    </div>
  );
}
