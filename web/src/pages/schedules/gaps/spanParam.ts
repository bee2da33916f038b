/** A gap link's `<start>/<end>` (ISO instants); null when absent or not two instants in order. */
export function spanParam(value: string | null): { start: string; end: string } | null {
  if (value === null) return null;
  const [start = '', end = '', ...rest] = value.split('/');
  if (rest.length > 0 || !(Date.parse(end) > Date.parse(start))) return null;
  return { start: new Date(Date.parse(start)).toISOString(), end: new Date(Date.parse(end)).toISOString() };
}
