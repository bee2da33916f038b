import type { Instant } from '../schedule/types.js';

/** Who is on call over [start, end): a key both sides share (the email), or null for nobody. */
export interface OnCallSpan {
  start: Instant;
  end: Instant;
  who: string | null;
}

export interface FidelityDifference {
  start: Instant;
  end: Instant;
  source: string | null;
  vigil: string | null;
}

export interface Fidelity {
  /** Handoffs (changes of either side) compared within the window. */
  handoffs: number;
  differences: FidelityDifference[];
}

function whoAt(spans: OnCallSpan[], at: Instant): string | null {
  return spans.find((s) => s.start <= at && at < s.end && s.who !== null)?.who ?? null;
}

/**
 * Compares who is on call per the source and per Vigil at every handoff of either within
 * [from, to): each stretch between two handoffs has one answer on each side. Adjacent
 * differing stretches with the same two answers are reported as one.
 */
export function compareOnCall(source: OnCallSpan[], vigil: OnCallSpan[], from: Instant, to: Instant): Fidelity {
  const edges = new Set<Instant>([from, to]);
  for (const s of [...source, ...vigil]) {
    if (s.start > from && s.start < to) edges.add(s.start);
    if (s.end > from && s.end < to) edges.add(s.end);
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const differences: FidelityDifference[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] as Instant;
    const end = sorted[i + 1] as Instant;
    const s = whoAt(source, start);
    const v = whoAt(vigil, start);
    if (s === v) continue;
    const last = differences.at(-1);
    if (last && last.end === start && last.source === s && last.vigil === v) last.end = end;
    else differences.push({ start, end, source: s, vigil: v });
  }
  return { handoffs: sorted.length - 2, differences };
}
