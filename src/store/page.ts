import { AppError } from '../core/errors.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  /** Opaque cursor from a previous page's nextCursor. */
  cursor?: string | undefined;
}

// Cursors are opaque to clients; inside they carry the last id seen (ids are
// time-ordered), which keeps pages stable while rows are added.
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('validation_failed', 'The cursor is not one this server issued', [
      { path: '/querystring/cursor', message: 'must be a nextCursor returned by a previous page' },
    ]);
  }
  return id;
}

/**
 * One page by keyset: `fetch` gets the id to continue after (undefined on the first
 * page) and how many rows to read: one more than the page, so the extra row tells
 * whether another page exists.
 */
export async function keysetPage<R extends { id: string }>(
  page: PageRequest,
  fetch: (after: string | undefined, limit: number) => Promise<R[]>,
): Promise<Page<R>> {
  const rows = await fetch(decodeCursor(page.cursor), page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last.id) : null };
}
