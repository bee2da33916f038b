import { hash, randomBytes } from 'node:crypto';

/** A high-entropy bearer secret; being random, a plain sha256 is a safe way to store it. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

// crypto.hash, one call: a third of createHash().update().digest()'s CPU, and every
// pushed alert hashes its integration key.
export function sha256(value: string): string {
  return hash('sha256', value, 'base64url');
}
