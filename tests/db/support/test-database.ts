import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

const TEMPLATE_DATABASE = 'sidecar_template';

/** Connection settings for one database of the run's cluster. */
export function connectionConfig(database: string): pg.ClientConfig {
  const { host, port, user } = inject('pgCluster');
  return { host, port, user, database };
}

/**
 * A private copy of the seeded template for one test file, dropped after it.
 * Returns a getter for a pool on that copy (available once `beforeAll` ran).
 */
export function useTestDatabase(): { pool: () => pg.Pool; database: () => string } {
  let pool: pg.Pool | undefined;
  const name = `sidecar_test_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    const admin = new pg.Client(connectionConfig('postgres'));
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
    await admin.end();
    pool = new pg.Pool({ ...connectionConfig(name), max: 4 });
    // The drop below ends what is left of this file's connections (57P01);
    // an idle client that hears it then must not fail the run. Any other
    // error of an idle client still does.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') throw error;
    });
  });
  afterAll(async () => {
    await pool?.end();
    const admin = new pg.Client(connectionConfig('postgres'));
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return {
    pool: () => {
      if (!pool) throw new Error('useTestDatabase: the database is created in beforeAll');
      return pool;
    },
    database: () => name,
  };
}

/**
 * Runs `work` as a signed-in user the way PostgREST does: in a transaction,
 * role `authenticated`, the user's claims in `request.jwt.claims`.
 */
export async function asUser<T>(pool: pg.Pool, userId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local role authenticated');
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: userId, role: 'authenticated' })]);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
