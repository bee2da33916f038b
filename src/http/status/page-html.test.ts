import { describe, expect, it } from 'vitest';
import { component, sampleView } from '../../../test/support/status-view.js';
import { dayText, renderIncidentPage, renderStatusPage } from './page-html.js';

const ctx = { base: '/status/acme' };

describe('public status page HTML', () => {
  it('shows the banner, sections, states, incidents, maintenance and history', () => {
    const html = renderStatusPage(sampleView(), ctx);
    expect(html).toContain('<h1 class="banner s-partial_outage">Partial outage</h1>');
    expect(html).toContain('<h3>API</h3><span class="state s-partial_outage">Partial outage</span>');
    expect(html).toContain('<span class="state s-under_maintenance">Under maintenance</span>');
    expect(html).toContain('<h2>Active incidents</h2>');
    expect(html).toContain('<a href="/status/acme/incidents/inc-open">Slow API responses</a>');
    expect(html).toContain('A database node is overloaded.<br>Failing over.');
    expect(html).toContain('Affects API');
    expect(html).toContain('Mail server upgrade');
    expect(html).toContain('<h2>Past 14 days</h2>');
    expect(html).toContain('Resolved <time datetime="2026-02-25T10:00:00.000Z">Feb 25, 04:00 CST</time>');
    expect(html).not.toMatch(/<script/i);
    // 3 components × 90 days, each focusable.
    expect(html.match(/tabindex="0"/g)).toHaveLength(270);
  });

  it('writes each day as text: date, uptime, maintenance and outages in the page zone', () => {
    const view = sampleView();
    const days = view.sections[0]?.components[0]?.days ?? [];
    expect(dayText(days[89]!, view)).toBe('Mon, Mar 2: 100 % uptime; no outages');
    expect(dayText(days[88]!, view)).toBe('Sun, Mar 1: 99.44 % uptime; outage 09:12–09:20 CST');
    expect(dayText(days[60]!, view)).toMatch(/^Sun, Feb 1: 100 % uptime; maintenance; no outages$/);
    expect(dayText(days[0]!, view)).toBe('Wed, Dec 3, 2025: no data');
    const ongoing = { date: '2026-03-02', uptime: 0.5, maintenance: false, outages: [{ start: Date.parse('2026-03-02T12:00:00Z'), end: null }] };
    expect(dayText(ongoing, view)).toBe('Mon, Mar 2: 50 % uptime; outage 06:00–ongoing CST');
  });

  it('escapes everything the team typed', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const view = sampleView({
      name: evil,
      description: evil,
      sections: [{ id: 's"><x', name: evil, components: [component('c', evil, '2026-03-02', { description: evil })] }],
      incidents: [{ id: 'i', title: evil, components: ['c'], entries: [{ id: 'e', status: 'investigating', body: evil, at: 0 }], createdAt: 0, resolvedAt: null }],
      maintenances: [{ id: 'm', title: evil, body: evil, startsAt: 0, endsAt: 1, components: ['c'], state: 'scheduled' }],
    });
    for (const html of [renderStatusPage(view, ctx), renderIncidentPage(view, view.incidents[0]!, ctx)]) {
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('"><x');
      expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;');
    }
  });

  it('renders from the view alone: nothing but its fields can reach the page', () => {
    // A view carrying fields it must not have (as if a loader leaked them) still shows none of them.
    const view = sampleView();
    const leaky = { ...view, teamId: 'team-secret', sections: view.sections.map((s) => ({ ...s, components: s.components.map((c) => ({ ...c, monitorIds: ['mon-secret'], target: 'https://internal.example/health' })) })) };
    const html = renderStatusPage(leaky, ctx);
    expect(html).not.toContain('secret');
    expect(html).not.toContain('internal.example');
  });

  it('links under the custom domain root and marks private pages noindex', () => {
    const html = renderStatusPage(sampleView({ access: 'password' }), { base: '' });
    expect(html).toContain('<a class="brand" href="/">');
    expect(html).toContain('href="/incidents/inc-open"');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(renderStatusPage(sampleView(), ctx)).not.toContain('noindex');
  });

  it('renders one incident with its whole history', () => {
    const view = sampleView();
    const html = renderIncidentPage(view, view.incidents[0]!, ctx);
    expect(html).toContain('<h1>Slow API responses</h1>');
    expect(html).toContain('<strong>Identified</strong> · Reported <time datetime="2026-03-02T11:00:00.000Z">Mar 2, 05:00 CST</time>');
    expect(html.indexOf('Identified</strong> —')).toBeLessThan(html.indexOf('Investigating</strong> —'));
    expect(html).toContain('<a href="/status/acme">← Acme status</a>');
  });
});
