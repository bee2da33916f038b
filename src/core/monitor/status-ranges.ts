/** "200" or "200-299": the status codes a check accepts; null if the text is neither. */
export function parseStatusRange(text: string): [number, number] | null {
  const match = /^([1-5]\d\d)(?:-([1-5]\d\d))?$/.exec(text.trim());
  if (!match) return null;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low <= high ? [low, high] : null;
}

export function statusAccepted(expected: string[], status: number): boolean {
  return expected.some((text) => {
    const range = parseStatusRange(text);
    return range !== null && status >= range[0] && status <= range[1];
  });
}
