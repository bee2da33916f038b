import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import type { Urgency } from '../core/escalation/urgency.js';
import { inOwnMaintenance, isCheckedKind, isOutage } from '../core/status-page/monitor-rules.js';
import { componentState, maintenancePhase, worstState, type MonitorNow } from '../core/status-page/state.js';
import { componentDays, dayBucketing, daysEndingAt, uptimeOver, type MonitorHistory, type Span } from '../core/status-page/uptime.js';
import type { StatusIncidentView, StatusMaintenanceView, StatusPageView, StatusSectionView, UpdateEntryView } from '../core/status-page/view.js';
import { DAY } from '../core/time/units.js';
import type { DB } from '../store/schema.js';
import { readStatusPageRows } from '../store/status-page-rows.js';

/** Days in a component's uptime bar, ending today. */
export const UPTIME_DAYS = 90;
/** How long resolved incidents and completed maintenance stay listed. */
export const LISTED_DAYS = 14;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * What the public sees of a page at `now`, whatever its access mode (the caller gates
 * access). Built from a fixed number of queries (one per table), so its cost grows with
 * the rows read, not with round trips per component or day.
 */
export async function loadStatusPageView(db: Kysely<DB>, pageId: string, now: number): Promise<StatusPageView> {
  const page = await db.selectFrom('status_pages').selectAll().where('id', '=', pageId).executeTakeFirst();
  if (!page) throw new AppError('not_found', `No status page ${pageId}`);
  const days = daysEndingAt(page.time_zone, now, UPTIME_DAYS);
  const rows = await readStatusPageRows(db, pageId, dayBucketing(page.time_zone, days), now - LISTED_DAYS * DAY);

  // A day's sum counts as from the day's start: the core puts it in that day.
  const rollups = groupBy(
    rows.dailyRollups.flatMap((r) => {
      const day = days[r.day];
      return day ? [{ monitor_id: r.monitor_id, hour: day.start, checks: r.checks, up: r.up, maintenance: r.maintenance }] : [];
    }),
    (r) => r.monitor_id,
  );
  const maintenanceHours = groupBy(rows.maintenanceHours, (r) => r.monitor_id);
  const incidents = groupBy(rows.incidents, (i) => i.monitor_id);
  const monitors = new Map(
    rows.monitors.map((m) => {
      const mine = (incidents.get(m.id) ?? []).filter((i) => isOutage(m, i.dedup_key));
      const history: MonitorHistory = {
        checked: isCheckedKind(m.kind),
        createdAt: m.created_at,
        rollups: rollups.get(m.id) ?? [],
        maintenanceHours: maintenanceHours.get(m.id) ?? [],
        incidents: mine.map((i) => ({ start: i.triggered_at, end: i.status === 'resolved' ? i.resolved_at : null })),
      };
      const open: Urgency[] = mine.filter((i) => i.status !== 'resolved').map((i) => i.urgency);
      return [m.id, { history, paused: m.paused === 1, ownMaintenance: inOwnMaintenance(m, now), open }] as const;
    }),
  );
  const monitorIds = groupBy(rows.links, (l) => l.component_id);

  const maintenanceComponents = groupBy(rows.maintenanceComponents, (m) => m.maintenance_id);
  const maintenanceSpans = new Map<string, Span[]>();
  for (const m of rows.maintenances) {
    for (const { component_id } of maintenanceComponents.get(m.id) ?? []) {
      maintenanceSpans.set(component_id, [...(maintenanceSpans.get(component_id) ?? []), { start: m.starts_at, end: m.ends_at }]);
    }
  }

  const componentsBySection = groupBy(rows.components, (c) => c.section_id);
  const sections: StatusSectionView[] = rows.sections.map((s) => ({
    id: s.id,
    name: s.name,
    components: (componentsBySection.get(s.id) ?? []).map((c) => {
      const spans = maintenanceSpans.get(c.id) ?? [];
      const pageMaintenanceNow = spans.some((s) => s.start <= now && now < s.end);
      const mine = (monitorIds.get(c.id) ?? []).flatMap((l) => monitors.get(l.monitor_id) ?? []);
      const states: MonitorNow[] = mine.map((m) => ({ paused: m.paused, inMaintenance: m.ownMaintenance || pageMaintenanceNow, openIncidents: m.open }));
      const bar = componentDays(days, now, { monitors: mine.map((m) => m.history), maintenance: spans });
      return { id: c.id, name: c.name, description: c.description, state: componentState(c.manual_state, states), days: bar, uptime90: uptimeOver(bar) };
    }),
  }));

  const pageComponents = new Set(rows.components.map((c) => c.id));
  const componentsOf = <T extends { component_id: string }>(links: T[] | undefined) => (links ?? []).map((l) => l.component_id).filter((id) => pageComponents.has(id));
  const entries = groupBy(rows.entries, (e) => e.status_incident_id);
  const incidentComponents = groupBy(rows.incidentComponents, (l) => l.status_incident_id);
  const listedSince = now - LISTED_DAYS * DAY;
  const statusIncidents: StatusIncidentView[] = rows.statusIncidents.map((i) => ({
    id: i.id,
    title: i.title,
    components: componentsOf(incidentComponents.get(i.id)),
    entries: (entries.get(i.id) ?? []).map((e): UpdateEntryView => ({ id: e.id, status: e.status, body: e.body, at: e.at })),
    createdAt: i.created_at,
    resolvedAt: i.resolved_at,
  }));
  const maintenances: StatusMaintenanceView[] = rows.maintenances
    .filter((m) => m.ends_at >= listedSince)
    .map((m) => ({
      id: m.id,
      title: m.title,
      body: m.body,
      startsAt: m.starts_at,
      endsAt: m.ends_at,
      components: componentsOf(maintenanceComponents.get(m.id)),
      state: maintenancePhase(m.starts_at, m.ends_at, now),
    }));

  return {
    id: page.id,
    slug: page.slug,
    name: page.name,
    description: page.description,
    timeZone: page.time_zone,
    logoPath: rows.logoSha256 === null ? null : `/status/${page.slug}/logo?v=${rows.logoSha256.slice(0, 16)}`,
    accentColor: page.accent_color,
    access: page.access,
    overall: worstState(sections.flatMap((s) => s.components.map((c) => c.state))),
    sections,
    incidents: statusIncidents,
    maintenances,
    generatedAt: now,
  };
}
