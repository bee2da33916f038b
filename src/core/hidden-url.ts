/**
 * What people who may not change a feed see of its address: the scheme and host, never
 * the path, query or credentials, where calendar services put the token that opens it.
 */
export function hiddenUrl(url: string): string {
  if (!URL.canParse(url)) return '…';
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}/…`;
}
