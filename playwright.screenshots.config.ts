import { defineConfig } from '@playwright/test';

// `npm run screenshots`: takes the README's pictures from the built Chrome
// extension (tests/browser/screenshots/readme-shots.ts lists them). Separate
// from playwright.config.ts, so `npm test` does not rewrite docs/screenshots.
export default defineConfig({
  testDir: 'tests/browser/screenshots',
  testMatch: '*.shots.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
});
