import { existsSync } from 'node:fs';

/**
 * Whether a system program a test needs is installed. In CI a missing one fails the run;
 * on a laptop the test is skipped with a loud note on how to install it.
 */
export function requiredTool(binary: string, debianPackage: string, what: string): boolean {
  if (existsSync(binary)) return true;
  const message = `${binary} not found: install it with apt-get install -y ${debianPackage}`;
  if (process.env['CI']) throw new Error(`${what} cannot run in CI. ${message}`);
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING ${what}. ${message}\n${'!'.repeat(78)}\n`);
  return false;
}
