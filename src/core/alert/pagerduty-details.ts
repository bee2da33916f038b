import { DetailsBuilder, isRecord, type AlertDetails } from './details.js';

/**
 * A PagerDuty Events v2 event's details: the payload's source, severity, component, group,
 * class and timestamp, then custom_details (an object flattened, anything else as one
 * value), then the event's links, images and client link. Malformed parts are skipped,
 * never a reason to refuse the event.
 */
export function pagerDutyDetails(event: Record<string, unknown>): AlertDetails {
  const payload = isRecord(event['payload']) ? event['payload'] : {};
  const details = new DetailsBuilder();
  for (const key of ['source', 'severity', 'component', 'group', 'class', 'timestamp']) details.field(key, payload[key]);
  const custom = payload['custom_details'];
  details.field(isRecord(custom) ? '' : 'custom_details', custom);
  details.linksAndImages(event['links'], event['images']);
  if (event['client_url'] !== undefined) details.link(event['client_url'], typeof event['client'] === 'string' ? event['client'] : 'Sent by');
  return details.build();
}
