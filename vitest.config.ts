import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs both projects: `unit` (model, importer, checks, search, a real fixture build and
 * the recall suite) and `e2e` (one fixture build served on 127.0.0.1, driven by Debian's Chromium).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', '**/node_modules/**'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
