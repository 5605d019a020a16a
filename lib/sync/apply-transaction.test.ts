import { describe, expect, it } from 'vitest';
import type { SidecarDb } from '../store/db';
import { RecordSession } from '../store/record-session';
import { putRecord } from '../store/records';
import { accountInput, goalInput, uuid } from '../store/testing/inputs';
import { openTestDb } from '../store/testing/test-db';
import { applyRowByRow, applyServerPage, checkChanges, type PulledChange } from './apply-page';
import { storedById } from '../store/testing/stored';

type Row = Record<string, unknown>;
const upsert = (kind: PulledChange['kind'], record: Row): PulledChange => ({ kind, id: record.id as string, deleted: false, record: { ...record, change_xid: '1', change_seq: 1 } });

/**
 * A page is applied in one transaction with its cursor: if anything in it
 * fails, nothing of it may stay. An `await` of a promise that is not Dexie's
 * (a row rejected without touching IndexedDB) must not let Dexie's
 * transaction end early (PrematureCommitError), nor let a later write escape
 * into a transaction of its own.
 */
async function pageWithManyRejectsThenAWrite(apply: (db: SidecarDb, changes: PulledChange[]) => Promise<string[]>) {
  const db = openTestDb();
  const account = accountInput();
  expect((await putRecord(db, 'accounts', account)).ok).toBe(true);
  const stored = (await storedById(db, 'accounts', account.id)) as Row;
  const rejects = Array.from({ length: 60 }, () => upsert('goals', { ...goalInput(account.id), id: uuid(), statement: '', organization_id: stored.organization_id }));
  const renamed = upsert('accounts', { ...stored, name: 'Renamed by a teammate' });
  const failure = new Error('the page failed after its rows');
  const outcome = await db
    .transaction('rw', db.allTables, async () => {
      await db.outbox.count();
      const rejected = await apply(db, [...rejects, renamed]);
      expect(rejected).toHaveLength(60);
      // A page that fails after its rows (its cursor write, say) keeps none of them.
      throw failure;
    })
    .catch((error: unknown) => error);
  return { outcome, failure, name: ((await storedById(db, 'accounts', account.id)) as Row).name };
}

describe('applying a page inside its transaction', () => {
  it('row by row: many rows rejected without a request, then a write, and all of it rolls back with the page', async () => {
    const { outcome, failure, name } = await pageWithManyRejectsThenAWrite((db, changes) => applyRowByRow(new RecordSession(db), changes));
    expect(outcome).toBe(failure);
    expect(name).toBe('Acme Corp');
  });

  it('in bulk: the same', async () => {
    const { outcome, failure, name } = await pageWithManyRejectsThenAWrite((db, changes) => applyServerPage(new RecordSession(db), checkChanges(changes)));
    expect(outcome).toBe(failure);
    expect(name).toBe('Acme Corp');
  });
});
