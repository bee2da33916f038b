import type { AlertDetails } from '../alert/details.js';
import { escapeMarkdown } from '../escape-markdown.js';
import { zone } from '../time/zone.js';

export interface PostmortemEvent {
  at: number;
  kind: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

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
  timeline: PostmortemEvent[];
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
const ordinal = (value: unknown): number => (typeof value === 'number' ? value + 1 : 0);

/** One timeline entry as a sentence, who and via what; the same wording as the incident page. */
export function describeEvent(event: PostmortemEvent, nameOf: (id: string | null) => string): string {
  const { kind, data } = event;
  const by = (id: unknown) => (typeof id === 'string' ? nameOf(id) : event.actorId ? nameOf(event.actorId) : 'the alert source');
  const onPass = (pass: unknown) => (ordinal(pass) > 1 ? ` (repeat ${ordinal(pass) - 1})` : '');
  const recipient = () => (typeof data['userId'] === 'string' ? nameOf(data['userId']) : text(data['to']));
  switch (kind) {
    case 'triggered':
      return 'Triggered';
    case 'escalated':
      return `Escalated to step ${ordinal(data['step'])}${onPass(data['pass'])}${typeof data['by'] === 'string' ? ` by ${by(data['by'])}` : ''}`;
    case 'step_skipped':
      return `Step ${ordinal(data['step'])} skipped: nobody on call${onPass(data['pass'])}`;
    case 'exhausted':
      return `Escalation exhausted after ${String(data['passes'])} pass${data['passes'] === 1 ? '' : 'es'}; still triggered`;
    case 'notified':
      return `Notified ${recipient()} via ${text(data['channel'])}`;
    case 'delivered':
      return `Delivered to ${recipient()} via ${text(data['channel'])}`;
    case 'delivery_failed':
      return `Delivery to ${recipient()} via ${text(data['channel'])} failed${data['final'] === true ? '' : ' (will retry)'}: ${text(data['error'])}`;
    case 'acknowledged':
      return `Acknowledged by ${by(data['by'])}`;
    case 'ack_timeout':
      return 'Acknowledgement timed out: triggered again';
    case 'resolved':
      return typeof data['by'] === 'string' ? `Resolved by ${by(data['by'])}` : 'Resolved automatically';
    case 'reassigned':
      return `Reassigned to ${nameOf(text(data['userId']))} by ${by(data['by'])}`;
    case 'comment':
      return `${by(null)} commented`;
    case 'merged':
      return `${by(null)} merged into this one: ${Array.isArray(data['titles']) ? data['titles'].map(text).join(', ') : ''}`;
    case 'merged_into':
      return `Merged into another incident by ${by(null)}`;
    case 'status_update':
      return `Status update by ${by(null)}`;
    case 'urgency_changed':
      return `Urgency changed from ${text(data['from'])} to ${text(data['to'])} by ${by(null)}`;
    case 'snoozed':
      return `Snoozed by ${by(data['by'])}${typeof data['until'] === 'number' ? ` for ${formatDuration(data['until'] - event.at)}` : ''}`;
    case 'responders_added':
      return `${by(data['by'])} added responders: ${Array.isArray(data['userIds']) ? data['userIds'].map((id) => nameOf(text(id))).join(', ') : ''}`;
    case 'alert_absorbed':
      return `${typeof data['alertCount'] === 'number' ? `Alert #${data['alertCount']}` : 'Another alert'} absorbed: ${text(data['title'])}`;
    case 'no_notification_rules':
      return `${nameOf(text(data['userId']))} has no notification rules${typeof data['urgency'] === 'string' ? ` for ${data['urgency']} urgency` : ''}: not notified`;
    case 'suppressed':
      return data['by'] === 'parent' ? 'Suppressed: a monitor it depends on is down; nobody paged' : `Suppressed by the event rule "${text(data['rule'])}"; nobody paged`;
    case 'released':
      return `Released (${text(data['reason'])}): pages if still open when its escalation is next due`;
    case 'step_unreached':
      return `Nobody in this step could be reached (${text(data['reason'])}): moving on at once`;
    case 'nobody_reached':
      return "Nobody was reached: told the team's managers and the owners";
    default:
      return kind.replaceAll('_', ' ');
  }
}

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
  for (const event of input.timeline) lines.push(`| ${at(event.at)} | ${md(describeEvent(event, nameOf))} |`);
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
