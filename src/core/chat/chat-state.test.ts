import { describe, expect, it } from 'vitest';
import { chatState, isSettled } from './chat-state.js';

describe('chatState', () => {
  const triggered = { status: 'triggered', urgency: 'high', acknowledgedBy: null, resolvedBy: null, escalation: { step: 1, of: 3 } } as const;

  it('changes with what a message shows: status, urgency, who acted and the step while triggered', () => {
    const states = new Set([
      chatState(triggered),
      chatState({ ...triggered, urgency: 'low' }),
      chatState({ ...triggered, escalation: { step: 2, of: 3 } }),
      chatState({ ...triggered, escalation: { exhaustedAfter: 1 } }),
      chatState({ ...triggered, escalation: { exhaustedAfter: 2 } }),
      chatState({ ...triggered, escalation: null }),
      chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: 'u1' }),
      chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: 'u2' }),
      chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: null }),
      chatState({ ...triggered, status: 'resolved', acknowledgedBy: 'u1', resolvedBy: 'u2' }),
    ]);
    expect(states.size).toBe(10);
  });

  it('ignores who acknowledged once someone resolved it, a past acknowledgement when triggered again, and the step once acknowledged or resolved', () => {
    expect(chatState({ ...triggered, status: 'resolved', acknowledgedBy: 'u1', resolvedBy: 'u2' })).toBe(chatState({ ...triggered, status: 'resolved', resolvedBy: 'u2' }));
    expect(chatState({ ...triggered, acknowledgedBy: 'u1' })).toBe(chatState(triggered));
    expect(chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: 'u1', escalation: { step: 2, of: 3 } })).toBe(chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: 'u1', escalation: null }));
    expect(chatState({ ...triggered, status: 'resolved', resolvedBy: null, escalation: { exhaustedAfter: 1 } })).toBe(chatState({ ...triggered, status: 'resolved', resolvedBy: null, escalation: null }));
  });

  it('keeps the urgency as the field claimChatSyncs looks for in SQL, ":<urgency>:"', () => {
    for (const escalation of [null, { step: 2, of: 3 }, { exhaustedAfter: 1 }]) {
      expect(chatState({ ...triggered, urgency: 'low', escalation })).toContain(':low:');
      expect(chatState({ ...triggered, urgency: 'low', escalation })).not.toContain(':high:');
    }
    expect(chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: 'u1' })).toContain(':high:');
  });

  it('is settled only when resolved', () => {
    expect(isSettled(chatState({ ...triggered, status: 'resolved', resolvedBy: null }))).toBe(true);
    expect(isSettled(chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: 'u1' }))).toBe(false);
    expect(isSettled(chatState(triggered))).toBe(false);
  });
});
