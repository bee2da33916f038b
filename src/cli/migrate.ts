import { migrateToLatest } from '../store/migrate.js';
import { withStartupLock } from '../store/startup-lock.js';
import { appliedMigrations } from './applied-migrations.js';
import { withDatabase } from './cli-database.js';

/**
 * `vigil migrate`: brings the schema up to date and nothing else (no demo seed). It takes
 * the lock nodes take at start, so it is safe while nodes run or start.
 */
export async function migrate(print: (line: string) => void): Promise<void> {
  await withDatabase(
    'vigil migrate',
    async (_config, database) => {
      const { before, after } = await withStartupLock(database, async () => {
        const before = await appliedMigrations(database);
        await migrateToLatest(database);
        return { before, after: await appliedMigrations(database) };
      });
      const applied = after.filter((name) => !before.includes(name));
      if (applied.length === 0) print(`The database is up to date (${after.length} migrations applied before).`);
      else print(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:\n${applied.map((name) => `  ${name}`).join('\n')}`);
    },
    { mayCreate: true },
  );
}
