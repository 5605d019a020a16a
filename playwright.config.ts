import { defineConfig } from '@playwright/test';

// Browser tests load the built Chrome extension (.output/chrome-mv3) into
// Debian's Chromium; `npm test` builds it first. Each worker owns one browser,
// so two workers fit the two cores of the CI machines.
//
// The keyboard-shortcut tests type through the X server, whose focus every
// window shares. They run last, alone, once the other tests have closed their
// windows, so no new window steals the focus between focusing and typing.
export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  // One retry in CI, where a busy moment on two cores can push a browser
  // test past its time; Playwright still reports such a test as flaky.
  retries: process.env.CI ? 1 : 0,
  timeout: 20_000,
  expect: { timeout: 3_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'extension', testIgnore: /dock-shortcut\.spec\.ts/ },
    { name: 'keyboard', testMatch: /dock-shortcut\.spec\.ts/, dependencies: ['extension'] },
  ],
});
