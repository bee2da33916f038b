import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

// PostgreSQL refuses a btree index entry over 2,704 bytes (after compression), so a key
// that grows with what a sender sends (a Prometheus label set, a group of long field
// values) would fail the insert there, and only there. Up to 1 KiB a key is kept as it
// reads; a longer one becomes its SHA-256, just as stable and always indexable.
export const INDEXABLE_KEY_MAX_BYTES = 1024;

const utf8 = new TextEncoder();

/** The key itself when it is short enough to index on both databases, otherwise its digest. */
export function indexableKey(key: string): string {
  const bytes = utf8.encode(key);
  return bytes.length <= INDEXABLE_KEY_MAX_BYTES ? key : `sha256:${bytesToHex(sha256(bytes))}`;
}
