import { describe, expect, it } from 'vitest';
import { describeEvent, type TimelineEntry } from './describe-event.js';

const names = new Map([['u1', 'Ada'], ['u2', 'Bo']]);
const nameOf = (id: string | null) => (id ? (names.get(id) ?? 'someone') : 'the alert source');
const entry = (kind: string, data: Record<string, unknown> = {}, actorId: string | null = null): TimelineEntry => ({ kind, at: Date.UTC(2026, 0, 5, 10), actorId, data });
const page = { noteText: true };
const postmortem = { noteText: false };

describe('describeEvent', () => {
  it('counts steps and repeats from 1 and names who escalated', () => {
    expect(describeEvent(entry('escalated', { step: 1, pass: 2, by: 'u1' }), nameOf, page)).toBe('Escalated to step 2 (repeat 2) by Ada');
    expect(describeEvent(entry('escalated', { step: 0, pass: 0, by: null }), nameOf, page)).toBe('Escalated to step 1');
  });

  it("names the Slack app's pages as Slack, other channels by their kind", () => {
    expect(describeEvent(entry('notified', { to: '…PS01', channel: 'slack_channel' }), nameOf, page)).toBe('Notified …PS01 via Slack');
    expect(describeEvent(entry('delivery_failed', { userId: 'u1', channel: 'slack_dm', error: 'Slack chat.postMessage refused: invalid_auth', final: true }), nameOf, page)).toBe(
      'Delivery to Ada via Slack DM failed: Slack chat.postMessage refused: invalid_auth',
    );
    expect(describeEvent(entry('notified', { userId: 'u2', channel: 'sms' }), nameOf, page)).toBe('Notified Bo via sms');
  });

  it('names who paged by hand on a triggered entry; a monitor triggers unnamed', () => {
    expect(describeEvent(entry('triggered', {}, 'u1'), nameOf, page)).toBe('Triggered by Ada');
    expect(describeEvent(entry('triggered'), nameOf, page)).toBe('Triggered');
  });

  it('carries a note\'s text on the incident page only', () => {
    const comment = entry('comment', { text: 'Rolled back' }, 'u2');
    expect(describeEvent(comment, nameOf, page)).toBe('Bo commented: Rolled back');
    expect(describeEvent(comment, nameOf, postmortem)).toBe('Bo commented');
    expect(describeEvent(entry('status_update', { text: 'Fixed' }, 'u1'), nameOf, page)).toBe('Status update by Ada: Fixed');
  });

  it('says how long a snooze lasts in words', () => {
    const at = Date.UTC(2026, 0, 5, 10);
    expect(describeEvent(entry('snoozed', { by: 'u1', until: at + 26 * 3_600_000 + 60_000 }), nameOf, page)).toBe('Snoozed by Ada for 1 day 2 hours 1 minute: pages again then');
    expect(describeEvent(entry('snoozed', { by: 'u1', until: at + 60_000 }), nameOf, page)).toBe('Snoozed by Ada for 1 minute: pages again then');
  });

  it('says why an incident pages nobody', () => {
    expect(describeEvent(entry('suppressed', { by: 'rule', rule: 'Staging' }), nameOf, page)).toBe('Suppressed by the event rule "Staging"; nobody paged');
    expect(describeEvent(entry('suppressed', { by: 'parent', incidentId: 'i', monitorId: 'm' }), nameOf, page)).toContain('depends on is down');
    expect(describeEvent(entry('rules_matched', { rules: ['Staging', 'EU'] }), nameOf, page)).toBe('Event rules "Staging", "EU" shaped this incident');
    expect(describeEvent(entry('rules_matched', { rules: ['Staging'] }), nameOf, page)).toBe('Event rule "Staging" shaped this incident');
  });

  it('falls back to the acting user, then to what the caller calls nobody', () => {
    expect(describeEvent(entry('resolved', { by: 'u2' }), nameOf, page)).toBe('Resolved by Bo');
    expect(describeEvent(entry('resolved', { by: null }), nameOf, page)).toBe('Resolved automatically');
    expect(describeEvent(entry('acknowledged', { by: null }), nameOf, page)).toBe('Acknowledged by the alert source');
    expect(describeEvent(entry('merged_into', { incidentId: 'x' }, 'u1'), nameOf, page)).toBe('Merged into another incident by Ada');
  });

  it('reads an unknown kind as words, and odd data without throwing', () => {
    expect(describeEvent(entry('something_new'), nameOf, page)).toBe('something new');
    expect(describeEvent(entry('merged', { titles: 'not a list' }, 'u1'), nameOf, page)).toBe('Ada merged 0 incidents into this one: ');
    expect(describeEvent(entry('nobody_reached', { told: ['u1', 'u2'] }), nameOf, page)).toBe("Nobody was reached: told the team's managers and the owners (Ada, Bo)");
  });

  it('says what was done in a provider app, on which device, and when it changed nothing', () => {
    expect(describeEvent(entry('provider_action', { provider: 'Pushover', action: 'acknowledge', device: 'pixel' }, 'u1'), nameOf, page)).toBe('Ada acknowledged in Pushover on pixel');
    expect(describeEvent(entry('provider_action', { provider: 'Pushover', action: 'acknowledge', device: null, refused: true }, 'u2'), nameOf, page)).toBe(
      'Bo acknowledged in Pushover, but may no longer act on this incident: nothing changed',
    );
  });
});
