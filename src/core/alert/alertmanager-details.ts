import { DetailsBuilder, httpUrl, isRecord, type AlertDetails } from './details.js';

/**
 * Annotations whose value is a URL are links (runbook_url, dashboard…), not table rows.
 * The name is looked at first: parsing a summary or description as a URL throws, and at
 * a thousand alerts a notification those throws were a twentieth of the main thread in
 * the alert storm benchmark.
 */
const linkLike = (key: string, value: string) => /url|link|runbook|dashboard/i.test(key) && httpUrl(value) !== null;

/**
 * One alert of an Alertmanager or Grafana notification: its labels and annotations
 * (each alert carries the notification's common ones too), start and end, Grafana's
 * values, and the links both senders give: the alert's source (generatorURL), the
 * notification's externalURL, Grafana's dashboard, panel and silence pages and its
 * screenshot (imageURL).
 */
export function alertmanagerDetails(alert: Record<string, unknown>, notification: Record<string, unknown>): AlertDetails {
  const details = new DetailsBuilder();
  const links: [string, string][] = [];
  const annotations = isRecord(alert['annotations']) ? alert['annotations'] : {};
  for (const [key, value] of Object.entries(annotations)) {
    if (key === 'summary') continue;
    if (typeof value === 'string' && linkLike(key, value)) links.push([value, key]);
    else details.field(`annotations.${key}`, value);
  }
  details.field('labels', alert['labels']);
  details.field('values', alert['values']).field('valueString', alert['valueString']);
  details.field('startsAt', alert['startsAt']).field('endsAt', alert['endsAt'] === '0001-01-01T00:00:00Z' ? undefined : alert['endsAt']);
  for (const [href, text] of links) details.link(href, text);
  details.link(alert['generatorURL'], 'Source');
  for (const [key, text] of [['dashboardURL', 'Dashboard'], ['panelURL', 'Panel'], ['silenceURL', 'Silence']] as const) if (alert[key]) details.link(alert[key], text);
  if (notification['externalURL']) details.link(notification['externalURL'], 'Alertmanager');
  if (alert['imageURL']) details.image(alert['imageURL'], alert['panelURL'] ?? alert['dashboardURL'], 'Panel image');
  return details.build();
}
