import { unresolvedDeniedReason, type DestinationPolicy } from '../core/destination-policy.js';
import { AppError, type FieldError } from '../core/errors.js';

/** The host of a URL as it will be connected to ("[::1]" for IPv6), or null when it does not parse. */
export const hostOfUrl = (url: string): string | null => (URL.canParse(url) ? new URL(url).hostname : null);

/**
 * Field errors for destinations the policy refuses without a lookup: IP literals and
 * metadata host names. Names are judged at connect time, once resolved, where the
 * policy is enforced; this only says it early, at the field that is wrong.
 */
export function destinationFieldErrors(policy: DestinationPolicy, fields: [path: string, host: string | null | undefined][]): FieldError[] {
  return fields.flatMap(([path, host]) => {
    const reason = host ? unresolvedDeniedReason(policy, host) : null;
    return reason ? [{ path, message: `is ${reason}: destination not allowed by policy` }] : [];
  });
}

export function refuseDeniedDestinations(policy: DestinationPolicy, fields: [path: string, host: string | null | undefined][]): void {
  const errors = destinationFieldErrors(policy, fields);
  if (errors.length > 0) throw new AppError('validation_failed', 'Destination not allowed by policy', errors);
}
