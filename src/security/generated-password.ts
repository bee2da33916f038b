import { randomInt } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so nothing reads as another character, and 32
// symbols make every character exactly 5 bits.
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
const groups = 4;
const groupLength = 5;

/** Bits of entropy in one generated password: 4 × 5 characters × 5 bits = 100. */
export const generatedPasswordBits = groups * groupLength * Math.log2(alphabet.length);

/** A random password meant to be read off a console and typed: `xxxxx-xxxxx-xxxxx-xxxxx`. */
export function generatePassword(): string {
  return Array.from({ length: groups }, () => Array.from({ length: groupLength }, () => alphabet[randomInt(alphabet.length)]).join('')).join('-');
}
