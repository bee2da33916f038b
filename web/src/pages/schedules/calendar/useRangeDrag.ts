import { useCallback, useEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { snapRange } from './dragSnap';

/** A span being dragged across one row, in ms; in a month it can reach over several week bands. */
export interface DraggedRange {
  rowKey: string;
  start: number;
  end: number;
}

interface RangeDragOptions {
  zone: string;
  snapMinutes: number;
  onDone: (rowKey: string, start: number, end: number) => void;
}

/** How far a pointer moves before a press on a lane is a drag rather than a click on a shift. */
const dragThreshold = 5;

/** The lane element under a point, with the row it belongs to and the instants at its edges (data attributes). */
function laneAt(x: number, y: number): HTMLElement | null {
  return document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-lane-row]') ?? null;
}

/** The instant at x on a lane: its edges are its data-start and data-end (ms); x beyond them is clamped. */
function instantOn(lane: HTMLElement, x: number): number {
  const rect = lane.getBoundingClientRect();
  const start = Number(lane.dataset['start']);
  const end = Number(lane.dataset['end']);
  return start + Math.min(Math.max((x - rect.left) / rect.width, 0), 1) * (end - start);
}

/**
 * Dragging across a row to pick a span, with mouse, pen or touch: over one lane, or over the
 * same row of the next week bands of a month. The press listens on the window, not by
 * capturing the pointer, so a press that never moves stays a click on the shift under it; a
 * drag swallows the click its release makes. Escape cancels.
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
    const { zone, snapMinutes, onDone } = latest.current;
    const pressedAt = event.clientX;
    const anchor = instantOn(event.currentTarget, pressedAt);
    // The lane the pointer was last over in this row: off the row, the drag stays on it.
    let lane = event.currentTarget;
    let dragged: DraggedRange | null = null;

    const move = (e: globalThis.PointerEvent) => {
      if (e.pointerId !== event.pointerId || (dragged === null && Math.abs(e.clientX - pressedAt) < dragThreshold)) return;
      const over = laneAt(e.clientX, e.clientY);
      if (over?.dataset['laneRow'] === rowKey) lane = over;
      const next = { rowKey, ...snapRange(anchor, instantOn(lane, e.clientX), snapMinutes, zone) };
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
