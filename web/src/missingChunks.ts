const failedLoads = new WeakSet<object>();
const RELOADED_FOR = 'vigil:reloaded-for-missing-chunk';
let reloadingFor: string | undefined;

/**
 * After an upgrade, a tab opened before it asks for page chunks of the old build, which are
 * gone (the server answers 404). Vite reports each failed chunk load; remembering the errors
 * lets the route error boundary tell them from a bug in a page.
 */
export function watchChunkLoads(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const error: unknown = event.payload;
    if (typeof error === 'object' && error !== null) failedLoads.add(error);
  });
}

export function isMissingChunk(error: unknown): boolean {
  return typeof error === 'object' && error !== null && failedLoads.has(error);
}

/**
 * Whether loading the page again may fetch the new build: once per page, so a chunk that
 * stays missing shows its error instead of reloading forever.
 */
export function mayReloadFor(pathname: string): boolean {
  // Asked again while this document reloads (a second render): the same answer.
  if (reloadingFor === pathname) return true;
  if (sessionStorage.getItem(RELOADED_FOR) === pathname) return false;
  sessionStorage.setItem(RELOADED_FOR, pathname);
  reloadingFor = pathname;
  return true;
}
