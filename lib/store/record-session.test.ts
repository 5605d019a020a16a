import { describe, expect, it } from 'vitest';
import { accountBucketOf } from './account-buckets';
import { deleteRecord, getRecord, putRecord } from './records';
import { accountInput, domainInput, goalInput, stakeholderInput } from './testing/inputs';
import { openTestDb } from './testing/test-db';

const accountIn = (bucket: string) => accountInput({ id: `${bucket}${crypto.randomUUID().slice(2)}` });

describe('records kept in account buckets', () => {
  it('keeps each account with its records in the bucket named by its id’s first two hex digits', async () => {
    const db = openTestDb();
    const account = accountIn('3f');
    expect((await putRecord(db, 'accounts', account)).ok).toBe(true);
    expect((await putRecord(db, 'stakeholders', stakeholderInput(account.id))).ok).toBe(true);
    const rows = await db.account_buckets.toArray();
    expect(rows.map((row) => row.bucket)).toEqual([accountBucketOf(account.id)]);
    expect(Object.keys(JSON.parse(rows[0]!.json)[account.id]).sort()).toEqual(['accounts', 'stakeholders']);
  });

  it('finds a record by id alone after its index is damaged or lost, by rebuilding the index from the buckets', async () => {
    const db = openTestDb();
    const account = accountIn('a0');
    const goal = goalInput(account.id);
    await putRecord(db, 'accounts', account);
    await putRecord(db, 'goals', goal);
    await db.record_index.put({ bucket: parseInt(goal.id.slice(0, 2), 16), json: '{"format":1,"ids":' });
    expect(await getRecord(db, 'goals', goal.id)).toMatchObject({ statement: goal.statement });
    await db.record_index.clear();
    expect(await deleteRecord(db, 'goals', goal.id)).toEqual({ ok: true, value: { deleted: true } });
    expect(await getRecord(db, 'goals', goal.id)).toBeNull();
  });

  it('refuses a domain another account holds, and frees it when that account is deleted', async () => {
    const db = openTestDb();
    const first = accountIn('01');
    const second = accountIn('fe');
    await putRecord(db, 'accounts', first);
    await putRecord(db, 'accounts', second);
    expect((await putRecord(db, 'account_domains', domainInput(first.id, 'shared.example'))).ok).toBe(true);
    const clash = await putRecord(db, 'account_domains', domainInput(second.id, 'shared.example'));
    expect(clash.ok ? null : clash.error.code).toBe('conflict');
    await deleteRecord(db, 'accounts', first.id);
    expect((await putRecord(db, 'account_domains', domainInput(second.id, 'shared.example'))).ok).toBe(true);
  });

  it('does not find a record that went with its account, though its index entry stayed', async () => {
    const db = openTestDb();
    const account = accountIn('77');
    const person = stakeholderInput(account.id);
    await putRecord(db, 'accounts', account);
    await putRecord(db, 'stakeholders', person);
    await deleteRecord(db, 'accounts', account.id);
    expect(await getRecord(db, 'stakeholders', person.id)).toBeNull();
    // The same account id made again does not bring the person back.
    await putRecord(db, 'accounts', account);
    expect(await getRecord(db, 'stakeholders', person.id)).toBeNull();
  });

  it('moves a record to its new account’s bucket when its account changes', async () => {
    const db = openTestDb();
    const [from, to] = [accountIn('10'), accountIn('e0')];
    await putRecord(db, 'accounts', from);
    await putRecord(db, 'accounts', to);
    const goal = goalInput(from.id);
    await putRecord(db, 'goals', goal);
    expect((await putRecord(db, 'goals', { ...goal, account_id: to.id })).ok).toBe(true);
    expect(await getRecord(db, 'goals', goal.id)).toMatchObject({ account_id: to.id });
    await deleteRecord(db, 'accounts', from.id);
    expect(await getRecord(db, 'goals', goal.id)).toMatchObject({ account_id: to.id });
  });
});
