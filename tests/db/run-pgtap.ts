/**
 * Runs the pgTAP suite (`supabase/tests/database/*.sql`) with pg_prove on a
 * throwaway PostgreSQL 15 cluster: Supabase prelude, every migration in
 * order, then the seed, exactly as `supabase db reset` would build it, plus
 * the test-only helpers of tests/db/test-helpers.sql.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createSidecarDatabase } from '../support/database';
import { startCluster } from '../support/postgres-cluster';

const TESTS_DIR = resolve(import.meta.dirname, '../../supabase/tests/database');
const DATABASE = 'sidecar_pgtap';

async function main(): Promise<number> {
  const files = (await readdir(TESTS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  if (files.length === 0) {
    console.error('No pgTAP files in supabase/tests/database.');
    return 1;
  }
  const cluster = await startCluster();
  try {
    await createSidecarDatabase(cluster, DATABASE, { seed: true, testHelpers: true });
    return await new Promise<number>((done) => {
      const child = spawn('pg_prove', ['--ext', '.sql', ...files.map((f) => join(TESTS_DIR, f))], {
        env: cluster.env(DATABASE),
        stdio: 'inherit',
      });
      child.on('exit', (code) => done(code ?? 1));
    });
  } finally {
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
