import type { StatusComponentView, StatusPageView, UptimeDayView } from '../../src/core/status-page/view.js';

const DAY = 86_400_000;

/** 90 days ending on `today` (YYYY-MM-DD), all up, for hand-built views. */
export function upDays(today: string, count = 90): UptimeDayView[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    date: new Date(end - (count - 1 - i) * DAY).toISOString().slice(0, 10),
    uptime: 1,
    maintenance: false,
    outages: [],
  }));
}

export function component(id: string, name: string, today: string, over: Partial<StatusComponentView> = {}): StatusComponentView {
  return { id, name, description: null, state: 'operational', days: upDays(today), uptime90: 1, ...over };
}

/** A page as the model would build it at 2026-03-02 12:00 UTC, in Chicago, with one of everything. */
export function sampleView(over: Partial<StatusPageView> = {}): StatusPageView {
  const today = '2026-03-02';
  const days = upDays(today);
  const outageStart = Date.parse('2026-03-01T15:12:00Z');
  days[88] = { date: '2026-03-01', uptime: 0.9944, maintenance: false, outages: [{ start: outageStart, end: outageStart + 8 * 60_000 }] };
  days[60] = { date: days[60]?.date ?? '', uptime: 1, maintenance: true, outages: [] };
  days[0] = { date: days[0]?.date ?? '', uptime: null, maintenance: false, outages: [] };
  return {
    id: 'page-1',
    slug: 'acme',
    name: 'Acme',
    description: 'Status of Acme services',
    timeZone: 'America/Chicago',
    logoPath: null,
    accentColor: '#3b5bdb',
    access: 'public',
    overall: 'partial_outage',
    sections: [
      {
        id: 'sec-1',
        name: 'Core',
        components: [
          component('cmp-api', 'API', today, { state: 'partial_outage', days, uptime90: 0.99993, description: 'Public REST API' }),
          component('cmp-web', 'Website', today),
        ],
      },
      { id: 'sec-2', name: 'Extras', components: [component('cmp-mail', 'Email', today, { state: 'under_maintenance' })] },
    ],
    incidents: [
      {
        id: 'inc-open',
        title: 'Slow API responses',
        components: ['cmp-api'],
        entries: [
          { id: 'e2', status: 'identified', body: 'A database node is overloaded.\nFailing over.', at: Date.parse('2026-03-02T11:30:00Z') },
          { id: 'e1', status: 'investigating', body: 'We are looking into it.', at: Date.parse('2026-03-02T11:00:00Z') },
        ],
        createdAt: Date.parse('2026-03-02T11:00:00Z'),
        resolvedAt: null,
      },
      {
        id: 'inc-old',
        title: 'Website errors',
        components: ['cmp-web'],
        entries: [{ id: 'e3', status: 'resolved', body: 'Fixed.', at: Date.parse('2026-02-25T10:00:00Z') }],
        createdAt: Date.parse('2026-02-25T09:00:00Z'),
        resolvedAt: Date.parse('2026-02-25T10:00:00Z'),
      },
    ],
    maintenances: [
      {
        id: 'mnt-1',
        title: 'Mail server upgrade',
        body: 'Mail may be delayed.',
        startsAt: Date.parse('2026-03-02T10:00:00Z'),
        endsAt: Date.parse('2026-03-02T14:00:00Z'),
        components: ['cmp-mail'],
        state: 'in_progress',
      },
    ],
    generatedAt: Date.parse('2026-03-02T12:00:00Z'),
    ...over,
  };
}
