import type { ComponentState, StatusIncidentView, StatusMaintenanceView, StatusPageView } from '../../core/status-page/view.js';

/**
 * The page as JSON for embedding, shaped like statuspage.io's /api/v2/summary.json so
 * widgets written for it read it: page, status {indicator, description}, components
 * (sections as group components, as statuspage.io lists groups), unresolved incidents
 * with their updates, and scheduled or in-progress maintenance. What differs is in
 * docs/STATUS-PAGES.md.
 */

export type Indicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

const indicators: Record<ComponentState, Indicator> = {
  operational: 'none',
  under_maintenance: 'maintenance',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

// statuspage.io's own descriptions for each indicator.
const descriptions: Record<ComponentState, string> = {
  operational: 'All Systems Operational',
  under_maintenance: 'Service Under Maintenance',
  degraded_performance: 'Minor Service Outage',
  partial_outage: 'Partial System Outage',
  major_outage: 'Major Service Outage',
};

const order: ComponentState[] = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
const worst = (states: ComponentState[]): ComponentState => states.reduce<ComponentState>((w, s) => (order.indexOf(s) > order.indexOf(w) ? s : w), 'operational');

const iso = (at: number) => new Date(at).toISOString();

export interface SummaryComponent {
  id: string;
  name: string;
  status: ComponentState;
  description: string | null;
  position: number;
  group: boolean;
  group_id: string | null;
  components?: string[];
  page_id: string;
  only_show_if_degraded: false;
  showcase: true;
  uptime_90d: number | null;
}

function components(view: StatusPageView): SummaryComponent[] {
  const out: SummaryComponent[] = [];
  let position = 1;
  for (const section of view.sections) {
    out.push({
      id: section.id,
      name: section.name,
      status: worst(section.components.map((c) => c.state)),
      description: null,
      position: position++,
      group: true,
      group_id: null,
      components: section.components.map((c) => c.id),
      page_id: view.id,
      only_show_if_degraded: false,
      showcase: true,
      uptime_90d: null,
    });
    for (const c of section.components) {
      out.push({
        id: c.id,
        name: c.name,
        status: c.state,
        description: c.description,
        position: position++,
        group: false,
        group_id: section.id,
        page_id: view.id,
        only_show_if_degraded: false,
        showcase: true,
        uptime_90d: c.uptime90,
      });
    }
  }
  return out;
}

function incident(i: StatusIncidentView, view: StatusPageView, byId: Map<string, SummaryComponent>) {
  const affected = i.components.map((id) => byId.get(id)).filter((c): c is SummaryComponent => c !== undefined);
  const latest = i.entries[0];
  const monitoring = i.entries.find((e) => e.status === 'monitoring');
  return {
    id: i.id,
    name: i.title,
    status: latest?.status ?? 'investigating',
    // Vigil has no impact of its own: the worst current state of the components it affects.
    impact: indicators[worst(affected.map((c) => c.status))],
    created_at: iso(i.createdAt),
    updated_at: iso(latest?.at ?? i.createdAt),
    started_at: iso(i.createdAt),
    monitoring_at: monitoring ? iso(monitoring.at) : null,
    resolved_at: i.resolvedAt === null ? null : iso(i.resolvedAt),
    page_id: view.id,
    incident_updates: i.entries.map((e) => ({ id: e.id, incident_id: i.id, status: e.status, body: e.body, created_at: iso(e.at), updated_at: iso(e.at), display_at: iso(e.at) })),
    components: affected.map(({ id, name, status }) => ({ id, name, status })),
  };
}

function maintenance(m: StatusMaintenanceView, view: StatusPageView, byId: Map<string, SummaryComponent>) {
  return {
    id: m.id,
    name: m.title,
    status: m.state,
    impact: 'maintenance' as const,
    scheduled_for: iso(m.startsAt),
    scheduled_until: iso(m.endsAt),
    page_id: view.id,
    incident_updates: m.body ? [{ id: `${m.id}-notice`, incident_id: m.id, status: m.state, body: m.body, created_at: iso(m.startsAt), updated_at: iso(m.startsAt), display_at: iso(m.startsAt) }] : [],
    components: m.components
      .map((id) => byId.get(id))
      .filter((c): c is SummaryComponent => c !== undefined)
      .map(({ id, name, status }) => ({ id, name, status })),
  };
}

export function statusSummary(view: StatusPageView, url: string) {
  const list = components(view);
  const byId = new Map(list.map((c) => [c.id, c]));
  return {
    page: { id: view.id, name: view.name, url, time_zone: view.timeZone, updated_at: iso(view.generatedAt) },
    status: { indicator: indicators[view.overall], description: descriptions[view.overall] },
    components: list,
    incidents: view.incidents.filter((i) => i.resolvedAt === null).map((i) => incident(i, view, byId)),
    scheduled_maintenances: view.maintenances.filter((m) => m.state !== 'completed').map((m) => maintenance(m, view, byId)),
  };
}
