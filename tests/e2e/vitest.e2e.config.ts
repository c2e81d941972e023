/**
 * Runs the browser tests alone: `npx vitest run --config tests/e2e/vitest.e2e.config.ts`.
 * (The root vitest.config.ts runs them as its `e2e` project; see tests/e2e/README.md.)
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: resolve(dirname(fileURLToPath(import.meta.url)), '../..'),
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
