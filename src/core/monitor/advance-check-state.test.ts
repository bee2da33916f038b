import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../time/units.js';
import { advanceCheckState, type CheckContext } from './advance-check-state.js';
import { INITIAL_CHECK_STATE, type CheckEffect, type CheckOutcome, type CheckState } from './types.js';

const up: CheckOutcome = { ok: true, message: 'HTTP 200', responseMs: 12 };
const down: CheckOutcome = { ok: false, message: 'HTTP 503, expected 200-299', responseMs: 40 };
const settings = { confirmations: 2, recoveries: 1, autoResolve: true };

/** Runs outcomes one minute apart and returns every state and effect. */
function run(outcomes: CheckOutcome[], over: Partial<CheckContext> = {}, maintenanceAt: (i: number) => boolean = () => false) {
  let state: CheckState = INITIAL_CHECK_STATE;
  const effects: CheckEffect[][] = [];
  const states: CheckState[] = [];
  outcomes.forEach((outcome, i) => {
    const next = advanceCheckState(state, outcome, { monitorName: 'API', settings, certExpiryDays: 0, inMaintenance: maintenanceAt(i), at: i * MINUTE, ...over });
    state = next.state;
    states.push(state);
    effects.push(next.effects);
  });
  return { states, effects };
}

describe('advanceCheckState', () => {
  it('opens one incident after the confirmations and resolves it on recovery', () => {
    const { states, effects } = run([up, down, down, down, up]);
    expect(states.map((s) => s.status)).toEqual(['up', 'up', 'down', 'down', 'up']);
    expect(effects).toEqual([
      [],
      [],
      [{ type: 'open', dedupKey: 'check', title: 'API is down', description: '2 consecutive checks failed; the last: HTTP 503, expected 200-299' }],
      [],
      [{ type: 'resolve', dedupKey: 'check' }],
    ]);
  });

  it('ignores a single blip below the confirmations', () => {
    const { states, effects } = run([up, down, up, down, up]);
    expect(states.every((s) => s.status === 'up')).toBe(true);
    expect(effects.flat()).toEqual([]);
  });

  it('stays pending until a check passes or the failures are confirmed', () => {
    expect(run([down]).states[0]?.status).toBe('pending');
    expect(run([down, down]).states[1]?.status).toBe('down');
  });

  it('needs the recoveries in a row before it is up again', () => {
    const { states, effects } = run([down, down, up, down, up, up], { settings: { ...settings, recoveries: 2 } });
    expect(states.map((s) => s.status)).toEqual(['pending', 'down', 'down', 'down', 'down', 'up']);
    expect(effects[5]).toEqual([{ type: 'resolve', dedupKey: 'check' }]);
  });

  it('leaves the incident to a human when autoResolve is off', () => {
    const { states, effects } = run([down, down, up], { settings: { ...settings, autoResolve: false } });
    expect(states[2]).toMatchObject({ status: 'up', alerted: false });
    expect(effects[2]).toEqual([]);
  });

  it('opens no incident in maintenance, and alerts at the first check after it if still down', () => {
    const { effects } = run([down, down, down, down], {}, (i) => i < 3);
    expect(effects.slice(0, 3).flat()).toEqual([]);
    expect(effects[3]).toEqual([expect.objectContaining({ type: 'open', dedupKey: 'check' })]);
    // An outage that ended inside the window never alerts.
    expect(run([down, down, up, up], {}, (i) => i < 3).effects.flat()).toEqual([]);
  });

  it('warns about a certificate nearing expiry once, and settles when it is renewed', () => {
    const at = 0;
    const soon = { ...up, certificateExpiresAt: at + 10 * DAY + MINUTE };
    const renewed = { ...up, certificateExpiresAt: at + 90 * DAY };
    const { effects, states } = run([renewed, soon, soon, { ...down, responseMs: null }, renewed], { certExpiryDays: 14, at });
    expect(effects[0]).toEqual([]);
    expect(effects[1]).toEqual([expect.objectContaining({ type: 'open', dedupKey: 'certificate', title: 'API: the TLS certificate expires in 10 days' })]);
    expect(effects[2]).toEqual([]);
    // A failed connection has no certificate to look at: the last one known is kept.
    expect(states[3]?.certificateExpiresAt).toBe(soon.certificateExpiresAt);
    expect(effects[4]).toEqual([{ type: 'resolve', dedupKey: 'certificate' }]);
    expect(run([{ ...up, certificateExpiresAt: -DAY }], { certExpiryDays: 14 }).effects[0]?.[0]).toMatchObject({ title: 'API: the TLS certificate has expired' });
    expect(run([soon], { certExpiryDays: 0 }).effects.flat()).toEqual([]);
  });

  it('records the last check', () => {
    expect(run([up, down]).states[1]?.lastCheck).toEqual({ at: MINUTE, ok: false, responseMs: 40, message: down.message });
  });

  const outcomes = fc.array(fc.boolean(), { maxLength: 60 }).map((oks) => oks.map((ok) => (ok ? up : down)));
  const checkSettings = fc.record({ confirmations: fc.integer({ min: 1, max: 5 }), recoveries: fc.integer({ min: 1, max: 5 }), autoResolve: fc.constant(true) });

  it('opens and resolves alternately, starting with an open', () => {
    fc.assert(
      fc.property(outcomes, checkSettings, fc.func(fc.boolean()), (seq, s, maint) => {
        const kinds = run(seq, { settings: s }, (i) => maint(i))
          .effects.flat()
          .map((e) => e.type);
        kinds.forEach((kind, i) => expect(kind).toBe(i % 2 === 0 ? 'open' : 'resolve'));
      }),
    );
  });

  it('opens exactly when the last `confirmations` checks failed and no outage is alerted', () => {
    fc.assert(
      fc.property(outcomes, checkSettings, (seq, s) => {
        const { effects } = run(seq, { settings: s });
        let open = false;
        seq.forEach((outcome, i) => {
          const recent = seq.slice(Math.max(0, i - s.confirmations + 1), i + 1);
          const confirmed = recent.length === s.confirmations && recent.every((o) => !o.ok);
          const opens = effects[i]?.some((e) => e.type === 'open') ?? false;
          expect(opens).toBe(confirmed && !open);
          if (opens) open = true;
          if (effects[i]?.some((e) => e.type === 'resolve')) open = false;
        });
      }),
    );
  });

  it('never opens an incident during maintenance', () => {
    fc.assert(
      fc.property(outcomes, checkSettings, (seq, s) => {
        expect(run(seq, { settings: s }, () => true).effects.flat()).toEqual([]);
      }),
    );
  });
});
