import { describe, expect, it } from 'vitest';
import { escapeMattermost, mattermostIncidentPost } from './mattermost-post.js';
import type { SlackIncident } from './slack-blocks.js';

const incident: SlackIncident = {
  id: 'inc1',
  title: 'Checkout @channel down',
  description: 'HTTP 502 from [Vigil](https://evil.example) ![x](https://evil.example/x.png)',
  monitorName: 'Checkout API',
  url: 'https://vigil.example/incidents/inc1',
  status: 'triggered',
  urgency: 'high',
  acknowledgedBy: null,
  resolvedBy: null,
  escalation: { step: 1, of: 3 },
};

const integration = (action: string) => ({ url: 'https://vigil.example/api/v1/integrations/mattermost/actions', context: { action, incidentId: 'inc1', token: `t-${action}` } });
const actions = (p: ReturnType<typeof mattermostIncidentPost>) => (p.props.attachments[0]?.actions ?? []) as { id: string; integration: { context: { action: string } } }[];

describe('mattermostIncidentPost', () => {
  it('offers the four buttons on a triggered incident, each with its own signed context', () => {
    const post = mattermostIncidentPost(incident, integration);
    expect(actions(post).map((a) => a.id)).toEqual(['acknowledge', 'resolve', 'escalate', 'snooze']);
    expect(actions(post).every((a) => a.integration.context.action === a.id)).toBe(true);
    expect(post.props.attachments[0]).toMatchObject({ title: 'Checkout @channel down', title_link: incident.url });
  });

  it('says the step the incident is on while triggered, beside its status', () => {
    const line = (shown: SlackIncident) => String(mattermostIncidentPost(shown, integration).props.attachments[0]?.text).split('\n\n')[1];
    expect(line(incident)).toBe('**Triggered** · Step 1 of 3 · Checkout API · High urgency');
    expect(line({ ...incident, escalation: { step: 3, of: 3 } })).toBe('**Triggered** · Escalated to step 3 of 3 · Checkout API · High urgency');
    expect(line({ ...incident, escalation: { exhaustedAfter: 1 } })).toBe('**Triggered** · Escalation exhausted after 1 pass · Checkout API · High urgency');
    expect(line({ ...incident, status: 'acknowledged', acknowledgedBy: 'Ana', escalation: { step: 3, of: 3 } })).toBe('**Acknowledged** by Ana · Checkout API · High urgency');
  });

  it('drops Acknowledge once acknowledged and every button once resolved, saying by whom', () => {
    const acked = mattermostIncidentPost({ ...incident, status: 'acknowledged', acknowledgedBy: 'Ana' }, integration);
    expect(actions(acked).map((a) => a.id)).toEqual(['resolve', 'escalate', 'snooze']);
    expect(acked.props.attachments[0]?.text).toContain('**Acknowledged** by Ana');
    const resolved = mattermostIncidentPost({ ...incident, status: 'resolved', resolvedBy: null }, integration);
    expect(actions(resolved)).toEqual([]);
    expect(resolved.props.attachments[0]?.text).toContain('**Resolved** by its alert source');
  });

  it('escapes what alerts say, so they ping, link and show nothing', () => {
    const text = String(mattermostIncidentPost(incident, integration).props.attachments[0]?.text);
    expect(text).not.toContain('](');
    expect(text).toContain('\\[Vigil\\]\\(https://evil.example\\)');
    expect(escapeMattermost('@channel *bold*')).toBe('@\u200bchannel \\*bold\\*');
  });
});
