import { defineConfig } from 'vitest/config';

// Every test runs on the embedded database; tests that touch a database (*.db.test.ts) run
// again on the PostgreSQL server named by TEST_DATABASE_URL when it is set.
const server = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true as const,
        test: { name: 'pglite', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], env: { TINGJIAN_TEST_DB: 'pglite' } },
      },
      ...(server
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts', 'test/seed-page/*.test.ts'],
                env: { TINGJIAN_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
