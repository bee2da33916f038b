import type { ContactKind } from '../store/schema.js';

/**
 * What a page's delivery depends on: a webhook's or Slack's host, or the one configured
 * provider behind email, SMS and voice. Destinations are isolated from each other by the
 * DestinationGate.
 */
export function destinationOf(kind: ContactKind, address: string): string {
  if (kind === 'webhook' || kind === 'slack') {
    try {
      return `${kind}:${new URL(address).host}`;
    } catch {
      return `${kind}:${address}`;
    }
  }
  return kind;
}
