/** What the patterns of the API's fields ask for, in words (src/http/schemas/status-page.ts). */
const patternHelp: Record<string, string> = {
  slug: 'Use lower-case letters, digits and hyphens (not at the start or end)',
  customDomain: 'Write a host name, like status.example.com',
  accentColor: 'Pick a colour written #rrggbb',
};

/** Fragments the API words for itself ("is taken"), said as sentences here. */
const known: Record<string, string> = {
  'is taken': 'Another status page already uses this',
  'must be after startsAt': 'Ends after it starts',
};

function friendly(path: string, message: string): string {
  const field = path.split('/').filter((part) => !/^\d+$/.test(part)).at(-1) ?? '';
  if (message.startsWith('must match pattern') || message.startsWith('must match format')) return patternHelp[field] ?? 'Not in the expected form';
  const fewer = /^must NOT have fewer than (\d+) characters/.exec(message);
  if (fewer) return fewer[1] === '1' ? 'Required' : `At least ${fewer[1]} characters`;
  const more = /^must NOT have more than (\d+) (characters|items)/.exec(message);
  if (more) return `At most ${more[1]} ${more[2]}`;
  if (message.startsWith('must NOT have duplicate items')) return 'Picked twice';
  const said = known[message];
  if (said !== undefined) return said;
  // The API's fragments follow the field's name ("is not a monitor of the page's team").
  return message.startsWith('is ') || message.startsWith('must ') ? `This ${message}` : message;
}

/**
 * The API's field errors, keyed by path, in words for the person filling the form rather than
 * the validator's ("must match pattern ^[a-z0-9]…").
 */
export function friendlyErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, friendly(path, message)]));
}
