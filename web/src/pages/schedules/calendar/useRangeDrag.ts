import { useCallback, useEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { snapRange } from './dragSnap';

/** A span being dragged across one lane, in ms. */
export interface DraggedRange {
  rowKey: string;
  start: number;
  end: number;
}

interface RangeDragOptions {
  /** The band's first and end instants (ms): the lane's left and right edges. */
  start: number;
  end: number;
  zone: string;
  snapMinutes: number;
  onDone: (rowKey: string, start: number, end: number) => void;
}

/** How far a pointer moves before a press on a lane is a drag rather than a click on a shift. */
const dragThreshold = 5;

/**
 * Dragging across a lane to pick a span, with mouse, pen or touch. The press listens on the
 * window, not by capturing the pointer, so a press that never moves stays a click on the
 * shift under it; a drag swallows the click its release makes. Escape cancels.
 */
export function useRangeDrag(options: RangeDragOptions) {
  const [range, setRange] = useState<DraggedRange | null>(null);
  const latest = useRef(options);
  const swallowClick = useRef(false);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => () => stop.current?.(), []);

  const onPointerDown = useCallback((event: PointerEvent<HTMLElement>, rowKey: string) => {
    if (event.button !== 0 || !event.isPrimary) return;
    stop.current?.();
    swallowClick.current = false;
    const rect = event.currentTarget.getBoundingClientRect();
    const { start, end, zone, snapMinutes, onDone } = latest.current;
    const instantAt = (x: number) => start + Math.min(Math.max((x - rect.left) / rect.width, 0), 1) * (end - start);
    const pressedAt = event.clientX;
    const anchor = instantAt(pressedAt);
    let dragged: DraggedRange | null = null;

    const move = (e: globalThis.PointerEvent) => {
      if (e.pointerId !== event.pointerId || (dragged === null && Math.abs(e.clientX - pressedAt) < dragThreshold)) return;
      const next = { rowKey, ...snapRange(anchor, instantAt(e.clientX), snapMinutes, zone) };
      if (dragged === null || next.start !== dragged.start || next.end !== dragged.end) setRange(next);
      dragged = next;
    };
    const finish = (done: boolean) => {
      stop.current?.();
      if (dragged === null) return;
      swallowClick.current = true;
      setRange(null);
      if (done) onDone(rowKey, dragged.start, dragged.end);
    };
    const up = (e: globalThis.PointerEvent) => e.pointerId === event.pointerId && finish(true);
    const cancel = (e: globalThis.PointerEvent) => e.pointerId === event.pointerId && finish(false);
    const key = (e: KeyboardEvent) => e.key === 'Escape' && finish(false);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    window.addEventListener('keydown', key);
    stop.current = () => {
      stop.current = null;
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      window.removeEventListener('keydown', key);
    };
  }, []);

  /** A click made by releasing a drag is not a click on the shift under it; Enter's click (detail 0) always is. */
  const onClickCapture = useCallback((event: MouseEvent) => {
    if (swallowClick.current && event.detail !== 0) {
      event.stopPropagation();
      event.preventDefault();
    }
    swallowClick.current = false;
  }, []);

  return { range, onPointerDown, onClickCapture };
}
