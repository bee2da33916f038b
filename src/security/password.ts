import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HashingGate } from './hashing-gate.js';

// OWASP's scrypt baseline (N=2^17, r=8, p=1) costs ~128 MiB per hash; 2^15 keeps a
// login under ~50 ms on two cores while staying well above the legacy 2^14 default.
const params = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

// Four hashes keep both cores busy; 64 waiting is about a second and a half of work.
const gate = new HashingGate(4, 64);

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return gate.run(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, keyLength, { ...opts, maxmem: 256 * 1024 * 1024 }, (err, key) =>
          err ? reject(err) : resolve(key),
        );
      }),
  );
}

/** Returns a self-describing hash: scrypt$N$r$p$salt$key (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Hashing a throwaway password for unknown emails keeps login timing from
// revealing which accounts exist.
const dummy = hashPassword('not-a-real-password');
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(password, await dummy);
}
