import { rmSync } from 'node:fs';
import path from 'node:path';

/** Removes this run's temporary database directory (created in playwright.config.ts). */
export default function globalTeardown(): void {
  const database = process.env['VIGIL_E2E_DATABASE'];
  if (database) rmSync(path.dirname(database), { recursive: true, force: true });
}
