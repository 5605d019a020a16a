import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, type RecordKind } from '../messaging/record-kinds';
import type { AnyRecord } from '../schemas/record-kinds';
import { pullChanges } from '../sync/pull';
import type { RemoteAnswer, SyncRemote } from '../sync/remote';
import { readCursor, writeCursor } from '../sync/sync-state';
import { accountBucketOf, isAccountKind } from './account-buckets';
import type { SidecarDb } from './db';
import { exportStore } from './export-import';
import { writeIdentity } from './identity';
import { readRecognitionInput } from './reads';
import { deleteRecord, getRecord, putRecord } from './records';
import { finishSnapshot, newSnapshotProgress, writeSnapshotPart, type SnapshotPartToWrite } from './snapshot-writer';
import { V1_RECORDS } from './testing/snapshots/v1';
import { addStored, allStored, storedById } from './testing/stored';
import { openTestDb } from './testing/test-db';

type Row = Record<string, unknown>;
const ORGANIZATION = '0a000000-0000-4000-8000-00000000000a';
const AUTHOR = '0b000000-0000-4000-8000-00000000000b';

/**
 * The organization as the server holds it: the v1 snapshot's records (one
 * of every kind) copied onto accounts in several buckets, ids renamed per
 * account, every record the organization's.
 */
function serverRecords(accountIds: string[]): Partial<Record<RecordKind, Row[]>> {
  const out: Partial<Record<RecordKind, Row[]>> = {};
  const add = (kind: RecordKind, record: Row) => (out[kind] ??= []).push(record);
  for (const kind of ['organizations', 'organization_domains', 'members'] as const) for (const record of V1_RECORDS[kind]) add(kind, { ...record, organization_id: ORGANIZATION });
  accountIds.forEach((accountId, n) => {
    const rename = (value: unknown): unknown => {
      if (typeof value === 'string' && /^[0-9a-f]{8}-0000-4000-8000-00000000000[1-9]$/.test(value)) return value === V1_RECORDS.accounts[0]!.id ? accountId : `${value.slice(0, 30)}${String(n).padStart(6, '0')}`;
      if (Array.isArray(value)) return value.map(rename);
      return value;
    };
    for (const kind of RECORD_KINDS) {
      if (!isAccountKind(kind)) continue;
      for (const record of V1_RECORDS[kind] as Row[]) {
        const copy = Object.fromEntries(Object.entries(record).map(([field, value]) => [field, field === 'created_by' ? value : rename(value)]));
        add(kind, { ...copy, organization_id: ORGANIZATION, ...(kind === 'account_domains' ? { domain: `acct${n}.example` } : {}), ...(kind === 'stakeholders' ? { email: `dana@acct${n}.example` } : {}) });
      }
    }
  });
  return out;
}

const ACCOUNTS = ['0c000000-0000-4000-8000-000000000001', '5e000000-0000-4000-8000-000000000002', '5e100000-0000-4000-8000-000000000003', 'f0000000-0000-4000-8000-000000000004'];

/** A store with local work on the first account: stand-ins of server rows, a queued edit, a record only it has. */
async function localStore(server: Partial<Record<RecordKind, Row[]>>): Promise<{ db: SidecarDb; localGoal: string; queued: string }> {
  const db = openTestDb();
  await writeIdentity(db, { author_id: AUTHOR, display_name: null });
  const account = server.accounts![0]!;
  const at = { now: () => new Date('2026-11-20T10:00:00.000Z') };
  const domain = server.account_domains![0]!;
  const stakeholder = server.stakeholders![0]!;
  const opportunity = server.opportunities![0]!;
  expect((await putRecord(db, 'accounts', { id: account.id, name: 'Acme (local)' }, at)).ok).toBe(true);
  // Stand-ins: the same domain and milestone under local ids, uploaded already (the server kept its own ids).
  expect((await putRecord(db, 'account_domains', { id: '0d000000-0000-4000-8000-0000000000d1', account_id: account.id, domain: domain.domain }, at)).ok).toBe(true);
  expect((await putRecord(db, 'account_milestones', { id: '0d000000-0000-4000-8000-0000000000d2', account_id: account.id, kind: 'first_value', reached_on: '2026-01-01' }, at)).ok).toBe(true);
  // The opportunity under the server's id: its stage history entry here is the store's own.
  expect((await putRecord(db, 'opportunities', { id: opportunity.id, account_id: account.id, title: 'Local title', type: 'renewal' }, at)).ok).toBe(true);
  await db.outbox.clear();
  // A queued edit of a record the server has: the local version stays.
  expect((await putRecord(db, 'stakeholders', { id: stakeholder.id, account_id: account.id, name: 'Dana (edited here)', email: 'dana.local@acct0.example' }, at)).ok).toBe(true);
  // A record the server does not have (queued too).
  const goal = await putRecord(db, 'goals', { id: '0d000000-0000-4000-8000-0000000000d3', account_id: account.id, statement: 'Only here' }, at);
  expect(goal.ok).toBe(true);
  return { db, localGoal: '0d000000-0000-4000-8000-0000000000d3', queued: stakeholder.id as string };
}

