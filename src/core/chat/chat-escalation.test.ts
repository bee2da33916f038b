import { describe, expect, it } from 'vitest';
import { chatEscalation, escalationText } from './chat-escalation.js';

describe('chatEscalation', () => {
  const at = 1_000;

  it('is the step a triggered incident is on, counted from 1, of its policy’s steps', () => {
    expect(chatEscalation({ status: 'triggered', step: 0, pass: 0, nextActionAt: at }, 3)).toEqual({ step: 1, of: 3 });
    expect(chatEscalation({ status: 'triggered', step: 2, pass: 1, nextActionAt: at }, 3)).toEqual({ step: 3, of: 3 });
  });

  it('is exhausted when a triggered incident has nothing due, as the engine leaves it, with its passes', () => {
    expect(chatEscalation({ status: 'triggered', step: 2, pass: 0, nextActionAt: null }, 3)).toEqual({ exhaustedAfter: 1 });
    expect(chatEscalation({ status: 'triggered', step: 0, pass: 2, nextActionAt: null }, 1)).toEqual({ exhaustedAfter: 3 });
  });

  it('is none before the first step (suppressed) and once acknowledged or resolved', () => {
    expect(chatEscalation({ status: 'triggered', step: -1, pass: 0, nextActionAt: null }, 3)).toBeNull();
    expect(chatEscalation({ status: 'acknowledged', step: 1, pass: 0, nextActionAt: at }, 3)).toBeNull();
    expect(chatEscalation({ status: 'resolved', step: 1, pass: 0, nextActionAt: null }, 3)).toBeNull();
  });
});

describe('escalationText', () => {
  it('says the step as the timeline does, with the policy’s length', () => {
    expect(escalationText({ status: 'triggered', escalation: { step: 1, of: 3 } })).toBe('Step 1 of 3');
    expect(escalationText({ status: 'triggered', escalation: { step: 2, of: 3 } })).toBe('Escalated to step 2 of 3');
    expect(escalationText({ status: 'triggered', escalation: { exhaustedAfter: 1 } })).toBe('Escalation exhausted after 1 pass');
    expect(escalationText({ status: 'triggered', escalation: { exhaustedAfter: 3 } })).toBe('Escalation exhausted after 3 passes');
  });

  it('says nothing without a step, or once the incident is acknowledged or resolved', () => {
    expect(escalationText({ status: 'triggered' })).toBeNull();
    expect(escalationText({ status: 'triggered', escalation: null })).toBeNull();
    expect(escalationText({ status: 'acknowledged', escalation: { step: 2, of: 3 } })).toBeNull();
  });
});
