import type { EscalationState } from '../escalation/types.js';

/**
 * Where a triggered incident's escalation stands, as a chat message says it: on `step`
 * (1-based) of its policy's `of` steps, or run out (the engine pages nobody more) after
 * `passes` passes through the policy. Which repeat a step is on is left out: a policy
 * paging its one step again changes nothing a reader needs, so it costs no edit.
 */
export type ChatEscalation = { step: number; of: number } | { exhaustedAfter: number };

/**
 * The escalation a chat message shows of an incident, or null when it shows none: not
 * triggered (whoever acknowledged or resolved it matters then), or no step has fired yet
 * (suppressed). A triggered incident with nothing due is exhausted, as the engine leaves it
 * (core/escalation/machine.ts; service/unreached.ts reads it the same way).
 */
export function chatEscalation(state: EscalationState, steps: number): ChatEscalation | null {
  if (state.status !== 'triggered' || state.step < 0) return null;
  return state.nextActionAt === null ? { exhaustedAfter: state.pass + 1 } : { step: state.step + 1, of: steps };
}

/**
 * The escalation a message shows in words, as the incident page's timeline says it
 * ("Escalated to step 2", "Escalation exhausted after 1 pass") with the policy's length:
 * "Step 1 of 3" while the first step's pages are out, "Escalated to step 2 of 3" after.
 * Null when it shows none: only a triggered incident's step is news (chatState agrees).
 */
export function escalationText(incident: { status: string; escalation?: ChatEscalation | null | undefined }): string | null {
  const escalation = incident.status === 'triggered' ? incident.escalation : null;
  if (!escalation) return null;
  if ('exhaustedAfter' in escalation) {
    const passes = escalation.exhaustedAfter;
    return `Escalation exhausted after ${passes} pass${passes === 1 ? '' : 'es'}`;
  }
  return escalation.step === 1 ? `Step 1 of ${escalation.of}` : `Escalated to step ${escalation.step} of ${escalation.of}`;
}