function scripted(answers: RemoteAnswer[]): SyncRemote {
  let calls = 0;
  return {
    async call() {
      const answer = answers[calls];
      calls += 1;
      if (!answer) throw new Error('asked for more pages than scripted');
      return answer;
    },
    async refreshSession() {
      return true;
    },
  };
}

/** The rows as `pull_changes` upserts, parents first, one page. */
function asDeltaPage(records: Partial<Record<RecordKind, Row[]>>, firstCursor: number) {
  const rows: Row[] = [];
  for (const kind of RECORD_KINDS) for (const record of records[kind] ?? []) rows.push({ cursor: `c${firstCursor + rows.length}`, table_name: kind, record_id: record.id, deleted: false, record: { ...record, change_xid: '1', change_seq: 1 } });
  return rows;
}

/** The snapshot's parts: the organization's own rows with the first, then the accounts by bucket range [from, to). */
function parts(records: Partial<Record<RecordKind, Row[]>>, ranges: [number, number][]): SnapshotPartToWrite[] {
  return ranges.map(([from, to], i) => {
    const part: Partial<Record<RecordKind, AnyRecord[]>> = {};
    for (const kind of RECORD_KINDS) {
      const list = (records[kind] ?? []).filter((record) => {
        if (!isAccountKind(kind)) return i === 0;
        const bucket = accountBucketOf((kind === 'accounts' ? record.id : record.account_id) as string);
        return bucket >= from && bucket < to;
      });
      if (list.length > 0) part[kind] = list as AnyRecord[];
    }
    return { organizationId: ORGANIZATION, firstBucket: from, lastBucket: to - 1, records: part };
  });
}

/** Everything the store holds; outbox entries without their random ids (each store made its own). */
const contents = async (db: SidecarDb) => {
  const { exported_at: _at, outbox, ...rest } = await exportStore(db);
  return { ...rest, outbox: outbox.map(({ id: _id, ...entry }) => entry) };
};

