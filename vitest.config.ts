import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/smoke/**/*.test.ts', 'test/chaos/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/postgres-global-setup.ts', 'test/support/vigil-bundle-global-setup.ts'],
          // Vitest's default is one worker per core but one: a single file at a time on CI's
          // two cores, while these files mostly wait on PostgreSQL, servers and clocks. Each
          // file has its own databases and ports, so two run side by side.
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
