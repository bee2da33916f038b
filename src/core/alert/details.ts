import { toStorable } from '../storable-text.js';

/** One row of an alert's details table. */
export interface DetailField {
  key: string;
  value: string;
}

/** A link a responder may open: its href is always http or https. */
export interface DetailLink {
  href: string;
  text: string;
}

/** An image the sender pointed at; shown as a link, never loaded by Vigil's UI. */
export interface DetailImage {
  src: string;
  href: string | null;
  alt: string;
}

/**
 * What an alert's sender said beyond its title, normalised the same way for every source
 * and bounded in size: a key → value table, links and images. `truncated` says that
 * some of it was left out to stay within the bound.
 */
export interface AlertDetails {
  fields: DetailField[];
  links: DetailLink[];
  images: DetailImage[];
  truncated: boolean;
}

/** Bytes of an alert's details as stored (its JSON): an alert storm writes hundreds a second. */
export const MAX_DETAILS_BYTES = 32 * 1024;
const MAX_KEY_CHARS = 200;
const MAX_VALUE_CHARS = 4000;
/** Nesting flattened into dotted keys; deeper values are kept as JSON text. */
const MAX_FLATTEN_DEPTH = 4;

export const emptyDetails = (): AlertDetails => ({ fields: [], links: [], images: [], truncated: false });

/** The URL when it is absolute http or https, else null: nothing else is ever a link. */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const byteSize = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8') + 1;
/** The size of the empty document with `truncated: true`: reserved so the flag always fits. */
const FRAME_BYTES = byteSize(emptyDetails()) + 4;

/**
 * Collects details within MAX_DETAILS_BYTES in the order they are added: the first
 * fields a source adds are the ones that matter most (they also lead pages), and
 * whatever does not fit is dropped and noted in `truncated`.
 */
export class DetailsBuilder {
  private readonly details = emptyDetails();
  private bytes = FRAME_BYTES;

  private fits(entry: unknown): boolean {
    const size = byteSize(entry);
    if (this.bytes + size > MAX_DETAILS_BYTES) {
      this.details.truncated = true;
      return false;
    }
    this.bytes += size;
    return true;
  }

  /** Adds a value under `key`: objects become dotted keys, lists of plain values one line. */
  field(key: string, value: unknown, depth = 0): this {
    if (value === undefined || value === null || value === '') return this;
    if (typeof value === 'object' && !Array.isArray(value) && depth < MAX_FLATTEN_DEPTH) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) this.field(key ? `${key}.${k}` : k, v, depth + 1);
      return this;
    }
    const text = typeof value === 'string' ? value : Array.isArray(value) && value.every(isPlain) ? value.map(String).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
    const entry = { key: toStorable(clip(key || 'value', MAX_KEY_CHARS)), value: toStorable(clip(text, MAX_VALUE_CHARS)) };
    if (text.length > MAX_VALUE_CHARS) this.details.truncated = true;
    if (this.fits(entry)) this.details.fields.push(entry);
    return this;
  }

  /** A link when `href` is http(s); anything else is kept as a field, shown as text. */
  link(href: unknown, text: unknown): this {
    const label = typeof text === 'string' && text !== '' ? text : null;
    const url = httpUrl(href);
    if (!url) return typeof href === 'string' && href !== '' ? this.field(label ?? 'link', href) : this;
    const entry = { href: url, text: toStorable(clip(label ?? url, MAX_KEY_CHARS)) };
    if (this.fits(entry)) this.details.links.push(entry);
    return this;
  }

  /** An image when `src` is http(s); its href is kept only when it is http(s) too. */
  image(src: unknown, href: unknown, alt: unknown): this {
    const url = httpUrl(src);
    if (!url) return typeof src === 'string' && src !== '' ? this.field(typeof alt === 'string' && alt !== '' ? alt : 'image', src) : this;
    const entry = { src: url, href: httpUrl(href), alt: toStorable(clip(typeof alt === 'string' ? alt : '', MAX_KEY_CHARS)) };
    if (this.fits(entry)) this.details.images.push(entry);
    return this;
  }

  /** PagerDuty-shaped `links: [{href, text}]` and `images: [{src, href, alt}]`; other shapes are skipped. */
  linksAndImages(links: unknown, images: unknown): this {
    for (const link of asList(links)) if (isRecord(link)) this.link(link['href'], link['text']);
    for (const image of asList(images)) if (isRecord(image)) this.image(image['src'], image['href'], image['alt']);
    return this;
  }

  build(): AlertDetails {
    return this.details;
  }
}

const isPlain = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** At most 100 entries of a list: the rest could not fit in the bound anyway. */
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, 100) : []);

/**
 * Stored details read back: anything that does not look like details (a row from a
 * hand-edited database) reads as empty rather than breaking the incident page.
 */
export function parseDetails(json: string | null): AlertDetails {
  if (!json) return emptyDetails();
  try {
    const value: unknown = JSON.parse(json);
    if (isRecord(value) && Array.isArray(value['fields']) && Array.isArray(value['links']) && Array.isArray(value['images'])) return value as unknown as AlertDetails;
  } catch {
    // fall through
  }
  return emptyDetails();
}
