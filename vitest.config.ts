import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure modules, React components and extension code against
// WXT's fake browser. Browser (Playwright), Firefox and pgTAP suites have
// their own runners; see scripts/test-all.sh.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Property tests and IndexedDB-backed tests share two cores in CI: a
    // generous ceiling keeps a slow moment from failing a correct test.
    testTimeout: 15_000,
  },
});
