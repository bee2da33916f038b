import { describe, expect, it } from 'vitest';
import { chatState, isSettled } from './chat-state.js';

describe('chatState', () => {
  const triggered = { status: 'triggered', urgency: 'high', acknowledgedBy: null, resolvedBy: null } as const;

  it('changes with what a message shows: status, urgency and who acted', () => {
    const states = new Set([
      chatState(triggered),
      chatState({ ...triggered, urgency: 'low' }),
      chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: 'u1' }),
      chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: 'u2' }),
      chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: null }),
      chatState({ ...triggered, status: 'resolved', acknowledgedBy: 'u1', resolvedBy: 'u2' }),
    ]);
    expect(states.size).toBe(6);
  });

  it('ignores who acknowledged once someone resolved it, and a past acknowledgement when triggered again', () => {
    expect(chatState({ ...triggered, status: 'resolved', acknowledgedBy: 'u1', resolvedBy: 'u2' })).toBe(chatState({ ...triggered, status: 'resolved', resolvedBy: 'u2' }));
    expect(chatState({ ...triggered, acknowledgedBy: 'u1' })).toBe(chatState(triggered));
  });

  it('is settled only when resolved', () => {
    expect(isSettled(chatState({ ...triggered, status: 'resolved', resolvedBy: null }))).toBe(true);
    expect(isSettled(chatState({ ...triggered, status: 'acknowledged', acknowledgedBy: 'u1' }))).toBe(false);
    expect(isSettled(chatState(triggered))).toBe(false);
  });
});
