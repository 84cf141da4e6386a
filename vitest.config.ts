import { configDefaults, defineConfig } from 'vitest/config';
import BrowserFirst from './test/sequencer.js';

// Three projects (the rule is in test/README.md):
// - unit: every *.test.ts under src/ that is not *.db.test.ts — pure rules, no database, no
//   global setup, so one such file starts in a second or two;
// - pglite: everything that touches a database (*.db.test.ts anywhere, every test under test/), on
//   the embedded database;
// - postgres: the *.db.test.ts files (and the seed pages) again on the server named by
//   TEST_DATABASE_URL, when it is set.
// Every project shares one module graph per worker (isolate: false): building the app imports
// some 360 modules, 5–13 s on this machine, which every file paid again when each file had a
// fresh process (the pure files: 14 s in all, now 8). A test file that changes process-wide
// state (an environment variable) puts it back in afterEach or afterAll.
const server = process.env.TEST_DATABASE_URL;
const pure = ['src/**/*.test.ts'];
const notPure = ['src/**/*.db.test.ts'];
// Browser files drive Chromium against a server of their own for minutes. They share a worker's module graph as the
// database files do (a process a file cost 5–6 s of imports each, 23 files): each closes its browser, server and
// database in afterAll (tearDownBrowserWorld), so nothing of one is left to slow the next.
const browserFiles = ['test/e2e/**/*.test.ts', 'test/seed-page/*.browser.test.ts'];
// On two cores shared with the database projects, a browser step now and then waits out its 45 s (CI of 2026-12-07:
// three steps in 1,795 tests, none failing alone). A failed browser test runs once more; one that fails again fails
// the run, its message carrying what the open pages showed (test/e2e/failure-report.ts).
const browserRetry = 1;
// A browser test of a few steps, each allowed 45 s on a loaded machine, must not be cut at the API tests' 30 s.
const browserTestTimeout = 120_000;
// Every database file builds its world's eight accounts: at scrypt's N=2^15 that is 0.65 s of a core a file, 2^10 a
// thirty-second of it (src/modules/accounts/password.ts; stored hashes keep their own N).
const cheapHashes = { TINGJIAN_PASSWORD_COST: '10' };

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    sequence: { sequencer: BrowserFirst },
    projects: [
      {
        extends: true as const,
        test: { name: 'unit', isolate: false, include: pure, exclude: [...configDefaults.exclude, ...notPure] },
      },
      {
        extends: true as const,
        test: {
          name: 'pglite',
          isolate: false,
          globalSetup: ['test/global-setup.ts'],
          include: [...notPure, 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...browserFiles],
          env: { TINGJIAN_TEST_DB: 'pglite', ...cheapHashes },
        },
      },
      {
        extends: true as const,
        test: {
          name: 'browser',
          isolate: false,
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/e2e/failure-setup.ts'],
          retry: browserRetry,
          testTimeout: browserTestTimeout,
          include: browserFiles,
          env: { TINGJIAN_TEST_DB: 'pglite', ...cheapHashes },
        },
      },
      ...(server
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                isolate: false,
                globalSetup: ['test/global-setup.ts'],
                include: [...notPure, 'test/**/*.db.test.ts', 'test/seed-page/*.test.ts'],
                exclude: [...configDefaults.exclude, ...browserFiles],
                env: { TINGJIAN_TEST_DB: 'postgres', ...cheapHashes },
              },
            },
            {
              extends: true as const,
              test: {
                name: 'postgres-browser',
                isolate: false,
                globalSetup: ['test/global-setup.ts'],
                setupFiles: ['test/e2e/failure-setup.ts'],
                retry: browserRetry,
                testTimeout: browserTestTimeout,
                include: ['test/seed-page/*.browser.test.ts'],
                env: { TINGJIAN_TEST_DB: 'postgres', ...cheapHashes },
              },
            },
          ]
        : []),
    ],
  },
});
