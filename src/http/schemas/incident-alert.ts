import { Type } from 'typebox';
import type { IncidentAlert } from '../../store/incident-alerts.js';
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
});

export const toIncidentAlert = (alert: IncidentAlert) => ({ id: alert.id, at: toIso(alert.at), title: alert.title, details: alert.details });
