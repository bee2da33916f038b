import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCardMarkdown, teamsIncidentCard, teamsMessage, teamsTestCard } from './teams-card.js';
import type { IncidentSummary } from './incident/incident-summary.js';

const incident = (over: Partial<IncidentSummary> = {}): IncidentSummary => ({
  id: '0190',
  title: 'Checkout down',
  description: 'HTTP 503 from /pay',
  status: 'triggered',
  monitorName: 'Shop API',
  url: 'https://vigil.example.com/incidents/0190',
  urgency: 'high',
  ...over,
});

/** Every TextRun's text, in order: what the card shows verbatim. */
const runs = (card: ReturnType<typeof teamsIncidentCard>) => JSON.stringify(card.body).match(/"TextRun","text":"(?:[^"\\]|\\.)*"/g)?.map((m) => JSON.parse(m.slice(17)) as string) ?? [];

describe('teamsIncidentCard', () => {
  it('names the incident, its monitor, status and urgency, and links back to it with one action', () => {
    const card = teamsIncidentCard(incident());
    expect(card).toMatchObject({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4' });
    expect(runs(card)).toEqual(['Checkout down', 'Monitor: ', 'Shop API', 'HTTP 503 from /pay']);
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention', items: [{}, { type: 'TextBlock', text: 'Triggered · High urgency', color: 'Attention' }] });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open incident', url: 'https://vigil.example.com/incidents/0190' }]);
  });

  it('colours by urgency and status', () => {
    expect(teamsIncidentCard(incident({ urgency: 'low' })).body[0]).toMatchObject({ style: 'warning', items: [{}, { text: 'Triggered · Low urgency', color: 'Warning' }] });
    expect(teamsIncidentCard(incident({ status: 'acknowledged' })).body[0]).toMatchObject({ style: 'accent', items: [{}, { text: 'Acknowledged · High urgency' }] });
    expect(teamsIncidentCard(incident({ status: 'resolved' })).body[0]).toMatchObject({ style: 'good', items: [{}, { text: 'Resolved · High urgency', color: 'Good' }] });
  });

  it('shows text from the alert in blocks Teams never reads as Markdown, and leaves out an empty description', () => {
    const card = teamsIncidentCard(incident({ title: '**Urgent** [click](https://evil.example)', description: '  ' }));
    expect(runs(card)).toEqual(['**Urgent** [click](https://evil.example)', 'Monitor: ', 'Shop API']);
    expect(JSON.stringify(card)).not.toContain('"type":"TextBlock","text":"**');
  });

  it("shows the latest alert's fields as facts, escaped, clipped and at most ten, and says when more is in Vigil", () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
    fields[0] = { key: 'runbook', value: '[Open](https://evil.example) *now*\n- step' };
    fields[1] = { key: 'long', value: 'x'.repeat(400) };
    const card = teamsIncidentCard(incident({ details: { fields, links: [], images: [], truncated: false } }));
    const factSet = card.body.find((b) => b.type === 'FactSet') as { facts: { title: string; value: string }[] };
    expect(factSet.facts).toHaveLength(10);
    expect(factSet.facts[0]).toEqual({ title: 'runbook', value: '\\[Open\\]\\(https://evil.example\\) \\*now\\* - step' });
    expect(Array.from(factSet.facts[1]?.value ?? '')).toHaveLength(250);
    expect(card.body.at(-1)).toMatchObject({ type: 'TextBlock', text: 'More details, links and images in Vigil.' });
    const few = teamsIncidentCard(incident({ details: { fields: fields.slice(2, 4), links: [], images: [], truncated: false } }));
    expect(few.body.at(-1)).toMatchObject({ type: 'FactSet' });
    const linked = teamsIncidentCard(incident({ details: { fields: [], links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }], images: [], truncated: false } }));
    expect(linked.body.some((b) => b.type === 'FactSet')).toBe(false);
    expect(linked.body.at(-1)).toMatchObject({ text: 'More details, links and images in Vigil.' });
    expect(linked.actions).toHaveLength(1);
  });

  it('stays under the 28 KB Teams takes even with four-byte characters that all need escaping', () => {
    const big = '😀*'.repeat(3000);
    const fields = Array.from({ length: 40 }, () => ({ key: big, value: big }));
    const card = teamsIncidentCard(incident({ title: big, description: big, monitorName: big, details: { fields, links: [], images: [], truncated: true } }));
    expect(Buffer.byteLength(JSON.stringify(teamsMessage(card)))).toBeLessThan(28 * 1024);
  });
});

describe('escapeCardMarkdown', () => {
  it('escapes what opens emphasis, links, code and lists, and joins lines', () => {
    expect(escapeCardMarkdown('a_b *c* `d` <e> ~f~ #g |h| ![i](j) {{DATE(x)}}')).toBe('a\\_b \\*c\\* \\`d\\` \\<e\\> \\~f\\~ \\#g \\|h\\| \\!\\[i\\]\\(j\\) \\{\\{DATE\\(x\\)\\}\\}');
    expect(escapeCardMarkdown('- one\r\n2. two')).toBe('\\- one 2. two');
    expect(escapeCardMarkdown('12. first')).toBe('12\\. first');
    expect(escapeCardMarkdown('+')).toBe('\\+');
    expect(escapeCardMarkdown('10.0.0.1:9100 - up')).toBe('10.0.0.1:9100 - up');
    expect(escapeCardMarkdown('C:\\temp')).toBe('C:\\\\temp');
  });

  it('never leaves a markup character unescaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 100 }), (text) => {
        const escaped = escapeCardMarkdown(text);
        // No line break, and every markup character is preceded by an odd run of backslashes.
        return !/[\r\n]/.test(escaped) && [...escaped.matchAll(/(\\*)([`*_[\]()<>~#|!{}])/g)].every((m) => (m[1] ?? '').length % 2 === 1);
      }),
    );
  });
});

describe('teamsTestCard', () => {
  it('is a card without actions wrapped as the one attachment of a message', () => {
    expect(teamsMessage(teamsTestCard())).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: { type: 'AdaptiveCard', version: '1.4', actions: [] } }],
    });
  });
});
