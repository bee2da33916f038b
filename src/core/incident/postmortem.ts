import type { AlertDetails } from '../alert/details.js';
import { escapeMarkdown } from '../escape-markdown.js';
import { zone } from '../time/zone.js';
import { describeEvent, type TimelineEntry } from './describe-event.js';


export interface PostmortemAlert {
  at: number;
  title: string;
  details: AlertDetails;
}

/** Everything a postmortem says, read by the caller; rendering is pure. */
export interface PostmortemInput {
  incident: {
    id: string;
    title: string;
    description: string;
    status: string;
    dedupKey: string | null;
    alertCount: number;
    triggeredAt: number;
    acknowledgedAt: number | null;
    acknowledgedBy: string | null;
    resolvedAt: number | null;
    resolvedBy: string | null;
  };
  monitor: { name: string; kind: string };
  policyName: string;
  url: string;
  timeline: TimelineEntry[];
  /** Newest first, as the API lists them; `alertsLeftOut` more were not read. */
  alerts: PostmortemAlert[];
  alertsLeftOut: number;
  /** User names by id. */
  names: ReadonlyMap<string, string>;
  timeZone: string;
  generatedAt: number;
}

const md = escapeMarkdown;

/** "2026-11-30 14:05:09" in the zone (the document names the zone once, at the top). */
function localTime(at: number, timeZone: string): string {
  return new Date(zone(timeZone).toWall(at)).toISOString().slice(0, 19).replace('T', ' ');
}

/** "UTC+01:00" for the offset in force at `at`. */
function offsetName(at: number, timeZone: string): string {
  const minutes = Math.round(zone(timeZone).offsetAt(at) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "3 min 20 s", "2 h 5 min", "1 d 4 h": the two largest units that say it. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const units: [number, string][] = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor(s / 3600) % 24, 'h'],
    [Math.floor(s / 60) % 60, 'min'],
    [s % 60, 's'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  if (first === -1) return '0 s';
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function detailsMarkdown(details: AlertDetails): string[] {
  const lines: string[] = [];
  if (details.fields.length > 0) {
    lines.push('| Field | Value |', '|---|---|');
    for (const { key, value } of details.fields) lines.push(`| ${md(key)} | ${md(value)} |`);
    lines.push('');
  }
  // Hrefs were checked to be http(s) when the alert came in; the angle-bracket form keeps a ")" inside one.
  for (const link of details.links) lines.push(`- [${md(link.text)}](<${link.href}>)`);
  for (const image of details.images) lines.push(`- Image: [${md(image.alt || 'image')}](<${image.src}>)`);
  if (details.links.length + details.images.length > 0) lines.push('');
  if (details.truncated) lines.push('_Some details were left out: the alert carried more than Vigil keeps (32 KiB)._', '');
  return lines;
}

/**
 * An incident's postmortem as Markdown: summary, durations, the whole timeline, the
 * alerts with their details, and the notes. Every piece of text from alerts and people
 * is escaped, so it can add no link, image or HTML of its own.
 */
export function renderPostmortem(input: PostmortemInput): string {
  const { incident, timeZone } = input;
  const nameOf = (id: string | null) => (id ? (input.names.get(id) ?? 'a deleted user') : 'the alert source');
  const at = (ms: number) => localTime(ms, timeZone);
  const lines: string[] = [`# Postmortem: ${md(incident.title)}`, ''];
  lines.push(`Times are in ${timeZone} (${offsetName(incident.triggeredAt, timeZone)} when the incident triggered). Exported ${at(input.generatedAt)}.`, '');

  lines.push('## Summary', '');
  lines.push(`- **Incident:** [${md(incident.title)}](<${input.url}>)`);
  if (incident.description) lines.push(`- **Description:** ${md(incident.description)}`);
  lines.push(`- **Monitor:** ${md(input.monitor.name)} (${md(input.monitor.kind)})`);
  lines.push(`- **Escalation policy:** ${md(input.policyName)}`);
  lines.push(`- **Status:** ${md(incident.status)}`);
  lines.push(`- **Alerts:** ${incident.alertCount}${incident.dedupKey ? ` (dedup key ${md(incident.dedupKey)})` : ''}`);
  lines.push(`- **Triggered:** ${at(incident.triggeredAt)}`);
  if (incident.acknowledgedAt !== null) lines.push(`- **Acknowledged:** ${at(incident.acknowledgedAt)} by ${md(nameOf(incident.acknowledgedBy))}`);
  if (incident.resolvedAt !== null) lines.push(`- **Resolved:** ${at(incident.resolvedAt)} by ${md(nameOf(incident.resolvedBy))}`);
  lines.push('');

  lines.push('## Durations', '');
  lines.push(`- **Time to acknowledge:** ${incident.acknowledgedAt === null ? 'not acknowledged' : formatDuration(incident.acknowledgedAt - incident.triggeredAt)}`);
  lines.push(`- **Time to resolve:** ${incident.resolvedAt === null ? 'not resolved' : formatDuration(incident.resolvedAt - incident.triggeredAt)}`);
  lines.push('');

  lines.push('## Timeline', '', '| Time | Event |', '|---|---|');
  for (const event of input.timeline) lines.push(`| ${at(event.at)} | ${md(describeEvent(event, nameOf, { noteText: false }))} |`);
  lines.push('');

  lines.push('## Alerts', '');
  if (input.alerts.length === 0) lines.push('No alert details were kept for this incident.', '');
  for (const alert of input.alerts) {
    lines.push(`### ${at(alert.at)}: ${md(alert.title)}`, '', ...detailsMarkdown(alert.details));
  }
  if (input.alertsLeftOut > 0) lines.push(`_${input.alertsLeftOut} earlier alert${input.alertsLeftOut === 1 ? '' : 's'} not listed; the incident page lists them all._`, '');

  lines.push('## Notes', '');
  const notes = input.timeline.filter((e) => e.kind === 'comment' || e.kind === 'status_update');
  if (notes.length === 0) lines.push('No notes.', '');
  for (const note of notes) {
    lines.push(`**${md(nameOf(note.actorId))}**, ${at(note.at)}${note.kind === 'status_update' ? ' (status update)' : ''}:`, '');
    // Each line escaped on its own, so a note keeps its line breaks but none of its markup.
    for (const line of text(note.data['text']).split(/\r?\n/)) lines.push(`> ${md(line)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
