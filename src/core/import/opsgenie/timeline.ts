import type { OnCallSpan } from '../fidelity.js';
import type { Instant } from '../../schedule/types.js';
import type { OgParticipant, OgTimeline } from './types.js';

/**
 * Opsgenie's own answer from a schedule's final timeline: who is on call over [from, to),
 * one span per stretch with the same people. Opsgenie notifies everyone on call in any
 * rotation, so a stretch with several people names them all ("a and b", sorted), which no
 * single Vigil layer can match: the fidelity check reports it. `who` names a user (the key
 * the comparison uses); other recipients are named by type and name.
 */
export function onCallOf(timeline: OgTimeline, from: Instant, to: Instant, who: (userId: string) => string): OnCallSpan[] {
  const periods = timeline.finalTimeline.rotations
    .flatMap((r) => r.periods ?? [])
    .filter((p) => p.recipient.type !== 'none')
    .map((p) => ({ start: Math.max(Date.parse(p.startDate), from), end: Math.min(Date.parse(p.endDate), to), name: nameOf(p.recipient, who) }))
    .filter((p) => p.end > p.start);
  const edges = [...new Set(periods.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
  const spans: OnCallSpan[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i] as Instant;
    const end = edges[i + 1] as Instant;
    const names = [...new Set(periods.filter((p) => p.start <= start && start < p.end).map((p) => p.name))].sort();
    if (names.length === 0) continue;
    const name = names.join(' and ');
    const last = spans.at(-1);
    if (last && last.end === start && last.who === name) last.end = end;
    else spans.push({ start, end, who: name });
  }
  return spans;
}

function nameOf(recipient: OgParticipant, who: (userId: string) => string): string {
  if (recipient.type === 'user' && recipient.id !== undefined) return who(recipient.id);
  return `${recipient.type} ${recipient.name ?? recipient.id ?? ''}`.trim();
}
