import { describe, expect, it } from 'vitest';
import type { RecordKind } from '../messaging/record-kinds';
import { specOf, type AnyRecord } from '../schemas/record-kinds';
import { accountBucketOf } from '../store/account-buckets';
import { putRecord } from '../store/records';
import { accountInput, stakeholderInput, uuid } from '../store/testing/inputs';
import { allStored, countStored } from '../store/testing/stored';
import { openTestDb } from '../store/testing/test-db';
import { positionalOf } from '../zod-positional';
import { bucketRanges, earlierCursor } from './first-pull';
import { pullChanges } from './pull';
import type { RemoteAnswer, SyncRemote } from './remote';
import { readCursor } from './sync-state';

type Row = Record<string, unknown>;
const ORGANIZATION = uuid();
/** The cursors of the snapshot's answers, in the order answered: the second one's transaction began first. */
const CURSORS = ['100:9223372036854775807', '99:9223372036854775807', '104:9223372036854775807'];
const EARLIEST_CURSOR = CURSORS[1]!;

/** An id in a chosen account bucket (its first two hex digits). */
const idInBucket = (bucket: number) => bucket.toString(16).padStart(2, '0') + uuid().slice(2);

/** Valid records as the workspace holds them: accounts in the given buckets, each with one stakeholder. */
async function organizationRecords(buckets: number[]): Promise<{ accounts: AnyRecord[]; stakeholders: AnyRecord[] }> {
  const scratch = openTestDb();
  const accounts: AnyRecord[] = [];
  const stakeholders: AnyRecord[] = [];
  for (const [i, bucket] of buckets.entries()) {
    const account = await putRecord(scratch, 'accounts', accountInput({ id: idInBucket(bucket), name: `Account ${i}` }));
    if (!account.ok) throw new Error(account.error.message);
    const person = await putRecord(scratch, 'stakeholders', stakeholderInput(account.value.id, { name: `Person ${i}` }));
    if (!person.ok) throw new Error(person.error.message);
    accounts.push({ ...account.value, organization_id: ORGANIZATION });
    stakeholders.push({ ...person.value, organization_id: ORGANIZATION });
  }
  return { accounts, stakeholders };
}

/** A row as `pull_snapshot` writes it: its kind's positional form without organization_id. */
const wireRow = (kind: RecordKind, record: Row) => positionalOf(specOf(kind).schema.omit({ organization_id: true })).encode(record as never);

interface Workspace extends SyncRemote {
  calls: { fn: string; args: Record<string, unknown> }[];
}

/**
 * A workspace that answers `pull_snapshot` from `records` (by account
 * bucket, each answer with a later cursor than the one before) and
 * `pull_changes` with `changes`, one page per call. `fail` answers the call
 * of that number (0-based) with a 503.
 */
function workspace(records: Partial<Record<RecordKind, Row[]>>, options: { changes?: unknown[][]; fail?: number; wire?: (kind: RecordKind, record: Row) => unknown } = {}): Workspace {
  const changes = [...(options.changes ?? [])];
  let snapshots = 0;
  const remote: Workspace = {
    calls: [],
    async call(fn, args): Promise<RemoteAnswer> {
      remote.calls.push({ fn, args });
      if (remote.calls.length - 1 === options.fail) return { ok: false, failure: { status: 503, code: null, message: 'Service Unavailable' } };
      if (fn === 'pull_changes') return { ok: true, data: changes.shift() ?? [] };
      const first = args.first_bucket as number;
      const last = args.last_bucket as number;
      const inRange = (kind: RecordKind, row: Row) => {
        const bucket = accountBucketOf((kind === 'accounts' ? row.id : row.account_id) as string);
        return bucket >= first && bucket <= last;
      };
      const body = Object.fromEntries(
        Object.entries(records).map(([kind, rows]) => [kind, (rows ?? []).filter((row) => inRange(kind as RecordKind, row)).map((row) => (options.wire ?? wireRow)(kind as RecordKind, row))]),
      );
      snapshots += 1;
      const cursor = CURSORS[snapshots - 1] ?? '120:9223372036854775807';
      return { ok: true, data: JSON.parse(JSON.stringify({ cursor, records: body })) };
    },
    async refreshSession() {
      return true;
    },
  };
  return remote;
}

const names = async (db: ReturnType<typeof openTestDb>) => ((await allStored(db, 'accounts')) as Row[]).map((row) => row.name).sort();

