/**
 * The text after `/vigil`, as Slack sends it in a slash command's `text` field. Slack may
 * have escaped mentions (`<@U123|alice>`) and links (`<https://…>`) when the command is
 * set to escape them; both forms are understood.
 */
export type SlackCommand =
  | { kind: 'help' }
  | { kind: 'oncall'; schedule: string | null }
  | { kind: 'page'; rest: string }
  | { kind: 'acknowledge' | 'resolve'; incidentId: string | null }
  | { kind: 'unknown'; word: string };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const verbs: Record<string, 'oncall' | 'page' | 'acknowledge' | 'resolve' | 'help'> = {
  help: 'help',
  oncall: 'oncall',
  'on-call': 'oncall',
  who: 'oncall',
  page: 'page',
  ack: 'acknowledge',
  acknowledge: 'acknowledge',
  resolve: 'resolve',
};

export function parseSlackCommand(text: string): SlackCommand {
  const trimmed = text.trim();
  const [first = '', ...words] = trimmed.split(/\s+/);
  const rest = trimmed.slice(first.length).trim();
  const verb = verbs[first.toLowerCase()];
  if (first === '' || verb === 'help') return { kind: 'help' };
  if (!verb) return { kind: 'unknown', word: first };
  if (verb === 'oncall') return { kind: 'oncall', schedule: rest === '' ? null : rest };
  if (verb === 'page') return { kind: 'page', rest };
  // An incident's id, or its link in Vigil (which ends with the id).
  return { kind: verb, incidentId: UUID.exec(words.join(' '))?.[0].toLowerCase() ?? null };
}

/** A Slack member mention, `<@U123>` or `<@U123|alice>`: its member ID. */
export function mentionedSlackUser(word: string): string | null {
  return /^<@([UW][A-Z0-9]{2,30})(\|[^>]*)?>$/.exec(word)?.[1] ?? null;
}

export type PageTargetType = 'user' | 'team' | 'schedule';

/** Something a page can go to, by the names a person may type for it (a user's name and email). */
export interface NamedTarget {
  type: PageTargetType;
  id: string;
  label: string;
  names: string[];
}

export type TargetMatch =
  | { ok: true; target: NamedTarget; message: string }
  | { ok: false; reason: 'unknown' | 'no_message' }
  | { ok: false; reason: 'ambiguous'; candidates: NamedTarget[] };

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Splits `page` text into who is paged and the message: the longest run of leading words
 * that names a user, team or schedule wins, so names with spaces need no quotes. A leading
 * `user`, `team` or `schedule` narrows the choice when a name is used by more than one kind.
 */
export function matchPageTarget(rest: string, candidates: NamedTarget[]): TargetMatch {
  let words = rest.trim().split(/\s+/).filter((w) => w !== '');
  let pool = candidates;
  const kind = words[0]?.toLowerCase();
  if ((kind === 'user' || kind === 'team' || kind === 'schedule') && words.length > 1) {
    pool = candidates.filter((c) => c.type === kind);
    words = words.slice(1);
  }
  const byName = new Map<string, NamedTarget[]>();
  for (const c of pool) for (const name of new Set(c.names.map(normalise))) byName.set(name, [...(byName.get(name) ?? []), c]);
  for (let n = words.length; n >= 1; n--) {
    const found = byName.get(normalise(words.slice(0, n).join(' ')));
    if (!found) continue;
    if (found.length > 1) return { ok: false, reason: 'ambiguous', candidates: found };
    const message = words.slice(n).join(' ');
    return message === '' ? { ok: false, reason: 'no_message' } : { ok: true, target: found[0] as NamedTarget, message };
  }
  return { ok: false, reason: 'unknown' };
}
