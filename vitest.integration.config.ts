import { defineConfig } from 'vitest/config';

// Integration tests: real PostgreSQL clusters and HTTP servers in Node.
// Each file starts what it needs; files run one at a time to fit two cores.
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    environment: 'node',
    include: ['tests/integration/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
