import { defineConfig } from 'vitest/config';

// Unit and integration tests run once per database engine: always on PGlite, and on PostgreSQL
// when TEST_DATABASE_URL is set. End-to-end tests drive the built app in Chromium.
const unitFiles = ['core/**/*.test.ts', 'db/**/*.test.ts', 'app/**/*.test.ts', 'i18n/**/*.test.ts', 'server/**/*.test.ts', 'tests/integration/**/*.test.ts'];

const projects: object[] = [
  {
    extends: true,
    test: { name: 'pglite', include: unitFiles, env: { TEST_ENGINE: 'pglite' }, testTimeout: 30_000, hookTimeout: 60_000 },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    extends: true,
    test: { name: 'postgres', include: unitFiles, env: { TEST_ENGINE: 'postgres' }, testTimeout: 30_000, hookTimeout: 60_000 },
  });
}
if (process.env.SKIP_E2E !== '1') {
  projects.push({
    extends: true,
    test: {
      name: 'e2e',
      include: ['tests/e2e/**/*.test.ts'],
      env: { TEST_ENGINE: 'pglite' },
      testTimeout: 60_000,
      hookTimeout: 120_000,
      // One browser and one server for the whole e2e run.
      fileParallelism: false,
      globalSetup: ['tests/e2e/global-setup.ts'],
    } as never,
  });
}

export default defineConfig({
  test: {
    projects,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Any console.error during a test fails it (see tests/support/fail-on-console-error.ts).
    // Every answer of the public API a test receives must follow its OpenAPI document (tests/support/api-contract-setup.ts).
    setupFiles: ['tests/support/fail-on-console-error.ts', 'tests/support/api-contract-setup.ts'],
  },
});
