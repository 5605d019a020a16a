import { defineConfig } from 'vitest/config';

// The Firefox suite: Debian's firefox-esr with the built add-on, one browser
// for the file. Run by `npm run test:firefox` after `npm run build`.
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.firefox.test.ts'],
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 40_000,
  },
});
