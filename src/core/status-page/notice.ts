/**
 * What a status page's subscribers are told, and how each channel says it. A notice is
 * built from what the page shows publicly (titles, entries, maintenance text the team
 * typed), never from monitors or Vigil incidents, and is stored with its outbox row so a
 * later edit does not change what was already announced.
 */
import { escapeMarkup } from '../escape-markup.js';
import { noticeSpan, noticeTime } from '../time/notice-time.js';
import type { UpdateStatus } from './view.js';

export interface NoticePage {
  name: string;
  slug: string;
  timeZone: string;
}

export type StatusNotice =
  | {
      type: 'incident_update';
      page: NoticePage;
      incident: { id: string; title: string };
      entry: { id: string; status: UpdateStatus; body: string; at: number };
      /** The incident's first entry: the incident is new. */
      first: boolean;
    }
  | {
      /** Scheduled: told when it is posted; started: told when its start comes (if posted before). */
      type: 'maintenance_scheduled' | 'maintenance_started';
      page: NoticePage;
      maintenance: { id: string; title: string; body: string; startsAt: number; endsAt: number };
    };

/** Links a notice carries, absolute (the configured base URL). */
export interface NoticeLinks {
  /** The incident's page, or the status page for maintenance. */
  view: string;
  unsubscribe: string;
}

export const updateStatusLabel: Record<UpdateStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/** The outbox key of a notice: one per entry, one per maintenance and its start, so a repeat enqueues nothing. */
export function noticeEventId(notice: StatusNotice): string {
  if (notice.type === 'incident_update') return `entry:${notice.entry.id}`;
  return notice.type === 'maintenance_started' ? `maintenance-start:${notice.maintenance.id}` : `maintenance:${notice.maintenance.id}`;
}

export function noticeSubject(notice: StatusNotice): string {
  if (notice.type === 'incident_update') {
    return `[${notice.page.name}] ${updateStatusLabel[notice.entry.status]}: ${notice.incident.title}`;
  }
  const what = notice.type === 'maintenance_started' ? 'Maintenance started' : 'Scheduled maintenance';
  return `[${notice.page.name}] ${what}: ${notice.maintenance.title}`;
}

function noticeLines(notice: StatusNotice): string[] {
  const zone = notice.page.timeZone;
  if (notice.type === 'incident_update') {
    return [
      notice.incident.title,
      `${updateStatusLabel[notice.entry.status]} · ${noticeTime(notice.entry.at, zone)}`,
      '',
      notice.entry.body,
    ];
  }
  const m = notice.maintenance;
  const when = notice.type === 'maintenance_started' ? `In progress until ${noticeTime(m.endsAt, zone)}` : `Scheduled from ${noticeSpan({ start: m.startsAt, end: m.endsAt }, zone)}`;
  return [m.title, when, '', m.body];
}

export function noticeText(notice: StatusNotice, links: NoticeLinks): string {
  return [...noticeLines(notice), '', `Details: ${links.view}`, '', `You subscribed to ${notice.page.name} status updates. Unsubscribe: ${links.unsubscribe}`].join('\n');
}

export function noticeHtml(notice: StatusNotice, links: NoticeLinks): string {
  const [title = '', when = '', , ...body] = noticeLines(notice);
  return [
    `<h2>${escapeMarkup(title)}</h2>`,
    `<p><b>${escapeMarkup(when)}</b></p>`,
    `<p>${escapeMarkup(body.join('\n')).replaceAll('\n', '<br>')}</p>`,
    `<p><a href="${escapeMarkup(links.view)}">View on the status page</a></p>`,
    `<p style="font-size:small">You subscribed to ${escapeMarkup(notice.page.name)} status updates. <a href="${escapeMarkup(links.unsubscribe)}">Unsubscribe</a></p>`,
  ].join('');
}

/**
 * A webhook's JSON body: statuspage.io-like names, public fields only. `idempotencyKey`
 * is the same on every attempt, so a receiver drops a repeat.
 */
export function noticeWebhookBody(notice: StatusNotice, links: NoticeLinks, idempotencyKey: string): Record<string, unknown> {
  const page = { name: notice.page.name, slug: notice.page.slug };
  const common = { idempotencyKey, page, url: links.view, unsubscribeUrl: links.unsubscribe };
  if (notice.type === 'incident_update') {
    return {
      type: 'status.incident_update',
      ...common,
      incident: { id: notice.incident.id, title: notice.incident.title, new: notice.first },
      update: { id: notice.entry.id, status: notice.entry.status, body: notice.entry.body, at: new Date(notice.entry.at).toISOString() },
    };
  }
  const m = notice.maintenance;
  return {
    type: notice.type === 'maintenance_started' ? 'status.maintenance_started' : 'status.maintenance_scheduled',
    ...common,
    maintenance: { id: m.id, title: m.title, body: m.body, startsAt: new Date(m.startsAt).toISOString(), endsAt: new Date(m.endsAt).toISOString() },
  };
}
