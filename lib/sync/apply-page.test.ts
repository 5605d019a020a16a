import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../messaging/record-kinds';
import type { RecordKind } from '../messaging/record-kinds';
import type { SidecarDb } from '../store/db';
import { RecordSession } from '../store/record-session';
import { writeIdentity } from '../store/identity';
import { putRecord } from '../store/records';
import { accountInput, domainInput, goalInput, stakeholderInput, uuid } from '../store/testing/inputs';
import { openTestDb } from '../store/testing/test-db';
import { applyRowByRow, applyServerPage, checkChanges, mayReplaceOthers, type PulledChange } from './apply-page';
import { addStored, allStored, storedById } from '../store/testing/stored';

type Row = Record<string, unknown>;

/** Two stores with the same local records: a CSM's account, its domain, a stakeholder and a goal. */
async function twinStores() {
  const account = accountInput();
  const domain = domainInput(account.id, 'acme.example');
  const stakeholder = stakeholderInput(account.id);
  const goal = goalInput(account.id);
  const stores: SidecarDb[] = [];
  const identity = { author_id: uuid(), display_name: null };
  for (let i = 0; i < 2; i += 1) {
    const db = openTestDb();
    await writeIdentity(db, identity); // the same author in both, so the stores start equal
    const now = () => new Date('2026-11-20T10:00:00.000Z');
    for (const [kind, input] of [['accounts', account], ['account_domains', domain], ['stakeholders', stakeholder], ['goals', goal]] as const) {
      expect((await putRecord(db, kind, input, { now })).ok).toBe(true);
    }
    stores.push(db);
  }
  const stored = async (kind: string, id: string) => (await storedById(stores[0]!, kind as RecordKind, id)) as Row;
  return { stores, account: await stored('accounts', account.id), domain: await stored('account_domains', domain.id), stakeholder: await stored('stakeholders', stakeholder.id), goal: await stored('goals', goal.id) };
}

async function contents(db: SidecarDb) {
  const out: Record<string, Row[]> = {};
  for (const kind of RECORD_KINDS) out[kind] = ((await allStored(db, kind)) as Row[]).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return out;
}

/** What the pull does with a page: in bulk, unless a row would replace another. */
async function expectSameAsOneByOne(stores: SidecarDb[], changes: PulledChange[], expectBulk: boolean) {
  const [bulk, single] = stores as [SidecarDb, SidecarDb];
  // As the pull does: the page checked first (before its transaction), then applied.
  const checked = checkChanges(changes);
  const bulkRejected = await bulk.transaction('rw', bulk.allTables, async () => {
    const session = new RecordSession(bulk);
    const replaces = await mayReplaceOthers(session, checked);
    expect(replaces).toBe(!expectBulk);
    return replaces ? applyRowByRow(session, checked) : applyServerPage(session, checked);
  });
  // The reference: the pull's row-by-row loop, after its outbox read.
  const singleRejected = await single.transaction('rw', single.allTables, async () => {
    await single.outbox.count();
    return applyRowByRow(new RecordSession(single), changes);
  });
  expect(bulkRejected).toEqual(singleRejected);
  expect(await contents(bulk)).toEqual(await contents(single));
  return { rejected: bulkRejected, store: await contents(bulk) };
}

const upsert = (kind: PulledChange['kind'], record: Row): PulledChange => ({ kind, id: record.id as string, deleted: false, record: { ...record, change_xid: '1', change_seq: 1 } });
const tombstone = (kind: PulledChange['kind'], id: string): PulledChange => ({ kind, id, deleted: true, record: null });

describe('applying a pulled page in bulk', () => {
  it('stores what applying the rows one by one stores: updates, new rows, a row that does not fit, deletions with their cascade', async () => {
    const { stores, account, stakeholder, goal } = await twinStores();
    const second = { ...account, id: uuid(), name: 'Globex' };
    const changes = [
      upsert('accounts', { ...account, name: 'Acme Corporation' }),
      upsert('accounts', second),
      upsert('goals', { ...goal, statement: 'x'.repeat(5000) }),
      tombstone('stakeholders', stakeholder.id as string),
      upsert('stakeholders', { ...stakeholder, id: uuid(), account_id: second.id, email: 'lee@globex.example', name: 'Lee' }),
      tombstone('accounts', account.id as string),
    ];
    const { rejected, store } = await expectSameAsOneByOne(stores, changes, true);
    expect(rejected).toHaveLength(1);
    expect(store.accounts!.map((row) => row.name)).toEqual(['Globex']);
    expect(store.goals).toEqual([]); // went with its account
    expect(store.stakeholders!.map((row) => row.name)).toEqual(['Lee']);
  });

  it('sees that a pulled row would replace a local stand-in sharing its unique key, and leaves that page to the exact path', async () => {
    const { stores, domain, stakeholder } = await twinStores();
    const serverDomain = { ...domain, id: uuid() };
    const serverStakeholder = { ...stakeholder, id: uuid(), name: 'Dana R.' };
    const { store } = await expectSameAsOneByOne(stores, [upsert('account_domains', serverDomain), upsert('stakeholders', serverStakeholder)], false);
    expect(store.account_domains!.map((row) => row.id)).toEqual([serverDomain.id]);
    expect(store.stakeholders!.map((row) => row.id)).toEqual([serverStakeholder.id]);
  });
});

describe('checking a large page for unique-key clashes', () => {
  // A large page, on many accounts: each row is checked in its own account's entry.
  const people = 300;
  async function storeWithPeople() {
    const db = openTestDb();
    const accounts = Array.from({ length: people }, () => uuid());
    const stored = accounts.map((account, i) => stakeholderInput(account, { email: `first${i}@customer.example` }));
    await addStored(db, 'stakeholders', stored);
    return { db, accounts, stored };
  }
  const replaces = (db: SidecarDb, changes: PulledChange[]) => db.transaction('rw', db.allTables, () => mayReplaceOthers(new RecordSession(db), changes));

  it('clears a page of new people on accounts that already have people, as a first pull brings them', async () => {
    const { db, accounts } = await storeWithPeople();
    const page = accounts.map((account, i) => upsert('stakeholders', stakeholderInput(account, { email: `second${i}@customer.example` })));
    expect(await replaces(db, page)).toBe(false);
  });

  it('clears people whose address is stored on another account only', async () => {
    const { db, stored } = await storeWithPeople();
    const page = stored.map((person) => upsert('stakeholders', stakeholderInput(uuid(), { email: person.email })));
    expect(await replaces(db, page)).toBe(false);
  });

  it('finds the one person in a large page who has a stored stand-in with the same account and address', async () => {
    const { db, accounts, stored } = await storeWithPeople();
    const page = accounts.map((account, i) => upsert('stakeholders', stakeholderInput(account, { email: `second${i}@customer.example` })));
    const standIn = stored[137]!;
    page.push(upsert('stakeholders', stakeholderInput(standIn.account_id, { email: standIn.email, name: 'Server copy' })));
    expect(await replaces(db, page)).toBe(true);
  });

  it('does not count a stored person updated under its own id as a clash', async () => {
    const { db, stored } = await storeWithPeople();
    const page = stored.map((person) => upsert('stakeholders', { ...person, name: 'Renamed' }));
    expect(await replaces(db, page)).toBe(false);
  });
});
