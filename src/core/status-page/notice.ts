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
      type: Exclude<MaintenanceNoticeType, 'maintenance_updated'>;
      page: NoticePage;
      maintenance: NoticeMaintenance;
    }
  | {
      type: 'maintenance_updated';
      page: NoticePage;
      maintenance: NoticeMaintenance;
      /** When it was changed: each change is told once, and says whether it is under way. */
      changedAt: number;
    };

/**
 * scheduled: when it is posted; started: when its start comes (if posted before);
 * updated: its title, text or times changed before its end; completed: its end came, or it
 * was cancelled while under way (`endsAt` is then when); cancelled: before its start.
 */
export type MaintenanceNoticeType = 'maintenance_scheduled' | 'maintenance_started' | 'maintenance_updated' | 'maintenance_completed' | 'maintenance_cancelled';

export interface NoticeMaintenance {
  id: string;
  title: string;
  body: string;
  startsAt: number;
  endsAt: number;
}

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

/**
 * The outbox key of a notice, so a repeat enqueues nothing: one per entry; per maintenance,
 * one for its posting, its start, each change and its cancelling, and one per end it
 * reaches (a maintenance extended after its end completes again).
 */
export function noticeEventId(notice: StatusNotice): string {
  if (notice.type === 'incident_update') return `entry:${notice.entry.id}`;
  const { id, endsAt } = notice.maintenance;
  switch (notice.type) {
    case 'maintenance_scheduled':
      return `maintenance:${id}`;
    case 'maintenance_started':
      return `maintenance-start:${id}`;
    case 'maintenance_updated':
      return `maintenance-update:${id}:${notice.changedAt}`;
    case 'maintenance_completed':
      return `maintenance-end:${id}:${endsAt}`;
    case 'maintenance_cancelled':
      return `maintenance-cancel:${id}`;
  }
}

const maintenanceLabel: Record<MaintenanceNoticeType, string> = {
  maintenance_scheduled: 'Scheduled maintenance',
  maintenance_started: 'Maintenance started',
  maintenance_updated: 'Maintenance updated',
  maintenance_completed: 'Maintenance completed',
  maintenance_cancelled: 'Maintenance cancelled',
};

export function noticeSubject(notice: StatusNotice): string {
  if (notice.type === 'incident_update') {
    return `[${notice.page.name}] ${updateStatusLabel[notice.entry.status]}: ${notice.incident.title}`;
  }
  return `[${notice.page.name}] ${maintenanceLabel[notice.type]}: ${notice.maintenance.title}`;
}

/** The line that says when, in the page's zone. */
function maintenanceWhen(notice: Exclude<StatusNotice, { type: 'incident_update' }>, zone: string): string {
  const m = notice.maintenance;
  const span = noticeSpan({ start: m.startsAt, end: m.endsAt }, zone);
  switch (notice.type) {
    case 'maintenance_scheduled':
      return `Scheduled from ${span}`;
    case 'maintenance_started':
      return `In progress until ${noticeTime(m.endsAt, zone)}`;
    case 'maintenance_updated':
      return m.startsAt <= notice.changedAt ? `In progress until ${noticeTime(m.endsAt, zone)}` : `Now scheduled from ${span}`;
    case 'maintenance_completed':
      return `Completed ${noticeTime(m.endsAt, zone)}`;
    case 'maintenance_cancelled':
      return `Cancelled: it was scheduled from ${span}`;
  }
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
  return [notice.maintenance.title, maintenanceWhen(notice, zone), '', notice.maintenance.body];
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
    type: `status.${notice.type}`,
    ...common,
    maintenance: { id: m.id, title: m.title, body: m.body, startsAt: new Date(m.startsAt).toISOString(), endsAt: new Date(m.endsAt).toISOString() },
  };
}
