/** The URL with its password replaced, fit for logs and screens. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '*****';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':*****@');
  }
}

/** Where a PostgreSQL URL points, as `host:port`; PostgreSQL's own defaults when left out. */
export function postgresAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return 'the address in VIGIL_DATABASE_URL';
  }
}

/** The file of a `sqlite:` URL, or null for PostgreSQL. */
export function sqliteFile(url: string): string | null {
  return url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : null;
}
