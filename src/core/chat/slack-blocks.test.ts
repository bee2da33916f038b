import { describe, expect, it } from 'vitest';
import { slackIncidentMessage, type SlackIncident } from './slack-blocks.js';

const incident: SlackIncident = {
  id: 'inc1',
  title: 'Checkout <!channel> down',
  description: 'HTTP 502 from <https://evil|Vigil>',
  monitorName: 'Checkout API',
  url: 'https://vigil.example/incidents/inc1',
  status: 'triggered',
  urgency: 'high',
  acknowledgedBy: null,
  resolvedBy: null,
  escalation: { step: 1, of: 3 },
};

const contextLine = (m: ReturnType<typeof slackIncidentMessage>) => (m.blocks[1]?.elements as { text: string }[])[0]?.text;

const buttons = (m: ReturnType<typeof slackIncidentMessage>) =>
  m.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as { action_id: string; value: string }[]);

describe('slackIncidentMessage', () => {
  it('offers the four actions on a triggered incident, each naming it', () => {
    const message = slackIncidentMessage(incident);
    expect(buttons(message).map((b) => b.action_id)).toEqual(['vigil_acknowledge', 'vigil_resolve', 'vigil_escalate', 'vigil_snooze']);
    expect(buttons(message).every((b) => b.value === 'inc1')).toBe(true);
    expect(JSON.stringify(message.blocks)).toContain('*Triggered*');
  });

  it('escapes what alerts say, so they ping and link nothing', () => {
    const message = slackIncidentMessage(incident);
    const all = JSON.stringify(message);
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<https://evil');
    expect(all).toContain('&lt;!channel&gt;');
    expect(message.text).toBe('Checkout &lt;!channel&gt; down (Checkout API) is triggered');
  });

  it('says the step the incident is on while triggered, beside its status', () => {
    expect(contextLine(slackIncidentMessage(incident))).toBe('*Triggered* · Step 1 of 3 · Checkout API · High urgency');
    expect(contextLine(slackIncidentMessage({ ...incident, escalation: { step: 2, of: 3 } }))).toBe('*Triggered* · Escalated to step 2 of 3 · Checkout API · High urgency');
    expect(contextLine(slackIncidentMessage({ ...incident, escalation: { exhaustedAfter: 2 } }))).toBe('*Triggered* · Escalation exhausted after 2 passes · Checkout API · High urgency');
    expect(contextLine(slackIncidentMessage({ ...incident, escalation: null }))).toBe('*Triggered* · Checkout API · High urgency');
    expect(contextLine(slackIncidentMessage({ ...incident, status: 'acknowledged', acknowledgedBy: 'Ana', escalation: { step: 2, of: 3 } }))).toBe('*Acknowledged* by Ana · Checkout API · High urgency');
  });

  it('says who acknowledged and drops the Acknowledge button', () => {
    const message = slackIncidentMessage({ ...incident, status: 'acknowledged', acknowledgedBy: 'Ana <admin>' });
    expect(buttons(message).map((b) => b.action_id)).toEqual(['vigil_resolve', 'vigil_escalate', 'vigil_snooze']);
    expect(JSON.stringify(message.blocks)).toContain('*Acknowledged* by Ana &lt;admin&gt;');
  });

  it('has no buttons once resolved, and names the alert source when no person resolved it', () => {
    const message = slackIncidentMessage({ ...incident, status: 'resolved', resolvedBy: null });
    expect(buttons(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('*Resolved* by its alert source');
  });

  it('stays within Slack block limits for a huge alert', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: 'v'.repeat(5000) }));
    const message = slackIncidentMessage({ ...incident, title: 't'.repeat(5000), description: 'd'.repeat(10_000), monitorName: '&'.repeat(5000), escalation: { step: 99, of: 99 }, details: { fields, links: [], images: [], truncated: true } });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const block of message.blocks) {
      const text = (block.text as { text?: string } | undefined)?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(3000);
      // A context block's text elements: at most 3000 characters each.
      for (const e of (block.elements as { text?: unknown }[] | undefined) ?? []) if (typeof e.text === 'string') expect(e.text.length).toBeLessThanOrEqual(3000);
      for (const f of (block.fields as { text: string }[] | undefined) ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
      expect(((block.fields as unknown[] | undefined) ?? []).length).toBeLessThanOrEqual(10);
    }
  });
});
