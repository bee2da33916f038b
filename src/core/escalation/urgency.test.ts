import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentUrgency, monitorUrgencies, ruleApplies, urgencies, urgencyOfSeverity } from './urgency.js';

describe('urgencyOfSeverity', () => {
  it("maps PagerDuty's four severities as PagerDuty does", () => {
    expect(['critical', 'error', 'warning', 'info'].map(urgencyOfSeverity)).toEqual(['high', 'high', 'low', 'low']);
  });

  it('reads common spellings whatever their case and padding', () => {
    expect([' Critical ', 'WARN', 'P1', 'sev3', 'page'].map(urgencyOfSeverity)).toEqual(['high', 'low', 'high', 'low', 'high']);
  });

  it('says nothing for what it does not know, and never throws', () => {
    expect(urgencyOfSeverity('disaster-ish')).toBeUndefined();
    expect(urgencyOfSeverity(3)).toBeUndefined();
    expect(urgencyOfSeverity(null)).toBeUndefined();
    fc.assert(fc.property(fc.anything(), (value) => [undefined, 'high', 'low'].includes(urgencyOfSeverity(value))));
  });
});

describe('incidentUrgency', () => {
  it("a fixed monitor's urgency wins over the event's", () => {
    fc.assert(
      fc.property(fc.constantFrom(...urgencies), fc.option(fc.constantFrom(...urgencies), { nil: undefined }), (monitor, event) => {
        expect(incidentUrgency(monitor, event)).toBe(monitor);
      }),
    );
  });

  it("a dynamic monitor takes the event's, and high when the event has none", () => {
    expect(incidentUrgency('dynamic', 'low')).toBe('low');
    expect(incidentUrgency('dynamic', 'high')).toBe('high');
    expect(incidentUrgency('dynamic', undefined)).toBe('high');
  });

  it('is always high or low', () => {
    fc.assert(
      fc.property(fc.constantFrom(...monitorUrgencies), fc.option(fc.constantFrom(...urgencies), { nil: undefined }), (monitor, event) => {
        expect(urgencies).toContain(incidentUrgency(monitor, event));
      }),
    );
  });
});

describe('ruleApplies', () => {
  it('a rule for both urgencies always applies; one for an urgency only to it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...urgencies), fc.constantFrom(...urgencies), (rule, urgency) => {
        expect(ruleApplies(null, urgency)).toBe(true);
        expect(ruleApplies(rule, urgency)).toBe(rule === urgency);
      }),
    );
  });
});
