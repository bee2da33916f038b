/** A URL-safe slug suggested from a name: "Acme Cloud (EU)" → "acme-cloud-eu". */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** The address the page will have on this Vigil, shown while the slug is typed. */
export const publicUrl = (slug: string): string => `${window.location.origin}/status/${slug === '' ? '…' : slug}`;
