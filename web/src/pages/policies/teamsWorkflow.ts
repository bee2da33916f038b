/**
 * A Teams workflow's URL in a few words: its host and the start of the workflow's id.
 * The whole URL is long and ends in its signature, the credential that lets anyone post.
 */
export function teamsWorkflowName(url: string): string {
  try {
    const parsed = new URL(url);
    const id = /\/workflows\/([^/]+)/.exec(parsed.pathname)?.[1];
    return id === undefined ? `${parsed.host}${parsed.pathname}` : `${parsed.hostname}, workflow ${id.slice(0, 8)}…`;
  } catch {
    return url;
  }
}
