/**
 * `npm run gen:types`: rebuilds lib/database.types.ts from supabase/migrations
 * on a throwaway PostgreSQL 15. Run it after adding a migration; the database
 * test suite fails while the committed file is out of date.
 */
import { writeFile } from 'node:fs/promises';
import { createSidecarDatabase } from '../tests/support/database';
import { startCluster } from '../tests/support/postgres-cluster';
import { DATABASE_TYPES_FILE, generateDatabaseTypes } from './database-types';

const cluster = await startCluster();
try {
  await createSidecarDatabase(cluster, 'sidecar_types', { seed: false });
  await writeFile(DATABASE_TYPES_FILE, await generateDatabaseTypes(cluster.url('sidecar_types')));
  console.log(`wrote ${DATABASE_TYPES_FILE}`);
} finally {
  await cluster.stop();
}
