import { describe, expect, it } from 'vitest';
import { applyChanges, pullAll } from './support/pull';
import { seedId } from './support/seed-ids';
import { asUser, useTestDatabase } from './support/test-database';

const db = useTestDatabase();
const ORGANIZATION = seedId('organization');
const ACCOUNT = seedId('account:4');

/** Where a client that has synced everything stands now. */
async function latestCursor(): Promise<string | null> {
  const rows = await asUser(db.pool(), seedId('user:csm1'), (client) => pullAll(client, ORGANIZATION, null, 5000));
  return rows.at(-1)?.cursor ?? null;
}

const pullAsCsm = (since: string | null) => asUser(db.pool(), seedId('user:csm1'), (client) => pullAll(client, ORGANIZATION, since, 50));

function goal(id: string, statement: string, accountId = ACCOUNT) {
  return JSON.stringify({ id, account_id: accountId, statement, confirmed_current_on: '2026-11-01' });
}

describe('pull_changes', () => {
  it('never skips a write whose transaction commits after a later one: it waits for it instead', async () => {
    const since = await latestCursor();
    const early = seedId('pull:early');
    const late = seedId('pull:late');

    // The early writer starts first and holds its transaction open…
    const slow = await db.pool().connect();
    try {
      await slow.query('begin');
      await slow.query('set local role authenticated');
      await slow.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: seedId('user:csm2'), role: 'authenticated' })]);
      await slow.query('select public.save_goal($1::jsonb)', [goal(early, 'Written first, committed last')]);

      // …while a later writer commits. (Another account: writes to one
      // account queue behind each other, because each refreshes its facts.)
      await asUser(db.pool(), seedId('user:csm3'), (c) =>
        c.query('select public.save_goal($1::jsonb)', [goal(late, 'Written last, committed first', seedId('account:5'))]),
      );

      const duringSlow = await pullAsCsm(since);
      expect(duringSlow.map((r) => r.record_id)).not.toContain(late);
      const cursorAfter = duringSlow.at(-1)?.cursor ?? since;

      await slow.query('commit');
      const afterCommit = await pullAsCsm(cursorAfter);
      expect(afterCommit.map((r) => r.record_id)).toEqual(expect.arrayContaining([early, late]));
    } finally {
      slow.release();
    }
  });

  it('hands out a tombstone for a deleted record, and a corrected record again', async () => {
    const id = seedId('pull:doomed');
    await asUser(db.pool(), seedId('user:csm1'), (c) => c.query('select public.save_goal($1::jsonb)', [goal(id, 'To be corrected, then deleted')]));
    const since = await latestCursor();

    await asUser(db.pool(), seedId('user:csm1'), (c) => c.query('select public.save_goal($1::jsonb)', [goal(id, 'Corrected')]));
    const corrected = await pullAsCsm(since);
    expect(corrected.map((r) => [r.table_name, r.record_id, r.deleted, r.record?.statement])).toEqual([['goals', id, false, 'Corrected']]);

    await asUser(db.pool(), seedId('user:csm1'), (c) => c.query(`select public.delete_record($1::jsonb)`, [JSON.stringify({ kind: 'goals', id })]));
    const afterDelete = await pullAsCsm(corrected.at(-1)!.cursor);
    expect(afterDelete.map((r) => [r.table_name, r.record_id, r.deleted])).toEqual([['goals', id, true]]);

    const replica = applyChanges([...corrected, ...afterDelete]);
    expect(replica.get('goals')?.has(id)).toBe(false);
  });

  it('an identical replay of a write does not show up again', async () => {
    const id = seedId('pull:replayed');
    await asUser(db.pool(), seedId('user:csm1'), (c) => c.query('select public.save_goal($1::jsonb)', [goal(id, 'Sent twice by the outbox')]));
    const since = await latestCursor();
    await asUser(db.pool(), seedId('user:csm1'), (c) => c.query('select public.save_goal($1::jsonb)', [goal(id, 'Sent twice by the outbox')]));
    expect(await pullAsCsm(since)).toEqual([]);
  });
});
