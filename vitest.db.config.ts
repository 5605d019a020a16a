import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Database tests (parity, generated types, sync): Node, real PostgreSQL 15.
// One throwaway cluster per run with a prepared template database (Supabase
// prelude + migrations + test helpers + seed); each test file clones its own
// copy (~50 ms). The pgTAP suite has its own runner (tests/db/run-pgtap.ts).
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    environment: 'node',
    include: ['tests/db/**/*.test.ts'],
    globalSetup: ['tests/db/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
