import { describe, expect, it } from 'vitest';
import type { SidecarDb } from '../store/db';
import { putRecord } from '../store/records';
import { accountInput, uuid } from '../store/testing/inputs';
import { openTestDb } from '../store/testing/test-db';
import { pullChanges } from './pull';
import type { RemoteAnswer, SyncRemote } from './remote';
import { readCursor, writeCursor } from './sync-state';
import { allStored } from '../store/testing/stored';

type Row = Record<string, unknown>;
const ORGANIZATION = uuid();

/** A valid account row as the workspace sends it: a stored record's shape, with a new id and name. */
async function serverAccounts(names: string[]): Promise<Row[]> {
  const scratch = openTestDb();
  const template = accountInput();
  const put = await putRecord(scratch, 'accounts', template);
  if (!put.ok) throw new Error(put.error.message);
  return names.map((name) => ({ ...(put.value as Row), id: uuid(), name, organization_id: ORGANIZATION, change_xid: '1', change_seq: 1 }));
}

const pageOf = (rows: Row[], first: number) =>
  rows.map((record, i) => ({ cursor: `c${first + i}`, table_name: 'accounts', record_id: record.id, deleted: false, record }));

/** A workspace that answers the pull's requests with these answers, in order. */
function scriptedRemote(answers: RemoteAnswer[]): SyncRemote & { calls: number } {
  const remote = {
    calls: 0,
    async call() {
      const answer = answers[remote.calls];
      remote.calls += 1;
      if (!answer) throw new Error('the pull asked for more pages than the workspace has');
      return answer;
    },
    async refreshSession() {
      return true;
    },
  };
  return remote;
}

/**
 * A store that already took its first pull (its cursor is set): these tests
 * are about the delta pages; the first pull's snapshot is first-pull.test.ts.
 */
async function pulledStore(): Promise<SidecarDb> {
  const db = openTestDb();
  await db.transaction('rw', db.meta, () => writeCursor(db, ORGANIZATION, 'c0'));
  return db;
}

const names = async (db: SidecarDb) => ((await allStored(db, 'accounts')) as Row[]).map((row) => row.name).sort();

describe('pulling pages', () => {
  it('stores every page with its cursor, and reports a row that does not fit without losing the others', async () => {
    const [a, b, c, d] = await serverAccounts(['Acme', 'Beta', 'Cobalt', 'Delta']);
    const unfit = { ...c!, name: '' };
    const db = await pulledStore();
    const remote = scriptedRemote([
      { ok: true, data: pageOf([a!, b!], 1) },
      { ok: true, data: pageOf([unfit, d!], 3) },
      { ok: true, data: [] },
    ]);
    const outcome = await pullChanges(db, remote, { organizationId: ORGANIZATION, pageSize: 2 });
    expect(outcome).toMatchObject({ done: true, applied: 4 });
    expect(outcome.rejected).toHaveLength(1);
    expect(outcome.rejected[0]).toContain(String(c!.id));
    expect(await names(db)).toEqual(['Acme', 'Beta', 'Delta']);
    expect(await readCursor(db, ORGANIZATION)).toBe('c4');
  });

  it('when the next page fails, keeps and counts the page it was still writing, and resumes after it', async () => {
    const [a, b, c] = await serverAccounts(['Acme', 'Beta', 'Cobalt']);
    const db = await pulledStore();
    // The failure answers at once: the first page is still being written when it arrives.
    const failing = scriptedRemote([
      { ok: true, data: pageOf([a!, b!], 1) },
      { ok: false, failure: { status: 503, code: null, message: 'Service Unavailable' } },
    ]);
    const outcome = await pullChanges(db, failing, { organizationId: ORGANIZATION, pageSize: 2 });
    expect(outcome).toMatchObject({ done: false, applied: 2, failure: { status: 503 } });
    expect(await names(db)).toEqual(['Acme', 'Beta']);
    expect(await readCursor(db, ORGANIZATION)).toBe('c2');

    const resumed = await pullChanges(db, scriptedRemote([{ ok: true, data: pageOf([c!], 3) }]), { organizationId: ORGANIZATION, pageSize: 2 });
    expect(resumed).toMatchObject({ done: true, applied: 1 });
    expect(await names(db)).toEqual(['Acme', 'Beta', 'Cobalt']);
  });
});
