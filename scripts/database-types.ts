/**
 * TypeScript types of the database, in the format `supabase gen types
 * typescript` produces: it is the same generator, @supabase/postgres-meta,
 * run against a throwaway PostgreSQL built from supabase/migrations.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');

/** Where the generated types live, committed, for the extension to import. */
export const DATABASE_TYPES_FILE = join(ROOT, 'lib/database.types.ts');

const POSTGRES_META_SERVER = join(ROOT, 'node_modules/@supabase/postgres-meta/dist/server/server.js');

/** The types of the `public` schema (what the API exposes) of the database at `databaseUrl`. */
export async function generateDatabaseTypes(databaseUrl: string): Promise<string> {
  const { stdout } = await run(process.execPath, [POSTGRES_META_SERVER], {
    env: {
      ...process.env,
      PG_META_DB_URL: databaseUrl,
      PG_META_GENERATE_TYPES: 'typescript',
      PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
      PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true',
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (!stdout.includes('export type Database')) throw new Error('postgres-meta produced no Database type');
  return stdout;
}
