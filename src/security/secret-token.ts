import { createHash, randomBytes } from 'node:crypto';

/** A high-entropy bearer secret; being random, a plain sha256 is a safe way to store it. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