describe('the first pull written as a snapshot', () => {
  it('stores what applying the same rows as a delta page stores: queued edits kept, stand-ins replaced, local records kept; then changes pull on top', async () => {
    const server = serverRecords(ACCOUNTS);
    const delta = await localStore(server);
    const snapshot = await localStore(server);

    const page = asDeltaPage(server, 1);
    // The reference: the same rows as delta pages (a store with a cursor pulls pages, not a snapshot).
    await delta.db.transaction('rw', delta.db.meta, () => writeCursor(delta.db, ORGANIZATION, 'c0'));
    const pulled = await pullChanges(delta.db, scripted([{ ok: true, data: page }, { ok: true, data: [] }]), { organizationId: ORGANIZATION, pageSize: 10_000 });
    expect(pulled).toMatchObject({ done: true, rejected: [] });

    const progress = newSnapshotProgress();
    const [first, second, third] = parts(server, [[0, 0x5e], [0x5e, 0x60], [0x60, 256]]);
    await writeSnapshotPart(snapshot.db, first!, progress);
    await writeSnapshotPart(snapshot.db, second!, progress);
    await writeSnapshotPart(snapshot.db, second!, progress); // a part written twice (a retried response) changes nothing
    await writeSnapshotPart(snapshot.db, third!, progress);
    await finishSnapshot(snapshot.db, ORGANIZATION, String(page.at(-1)!.cursor), progress);

    expect(await contents(snapshot.db)).toEqual(await contents(delta.db));
    expect(await readCursor(snapshot.db, ORGANIZATION)).toBe(await readCursor(delta.db, ORGANIZATION));
    // What each rule kept, so the comparison above cannot pass on two equally wrong stores.
    const account = ACCOUNTS[0]!;
    expect((await storedById(snapshot.db, 'stakeholders', snapshot.queued))?.name).toBe('Dana (edited here)');
    expect(await storedById(snapshot.db, 'goals', snapshot.localGoal)).toMatchObject({ statement: 'Only here' });
    expect((await allStored(snapshot.db, 'account_domains')).filter((row) => row.account_id === account).map((row) => row.id)).toEqual([server.account_domains![0]!.id]);
    expect((await allStored(snapshot.db, 'account_milestones')).filter((row) => row.account_id === account).map((row) => row.id)).toEqual([server.account_milestones![0]!.id]);
    expect((await allStored(snapshot.db, 'opportunity_stage_changes')).filter((row) => row.account_id === account).map((row) => row.created_by)).not.toContain(AUTHOR);
    expect(await allStored(snapshot.db, 'accounts')).toHaveLength(ACCOUNTS.length);
    // The recognition input is rebuilt from the buckets.
    expect((await readRecognitionInput(snapshot.db)).accountDomains.map((row) => row.domain).sort()).toEqual(ACCOUNTS.map((_, n) => `acct${n}.example`).sort());

    // Changes after the snapshot's cursor: a rename and a deletion with its cascade.
    const renamed: Row = { ...server.accounts![2]!, name: 'Renamed on the server' };
    const gone = server.opportunities![3]!;
    const changes = [
      { cursor: 'd1', table_name: 'accounts', record_id: renamed.id, deleted: false, record: { ...renamed, change_xid: '2', change_seq: 1 } },
      { cursor: 'd2', table_name: 'opportunities', record_id: gone.id, deleted: true, record: null },
    ];
    for (const db of [delta.db, snapshot.db]) {
      const more = await pullChanges(db, scripted([{ ok: true, data: changes }]), { organizationId: ORGANIZATION, pageSize: 10 });
      expect(more).toMatchObject({ done: true, rejected: [] });
    }
    expect(await contents(snapshot.db)).toEqual(await contents(delta.db));
    expect((await storedById(snapshot.db, 'accounts', String(renamed.id)))?.name).toBe('Renamed on the server');
    expect((await allStored(snapshot.db, 'meetings')).filter((row) => row.opportunity_id === String(gone.id))).toEqual([]);
    expect(await readCursor(snapshot.db, ORGANIZATION)).toBe('d2');
  });

  it('removes what the server deleted before its cursor, with what references it, but keeps queued writes and records of no organization', async () => {
    const server = serverRecords(ACCOUNTS);
    const db = openTestDb();
    const before = newSnapshotProgress();
    for (const part of parts(server, [[0, 0x60], [0x60, 256]])) await writeSnapshotPart(db, part, before);
    await finishSnapshot(db, ORGANIZATION, 'c1', before);
    // Work here: an edit of a goal (queued) and an account logged with no workspace (solo, no organization).
    const [, dropped, thinned, edited] = ACCOUNTS;
    const goal = server.goals!.find((row) => row.account_id === edited)!;
    expect((await putRecord(db, 'goals', { ...goal, statement: 'Edited here' })).ok).toBe(true);
    const solo = 'f1000000-0000-4000-8000-000000000009';
    await db.transaction('rw', db.allTables, () => addStored(db, 'accounts', [{ ...server.accounts![0]!, id: solo, name: 'Solo', organization_id: null }]));
    // Meanwhile the server lost an account, a stakeholder of another, and the goal edited here.
    const person = server.stakeholders!.find((row) => row.account_id === thinned)!;
    const now: Partial<Record<RecordKind, Row[]>> = Object.fromEntries(
      Object.entries(server).map(([kind, rows]) => [kind, rows!.filter((row) => row.id !== dropped && row.account_id !== dropped && row.id !== person.id && row.stakeholder_id !== person.id && row.id !== goal.id)]),
    );

    const progress = newSnapshotProgress();
    for (const part of parts(now, [[0, 0x60], [0x60, 256]])) await writeSnapshotPart(db, part, progress);
    await finishSnapshot(db, ORGANIZATION, 'c2', progress);

    expect((await allStored(db, 'accounts')).map((row) => row.id).sort()).toEqual([ACCOUNTS[0], thinned, edited, solo].sort());
    for (const kind of ['stakeholders', 'opportunities', 'goals', 'communication_steps'] as const) {
      expect((await allStored(db, kind)).filter((row) => row.account_id === dropped), kind).toEqual([]);
    }
    expect(await storedById(db, 'stakeholders', person.id as string)).toBeUndefined();
    expect((await allStored(db, 'communication_steps')).filter((row) => row.stakeholder_id === person.id)).toEqual([]);
    expect((await storedById(db, 'goals', goal.id as string))?.statement).toBe('Edited here');
    expect((await storedById(db, 'accounts', solo))?.name).toBe('Solo');
    expect(await allStored(db, 'members')).toHaveLength(server.members!.length);
    // The index agrees: a deleted record is not found by id, a kept one is.
    expect(await getRecord(db, 'stakeholders', person.id as string)).toBeNull();
    expect((await getRecord(db, 'goals', goal.id as string))?.statement).toBe('Edited here');
  });

  it('leaves no cursor until it is finished, and a local delete after it removes the record by id alone', async () => {
    const server = serverRecords(ACCOUNTS.slice(1));
    const db = openTestDb();
    const progress = newSnapshotProgress();
    const [all] = parts(server, [[0, 256]]);
    await writeSnapshotPart(db, all!, progress);
    expect(await readCursor(db, ORGANIZATION)).toBeNull();
    await finishSnapshot(db, ORGANIZATION, 'c9', progress);
    const stakeholder = server.stakeholders![1]!;
    expect((await deleteRecord(db, 'stakeholders', stakeholder.id as string)).ok).toBe(true);
    expect(await storedById(db, 'stakeholders', stakeholder.id as string)).toBeUndefined();
    expect((await allStored(db, 'communication_steps')).filter((row) => row.stakeholder_id === stakeholder.id)).toEqual([]);
  });
});