describe('the first pull', () => {
  it('takes the organization range by range, then pulls changes from the earliest of its answers’ cursors', async () => {
    const { accounts, stakeholders } = await organizationRecords([0x00, 0x3f, 0x40, 0xa7, 0xff]);
    const renamed = { ...accounts[2]!, name: 'Renamed by a teammate', change_xid: '101', change_seq: 3 };
    const remote = workspace({ accounts, stakeholders }, { changes: [[{ cursor: '101:3', table_name: 'accounts', record_id: renamed.id, deleted: false, record: renamed }]] });
    const db = openTestDb();

    const outcome = await pullChanges(db, remote, { organizationId: ORGANIZATION, bucketsPerCall: 64 });

    expect(outcome).toEqual({ done: true, applied: 11, rejected: [] });
    const snapshotCalls = remote.calls.filter((call) => call.fn === 'pull_snapshot').map((call) => [call.args.first_bucket, call.args.last_bucket]);
    expect(snapshotCalls).toEqual([[0, 63], [64, 127], [128, 191], [192, 255]]);
    const changeCalls = remote.calls.filter((call) => call.fn === 'pull_changes');
    expect(changeCalls[0]!.args.since).toBe(EARLIEST_CURSOR);
    expect(await names(db)).toEqual(['Account 0', 'Account 1', 'Account 3', 'Account 4', 'Renamed by a teammate']);
    expect(await countStored(db, 'stakeholders')).toBe(5);
    expect(await readCursor(db, ORGANIZATION)).toBe('101:3');
  });

  it('stores no cursor when it stops half-way, so the next run takes the snapshot again, and nothing twice', async () => {
    const { accounts, stakeholders } = await organizationRecords([0x01, 0x90, 0xfe]);
    const db = openTestDb();

    const stopped = await pullChanges(db, workspace({ accounts, stakeholders }, { fail: 2 }), { organizationId: ORGANIZATION, bucketsPerCall: 64 });
    expect(stopped).toMatchObject({ done: false, failure: { status: 503 } });
    expect(await readCursor(db, ORGANIZATION)).toBeNull();

    const again = await pullChanges(db, workspace({ accounts, stakeholders }), { organizationId: ORGANIZATION, bucketsPerCall: 64 });
    expect(again).toMatchObject({ done: true, rejected: [] });
    expect(await names(db)).toEqual(['Account 0', 'Account 1', 'Account 2']);
    expect(await countStored(db, 'stakeholders')).toBe(3);
    expect(await readCursor(db, ORGANIZATION)).toBe(EARLIEST_CURSOR);
  });

  it('names a row that does not fit and stores all the others', async () => {
    const { accounts, stakeholders } = await organizationRecords([0x10, 0x20]);
    const unfit = { ...stakeholders[1]!, name: '' };
    const db = openTestDb();

    const outcome = await pullChanges(db, workspace({ accounts, stakeholders: [stakeholders[0]!, unfit] }), { organizationId: ORGANIZATION });

    expect(outcome.done).toBe(true);
    expect(outcome.rejected).toHaveLength(1);
    expect(outcome.rejected[0]).toContain(String(unfit.id));
    expect(((await allStored(db, 'stakeholders')) as Row[]).map((row) => row.id)).toEqual([stakeholders[0]!.id]);
    expect(await countStored(db, 'accounts')).toBe(2);
  });

  it('fails with a sentence, storing nothing, when an answer is not a snapshot part', async () => {
    const { accounts } = await organizationRecords([0x10]);
    const db = openTestDb();
    const remote = workspace({ accounts });
    const garbled: SyncRemote = { ...remote, call: async () => ({ ok: true, data: { rows: [] } }) };

    const outcome = await pullChanges(db, garbled, { organizationId: ORGANIZATION });

    expect(outcome).toMatchObject({ done: false, failure: { status: 200, code: 'SIDECAR' } });
    expect(outcome.done === false && outcome.failure.message).toMatch(/snapshot does not fit/);
    expect(await countStored(db, 'accounts')).toBe(0);
    expect(await readCursor(db, ORGANIZATION)).toBeNull();
  });
});

describe('earlierCursor', () => {
  it('keeps the cursor of the lowest horizon, comparing transaction ids as numbers', () => {
    expect(earlierCursor(null, '5:1')).toBe('5:1');
    expect(earlierCursor('10:9223372036854775807', '9:9223372036854775807')).toBe('9:9223372036854775807');
    expect(earlierCursor('9:9223372036854775807', '10:9223372036854775807')).toBe('9:9223372036854775807');
    expect(earlierCursor('18446744073709551614:1', '18446744073709551613:1')).toBe('18446744073709551613:1');
  });
});

describe('bucketRanges', () => {
  it('covers the 256 buckets once, in order, in ranges of the asked size', () => {
    for (const perCall of [1, 3, 8, 100, 256]) {
      const ranges = bucketRanges(perCall);
      const covered = ranges.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i));
      expect(covered).toEqual(Array.from({ length: 256 }, (_, i) => i));
      expect(ranges.slice(0, -1).every(([first, last]) => last - first + 1 === perCall)).toBe(true);
    }
  });

  it('refuses a range size outside 1..256', () => {
    for (const perCall of [0, -1, 1.5, 257]) expect(() => bucketRanges(perCall)).toThrow(/1\.\.256/);
  });
});
