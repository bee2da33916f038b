import { escapeMarkup } from '../../core/escape-markup.js';
import { percent, publicClock, publicDay, publicWhen, zoneName } from '../../core/status-page/public-time.js';
import type {
  ComponentState,
  StatusComponentView,
  StatusIncidentView,
  StatusMaintenanceView,
  StatusPageView,
  UpdateStatus,
  UptimeDayView,
} from '../../core/status-page/view.js';
import { statusHtml, type ShellPage } from './html-shell.js';

/** Where a rendered page lives: links are made under `base` ('/status/<slug>', or '' on the page's custom domain). */
export interface RenderContext {
  base: string;
  /** A form another part adds to the page (the subscribe form), already escaped markup. */
  subscribeForm?: string;
}

export const stateLabels: Record<ComponentState, string> = {
  operational: 'Operational',
  under_maintenance: 'Under maintenance',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

const overallLabels: Record<ComponentState, string> = {
  operational: 'All systems operational',
  under_maintenance: 'Maintenance in progress',
  degraded_performance: 'Some systems degraded',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

export const updateLabels: Record<UpdateStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

const maintenanceLabels: Record<StatusMaintenanceView['state'], string> = { scheduled: 'Scheduled', in_progress: 'In progress', completed: 'Completed' };

// Days are focusable and carry their text; the text shows below the bar on hover and on
// keyboard focus, with no script. Narrow screens keep the last 30 days.
const pageCss = [
  '.banner{background:var(--c);color:var(--on-c);border-radius:8px;padding:1rem 1.25rem;font-size:1.25rem;margin:0 0 1.5rem}',
  '.state{color:var(--c);font-weight:600;white-space:nowrap}',
  '.components{list-style:none;margin:0;padding:0}',
  '.component{padding:.75rem 0;border-top:1px solid var(--border)}',
  '.component:first-child{border-top:0;padding-top:0}',
  '.head{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap;align-items:baseline}',
  '.bar{display:flex;gap:2px;list-style:none;margin:.5rem 0 .25rem;padding:0;position:relative;height:2rem}',
  '.day{flex:1 1 0;min-width:2px;border-radius:2px;background:var(--nodata)}',
  '.day.up{background:var(--ok)}.day.minor{background:var(--minor)}.day.partial{background:var(--partial)}.day.major{background:var(--major)}.day.maint{background:var(--maint)}',
  // Not a filter: it would make the day, not the bar, the box the tip is placed in.
  '.day:hover{outline:2px solid var(--text);outline-offset:1px}',
  '.tip{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}',
  '.day:hover .tip,.day:focus .tip{width:auto;height:auto;overflow:visible;clip-path:none;white-space:normal;left:0;right:0;top:calc(100% + 6px);z-index:2;background:var(--surface);color:var(--text);border:1px solid var(--border);border-radius:6px;padding:.5rem .75rem;box-shadow:0 4px 12px rgb(0 0 0 / .2);font-size:.875rem}',
  '.legend{display:flex;justify-content:space-between;font-size:.8125rem;color:var(--muted)}',
  '.d30{display:none}',
  '@media (max-width:40rem){.day.old{display:none}.d90{display:none}.d30{display:inline}}',
  '.updates{list-style:none;margin:.5rem 0 0;padding:0}',
  '.updates li{margin:.5rem 0}',
  '.updates p{margin:0}',
  '.when{font-size:.875rem;color:var(--muted)}',
  '.history{list-style:none;margin:0;padding:0}',
  '.history li{padding:.5rem 0;border-top:1px solid var(--border)}',
  '.history li:first-child{border-top:0}',
].join('');

/** Fill colours of the uptime bar come from the state palette. */
const barVars =
  ':root{--ok:#1a7f37;--minor:#bf8700;--partial:#bc4c00;--major:#cf222e;--maint:#0969da}' +
  '@media (prefers-color-scheme:dark){:root{--ok:#2ea043;--minor:#bb8009;--partial:#db6d28;--major:#da3633;--maint:#1f6feb}}';

export function shellPage(view: StatusPageView, ctx: RenderContext): ShellPage {
  // The logo's /status/<slug>/logo?v=<hash> path is served on the custom domain too.
  return { name: view.name, accentColor: view.accentColor, logoPath: view.logoPath, home: ctx.base || '/' };
}

const text = (s: string) => escapeMarkup(s).replaceAll('\n', '<br>');
const time = (at: number, view: StatusPageView) => `<time datetime="${new Date(at).toISOString()}">${escapeMarkup(publicWhen(at, view.timeZone, view.generatedAt))}</time>`;

function dayClass(day: UptimeDayView): string {
  if (day.uptime === null) return day.maintenance ? 'maint' : 'none';
  if (day.uptime >= 0.999) return day.maintenance ? 'maint' : 'up';
  if (day.uptime >= 0.99) return 'minor';
  if (day.uptime >= 0.95) return 'partial';
  return 'major';
}

/** The day's text: date, uptime, maintenance and the outages' times, for hover, focus and screen readers. */
export function dayText(day: UptimeDayView, view: StatusPageView): string {
  const parts = [`${publicDay(day.date, view.timeZone, view.generatedAt)}: ${day.uptime === null ? 'no data' : `${percent(day.uptime)} uptime`}`];
  if (day.maintenance) parts.push('maintenance');
  if (day.outages.length > 0) {
    const spans = day.outages.map((o) => `${publicClock(o.start, view.timeZone)}–${o.end === null ? 'ongoing' : publicClock(o.end, view.timeZone, true)}`);
    parts.push(`${day.outages.length === 1 ? 'outage' : 'outages'} ${spans.join(', ')} ${zoneName(day.outages[0]?.start ?? view.generatedAt, view.timeZone)}`);
  } else if (day.uptime !== null) parts.push('no outages');
  return parts.join('; ');
}

function renderComponent(c: StatusComponentView, view: StatusPageView): string {
  const count = c.days.length;
  const days = c.days
    .map((d, i) => `<li class="day ${dayClass(d)}${count - i > 30 ? ' old' : ''}" tabindex="0"><span class="tip">${escapeMarkup(dayText(d, view))}</span></li>`)
    .join('');
  const uptime = c.uptime90 === null ? 'No data yet' : `${percent(c.uptime90)} uptime`;
  return (
    `<li class="component"><div class="head"><h3>${escapeMarkup(c.name)}</h3><span class="state s-${c.state}">${stateLabels[c.state]}</span></div>` +
    (c.description ? `<p class="note muted">${escapeMarkup(c.description)}</p>` : '') +
    (count > 0
      ? `<ol class="bar" aria-label="${escapeMarkup(c.name)}: uptime by day, oldest first">${days}</ol>` +
        `<div class="legend" aria-hidden="true"><span><span class="d90">${count} days ago</span><span class="d30">30 days ago</span></span><span>${uptime}</span><span>Today</span></div>`
      : '') +
    '</li>'
  );
}

function componentNames(ids: string[], view: StatusPageView): string {
  const names = new Map(view.sections.flatMap((s) => s.components.map((c) => [c.id, c.name] as const)));
  return ids
    .map((id) => names.get(id))
    .filter((n): n is string => n !== undefined)
    .map(escapeMarkup)
    .join(', ');
}

function renderEntries(incident: StatusIncidentView, view: StatusPageView): string {
  return `<ol class="updates">${incident.entries
    .map((e) => `<li><p><strong>${updateLabels[e.status]}</strong> — ${text(e.body)}</p><p class="when">${time(e.at, view)}</p></li>`)
    .join('')}</ol>`;
}

function renderIncident(incident: StatusIncidentView, view: StatusPageView, ctx: RenderContext): string {
  const affects = componentNames(incident.components, view);
  return (
    `<article class="card"><h3><a href="${escapeMarkup(`${ctx.base}/incidents/${incident.id}`)}">${escapeMarkup(incident.title)}</a></h3>` +
    (affects ? `<p class="note muted">Affects ${affects}</p>` : '') +
    `${renderEntries(incident, view)}</article>`
  );
}

function renderMaintenance(m: StatusMaintenanceView, view: StatusPageView): string {
  const affects = componentNames(m.components, view);
  return (
    `<article class="card"><h3>${escapeMarkup(m.title)}</h3>` +
    `<p class="note"><strong class="state s-under_maintenance">${maintenanceLabels[m.state]}</strong> — ${time(m.startsAt, view)} to ${time(m.endsAt, view)}</p>` +
    (affects ? `<p class="note muted">Affects ${affects}</p>` : '') +
    (m.body ? `<p>${text(m.body)}</p>` : '') +
    '</article>'
  );
}

/** Resolved incidents and completed maintenance, newest first, one line each. */
function renderHistory(view: StatusPageView, ctx: RenderContext): string {
  const items = [
    ...view.incidents
      .filter((i) => i.resolvedAt !== null)
      .map((i) => ({
        at: i.resolvedAt ?? i.createdAt,
        html: `<li><a href="${escapeMarkup(`${ctx.base}/incidents/${i.id}`)}">${escapeMarkup(i.title)}</a><p class="when">Resolved ${time(i.resolvedAt ?? i.createdAt, view)}</p></li>`,
      })),
    ...view.maintenances
      .filter((m) => m.state === 'completed')
      .map((m) => ({ at: m.endsAt, html: `<li>${escapeMarkup(m.title)}<p class="when">Maintenance, ${time(m.startsAt, view)} to ${time(m.endsAt, view)}</p></li>` })),
  ].sort((a, b) => b.at - a.at);
  return `<h2>Past 14 days</h2><div class="card">${items.length > 0 ? `<ul class="history">${items.map((i) => i.html).join('')}</ul>` : '<p class="note muted">No incidents reported.</p>'}</div>`;
}

/** The whole public page of a status page. */
export function renderStatusPage(view: StatusPageView, ctx: RenderContext): string {
  const open = view.incidents.filter((i) => i.resolvedAt === null);
  const upcoming = view.maintenances.filter((m) => m.state !== 'completed');
  const body =
    (view.description ? `<p>${text(view.description)}</p>` : '') +
    `<h1 class="banner s-${view.overall}">${overallLabels[view.overall]}</h1>` +
    (open.length > 0 ? `<h2>Active incidents</h2>${open.map((i) => renderIncident(i, view, ctx)).join('')}` : '') +
    (upcoming.length > 0 ? `<h2>Maintenance</h2>${upcoming.map((m) => renderMaintenance(m, view)).join('')}` : '') +
    view.sections
      .filter((s) => s.components.length > 0)
      .map((s) => `<section class="card" aria-labelledby="sec-${escapeMarkup(s.id)}"><h2 id="sec-${escapeMarkup(s.id)}" class="note">${escapeMarkup(s.name)}</h2><ul class="components">${s.components.map((c) => renderComponent(c, view)).join('')}</ul></section>`)
      .join('') +
    renderHistory(view, ctx) +
    (ctx.subscribeForm ?? '') +
    `<p class="muted">Times in ${escapeMarkup(view.timeZone)}. Updated ${time(view.generatedAt, view)}.</p>`;
  return statusHtml({ title: `${view.name} status`, page: shellPage(view, ctx), body, noindex: view.access !== 'public' }, pageCss + barVars);
}

/** One public incident with its whole history. */
export function renderIncidentPage(view: StatusPageView, incident: StatusIncidentView, ctx: RenderContext): string {
  const affects = componentNames(incident.components, view);
  const status = incident.entries[0]?.status;
  const body =
    `<p><a href="${escapeMarkup(ctx.base || '/')}">← ${escapeMarkup(view.name)} status</a></p>` +
    `<h1>${escapeMarkup(incident.title)}</h1>` +
    `<p class="note">${status ? `<strong>${updateLabels[status]}</strong> · ` : ''}Reported ${time(incident.createdAt, view)}${incident.resolvedAt !== null ? `, resolved ${time(incident.resolvedAt, view)}` : ''}</p>` +
    (affects ? `<p class="note muted">Affects ${affects}</p>` : '') +
    `<div class="card">${renderEntries(incident, view)}</div>`;
  return statusHtml({ title: `${incident.title} · ${view.name} status`, page: shellPage(view, ctx), body, noindex: view.access !== 'public' }, pageCss + barVars);
}
