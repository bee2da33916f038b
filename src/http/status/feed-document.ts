import type { Feed } from 'feed';
import { updateStatusLabel } from '../../core/status-page/notice.js';
import { noticeSpan } from '../../core/time/notice-time.js';
import type { FeedEntry, FeedMaintenance } from '../../store/status-feed.js';

export interface FeedInput {
  page: { name: string; description: string | null; timeZone: string };
  /** Absolute URL of the page, from the configured base URL. */
  pageUrl: string;
  entries: FeedEntry[];
  maintenances: FeedMaintenance[];
  /** The newest change, the feed's own updated date (so an unchanged feed reads the same). */
  now: number;
}

/**
 * A page's public history as a feed: one item per update of a public incident (its stage,
 * the incident's title and the text), one per maintenance. Ids are permanent URLs of the
 * page, so a reader never shows an item twice; only what the page shows publicly is in it.
 * The package (with its XML writer) is loaded by the first feed asked for, not by every server.
 */
export async function statusFeed(input: FeedInput): Promise<Feed> {
  const { Feed } = await import('feed');
  const items = [
    ...input.entries.map((e) => {
      const link = `${input.pageUrl}/incidents/${encodeURIComponent(e.incidentId)}`;
      return { title: `${updateStatusLabel[e.status]}: ${e.title}`, id: `${link}#update-${e.id}`, link, description: e.body, date: new Date(e.at) };
    }),
    ...input.maintenances.map((m) => ({
      title: `Scheduled maintenance: ${m.title}`,
      id: `${input.pageUrl}#maintenance-${m.id}`,
      link: input.pageUrl,
      description: `${noticeSpan({ start: m.startsAt, end: m.endsAt }, input.page.timeZone)}\n\n${m.body}`,
      date: new Date(m.createdAt),
    })),
  ].sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? 1 : -1));
  const feed = new Feed({
    title: `${input.page.name} status`,
    description: input.page.description ?? `Incidents and maintenance of ${input.page.name}`,
    id: input.pageUrl,
    link: input.pageUrl,
    language: 'en',
    updated: items[0]?.date ?? new Date(input.now),
    generator: 'Vigil',
    author: { name: input.page.name },
    feedLinks: { atom: `${input.pageUrl}/feed.atom`, rss: `${input.pageUrl}/feed.rss` },
  });
  for (const item of items) feed.addItem(item);
  return feed;
}
