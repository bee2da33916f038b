/** A JSON-shaped snapshot of one entity, as the audit log keeps it. */
export type Snapshot = { [key: string]: unknown };

/** What a secret becomes in the audit log: the value never, only whether it changed. */
export const REDACTED = '[redacted]';
export const CHANGED = 'changed';

// Matched against field names anywhere in a snapshot (nested config, HTTP check headers),
// so secrets added to a table later (a TOTP seed, recovery code hashes) are hidden without
// anyone remembering to list them here.
const SECRET_NAME = /pass(word)?|secret|token|hash|totp|recovery|authorization|cookie|api[-_]?key|signing/i;

// A Slack incoming-webhook URL, like a Teams workflow's (its sig parameter), is itself the
// credential that lets anyone post to the channel.
const isSecretUrlHolder = (value: Record<string, unknown>): boolean => value.type === 'slack' || value.type === 'teams';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isSecret(key: string, holder: Record<string, unknown>): boolean {
  return SECRET_NAME.test(key) || (key === 'url' && isSecretUrlHolder(holder));
}

/**
 * Replaces every secret in `after` by "changed" when it differs from the same field of
 * `before` (or is newly set), and by "[redacted]" otherwise; a null secret stays null
 * ("no password" is not a secret). Everything else is copied as it is.
 */
function redactAgainst(value: unknown, other: unknown): unknown {
  if (Array.isArray(value)) return value.map((item, i) => redactAgainst(item, Array.isArray(other) ? other[i] : undefined));
  if (!isObject(value)) return value;
  const counterpart = isObject(other) ? other : {};
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      if (!isSecret(key, value) || field === null || field === undefined) return [key, redactAgainst(field, counterpart[key])];
      return [key, other !== undefined && JSON.stringify(counterpart[key]) === JSON.stringify(field) ? REDACTED : CHANGED];
    }),
  );
}

/**
 * The pair of snapshots the audit log stores for one change (null: the entity did not
 * exist on that side). Secrets are compared before they are hidden, so the log can say
 * that a password or an integration key changed without ever holding either.
 */
export function redactChange(before: Snapshot | null, after: Snapshot | null): { before: Snapshot | null; after: Snapshot | null } {
  return {
    // The old value of a secret is never interesting: it reads "[redacted]" (or null).
    before: before === null ? null : (redactAgainst(before, before) as Snapshot),
    after: after === null ? null : (redactAgainst(after, before ?? {}) as Snapshot),
  };
}
