import { describe, expect, it } from 'vitest';
import { mapPolicy } from './policy.js';
import type { GoEscalationPolicy } from './types.js';

const chain = { id: 'c', name: 'Ops', team_id: null };
let n = 0;
const step = (type: string, extra: Partial<GoEscalationPolicy> = {}): GoEscalationPolicy => ({ id: `p${n}`, escalation_chain_id: 'c', position: n++, type, ...extra });

describe('mapPolicy', () => {
  it('notify steps between waits page together; a wait goes on the step after it; repeat_escalation repeats 5 times', () => {
    n = 0;
    const p = mapPolicy(chain, [
      step('notify_on_call_from_schedule', { notify_on_call_from_schedule: 's1' }),
      step('notify_persons', { persons_to_notify: ['u1'] }),
      step('wait', { duration: 900 }),
      step('wait', { duration: 300 }),
      step('notify_persons', { persons_to_notify: ['u2', 'u3'], important: true }),
      step('wait', { duration: 600 }),
      step('repeat_escalation'),
      step('notify_persons', { persons_to_notify: ['never'] }),
    ]);
    expect(p.repeat).toBe(5);
    expect(p.steps).toEqual([
      // The pause before starting over: the last wait.
      { waitSeconds: 600, targets: [{ type: 'schedule', sourceId: 's1' }, { type: 'user', sourceId: 'u1' }] },
      { waitSeconds: 1200, targets: [{ type: 'user', sourceId: 'u2' }, { type: 'user', sourceId: 'u3' }] },
    ]);
    expect(p.notes.map((x) => x.subject)).toEqual(['escalation chain "Ops" step 5 (notify_persons)']);
  });

  it('steps without a Vigil twin are reported and their waits kept; a leading wait without repeat is reported', () => {
    n = 0;
    const p = mapPolicy(chain, [step('wait', { duration: 60 }), step('trigger_webhook'), step('notify_persons', { persons_to_notify: ['u1'] })]);
    expect(p.repeat).toBe(0);
    expect(p.steps).toEqual([{ waitSeconds: 0, targets: [{ type: 'user', sourceId: 'u1' }] }]);
    expect(p.notes.map((x) => x.reason)).toEqual(['has no Vigil equivalent: left out', expect.stringContaining('waits 60 s before its first notification')]);
  });

  it('a chain that notifies nobody is reported', () => {
    expect(mapPolicy(chain, []).notes.map((x) => x.reason)).toEqual([expect.stringContaining('not imported')]);
  });
});
