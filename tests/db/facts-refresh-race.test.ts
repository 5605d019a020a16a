import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { seedId } from './support/seed-ids';
import { useTestDatabase } from './support/test-database';

const db = useTestDatabase();
const ACCOUNT = seedId('account:4');

/** A PostgREST-style transaction left open, so a test decides when it commits. */
async function openAs(pool: pg.Pool, userId: string): Promise<pg.PoolClient> {
  const client = await pool.connect();
  await client.query('begin');
  await client.query('set local role authenticated');
  await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: userId, role: 'authenticated' })]);
  return client;
}

/** Resolves once the backend `pid` waits for a lock another transaction holds. */
async function waitUntilBlocked(pool: pg.Pool, pid: number): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    const { rows } = await pool.query<{ waiting: boolean }>(`select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = $1`, [pid]);
    if (rows[0]?.waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`backend ${pid} never waited for a lock`);
}

const goal = (id: string, statement: string) => JSON.stringify({ id, account_id: ACCOUNT, statement, confirmed_current_on: '2026-11-01' });

describe('opportunity facts under concurrent writers to one account', () => {
  it('two CSMs saving to the same account at once both succeed, and the facts count both goals', async () => {
    const { rows: opportunities } = await db.pool().query<{ n: number }>('select count(*)::int as n from public.opportunities where account_id = $1', [ACCOUNT]);
    expect(opportunities[0]!.n).toBeGreaterThan(0); // the refresh rewrites one cache row per opportunity

    const first = await openAs(db.pool(), seedId('user:csm1'));
    const second = await openAs(db.pool(), seedId('user:csm2'));
    try {
      await first.query('select public.save_goal($1::jsonb)', [goal(seedId('race:goal:1'), 'Written by the first CSM')]);
      const { rows: pids } = await second.query<{ pid: number }>('select pg_backend_pid() as pid');
      // The second writer's refresh meets the first one's, still open…
      const secondSave = second.query('select public.save_goal($1::jsonb)', [goal(seedId('race:goal:2'), 'Written by the second CSM')]).then(
        () => null,
        (error: { code?: string; message: string }) => error,
      );
      await waitUntilBlocked(db.pool(), pids[0]!.pid);
      // …which commits while the second waits.
      await first.query('commit');
      expect(await secondSave).toBeNull();
      await second.query('commit');
    } finally {
      await first.query('rollback').catch(() => undefined);
      await second.query('rollback').catch(() => undefined);
      first.release();
      second.release();
    }

    // The cache holds the facts of everything committed: both goals.
    const { rows } = await db.pool().query<{ goals: number; live: number }>(
      `select (select count(*)::int from public.goals g where g.account_id = $1) as goals,
              (select max(json_array_length(c.facts -> 'goals'))::int from private.opportunity_facts_cache c where c.account_id = $1) as live`,
      [ACCOUNT],
    );
    expect(rows[0]!.live).toBe(rows[0]!.goals);
  });
});
