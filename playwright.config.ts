import { defineConfig } from '@playwright/test';

// Browser tests load the built Chrome extension (.output/chrome-mv3) into
// Debian's Chromium; `npm test` builds it first. Each worker owns one browser,
// so two workers fit the two cores of the CI machines.
export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 20_000,
  expect: { timeout: 3_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
