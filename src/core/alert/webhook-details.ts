import { DetailsBuilder, isRecord, type AlertDetails } from './details.js';

/** The generic webhook's own fields: everything else in the body is a detail. */
const OWN_FIELDS = new Set(['action', 'dedupKey', 'title', 'description', 'details', 'links', 'images']);

/**
 * A generic JSON webhook event's details: its `details` object, then any other fields
 * of the body, and PagerDuty-shaped `links` and `images`.
 */
export function webhookDetails(body: Record<string, unknown>): AlertDetails {
  const details = new DetailsBuilder();
  const own = body['details'];
  details.field(isRecord(own) ? '' : 'details', own);
  for (const [key, value] of Object.entries(body)) if (!OWN_FIELDS.has(key)) details.field(key, value);
  details.linksAndImages(body['links'], body['images']);
  return details.build();
}
