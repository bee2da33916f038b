import { Type } from 'typebox';
import type { IncidentAlert } from '../../store/incident-alerts.js';
import type { IncidentRow } from '../../store/incidents.js';
import { Id, Instant, toIso } from './common.js';

export const AlertDetailsView = Type.Object({
  fields: Type.Array(Type.Object({ key: Type.String(), value: Type.String() }), { description: 'Key → value table, in the order the sender gave (nested objects as dotted keys)' }),
  links: Type.Array(Type.Object({ href: Type.String({ description: 'Always http or https' }), text: Type.String() })),
  images: Type.Array(Type.Object({ src: Type.String({ description: 'Always http or https; show as a link' }), href: Type.Union([Type.String(), Type.Null()]), alt: Type.String() })),
  truncated: Type.Boolean({ description: 'Some details were left out: the alert carried more than 32 KiB' }),
});

export const IncidentAlertView = Type.Object({
  id: Id,
  at: Instant,
  title: Type.String(),
  details: AlertDetailsView,
  dedupKey: Type.Union([Type.String(), Type.Null()], { description: "The key its sender gave it; an alert that was not grouped has its incident's (null when that has none)" }),
  resolvedAt: Type.Union([Instant, Type.Null()], {
    description: 'When its sender resolved it (an incident with grouped alerts resolves once all of them are), or when the incident was resolved; null while firing',
  }),
});

/**
 * An alert as the API shows it: one that is not grouped has its incident's dedup key, and
 * one its sender did not resolve is resolved with its incident.
 */
export const toIncidentAlert = (alert: IncidentAlert, incident: Pick<IncidentRow, 'dedup_key' | 'resolved_at'>) => {
  const resolvedAt = alert.resolvedAt ?? (incident.resolved_at === null ? null : Number(incident.resolved_at));
  return { id: alert.id, at: toIso(alert.at), title: alert.title, details: alert.details, dedupKey: alert.dedupKey ?? incident.dedup_key, resolvedAt: resolvedAt === null ? null : toIso(resolvedAt) };
};
