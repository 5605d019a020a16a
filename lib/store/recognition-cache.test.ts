import { describe, expect, it } from 'vitest';
import { readRecognitionInput, recognitionInputVersion } from './reads';
import { invalidateRecognition, readRecognitionRows, sameForRecognition } from './recognition-cache';
import { putRecord } from './records';
import { accountInput, domainInput, stakeholderInput } from './testing/inputs';
import { openTestDb } from './testing/test-db';

describe('the recognition cache keeps each row with its index keys', () => {
  it('derives the keys when a row is written, and again when it changes', async () => {
    const db = openTestDb();
    await readRecognitionInput(db); // builds the (empty) cache, so the writes below patch it
    const acme = accountInput({ name: 'Acme Ltd' });
    await putRecord(db, 'accounts', acme);
    await putRecord(db, 'account_domains', domainInput(acme.id, 'eu.acme.co.uk'));
    await putRecord(db, 'account_domains', domainInput(acme.id, 'gmail.com'));
    const dana = stakeholderInput(acme.id, { email: 'dana@acme.co.uk' });
    await putRecord(db, 'stakeholders', dana);

    const input = await readRecognitionInput(db);
    expect(input.accounts).toEqual([{ id: acme.id, name: 'Acme Ltd', aliases: [], nameKeys: ['acme ltd', 'acme'] }]);
    expect(input.accountDomains).toEqual(
      expect.arrayContaining([
        { account_id: acme.id, domain: 'eu.acme.co.uk', host: 'eu.acme.co.uk', registrable: 'acme.co.uk' },
        // A free-mail domain typed into an account never identifies it.
        { account_id: acme.id, domain: 'gmail.com', host: null, registrable: null },
      ]),
    );
    expect(input.stakeholders).toMatchObject([{ id: dana.id, email: 'dana@acme.co.uk', addressKey: 'dana@acme.co.uk' }]);

    await putRecord(db, 'accounts', { ...acme, name: 'Acme Logistics GmbH' });
    await putRecord(db, 'stakeholders', { ...dana, email: 'dana.reyes@acme.co.uk' });
    const changed = await readRecognitionInput(db);
    expect(changed.accounts[0]?.nameKeys).toEqual(['acme logistics gmbh', 'acme logistics']);
    expect(changed.stakeholders.map((s) => s.addressKey)).toEqual(['dana.reyes@acme.co.uk']);
  });

  it('rebuilds a cache written in an older layout (rows without keys) instead of reading or patching it', async () => {
    const db = openTestDb();
    const acme = accountInput({ name: 'Acme Ltd' });
    await putRecord(db, 'accounts', acme);
    await readRecognitionInput(db);
    // What the previous release left in `meta`: marked built with `true`, rows without keys.
    const oldBucket = JSON.stringify({ a: [[acme.id, 'Acme Ltd']], d: [], s: [], o: [] });
    await db.meta.bulkPut([
      { key: 'recognition:built', value: true },
      ...Array.from({ length: 16 }, (_, i) => ({ key: `recognition:${i}`, value: i === parseInt(acme.id.slice(-2), 16) % 16 ? oldBucket : JSON.stringify({ a: [], d: [], s: [], o: [] }) })),
    ]);
    expect(await recognitionInputVersion(db)).toBeNull();

    // A write before the next read leaves the old buckets alone; the read rebuilds from the tables.
    const dana = stakeholderInput(acme.id, { email: 'dana@acme.example' });
    expect((await putRecord(db, 'stakeholders', dana)).ok).toBe(true);
    const input = await readRecognitionInput(db);
    expect(input.accounts).toEqual([{ id: acme.id, name: 'Acme Ltd', aliases: [], nameKeys: ['acme ltd', 'acme'] }]);
    expect(input.stakeholders).toMatchObject([{ id: dana.id, addressKey: 'dana@acme.example' }]);
    expect(await recognitionInputVersion(db)).not.toBeNull();
  });

  it('rebuilds inside a transaction over every table, as a caller holding the whole store does', async () => {
    const db = openTestDb();
    const acme = accountInput({ name: 'Acme Ltd' });
    await putRecord(db, 'accounts', acme);
    await db.transaction('rw', db.allTables, () => invalidateRecognition(db));
    // Any native promise awaited between the rebuild's requests lets IndexedDB commit early.
    const rows = await db.transaction('rw', db.allTables, () => readRecognitionRows(db));
    expect(rows.accounts.map((account) => account.id)).toEqual([acme.id]);
    expect((await readRecognitionInput(db)).accounts.map((account) => account.id)).toEqual([acme.id]);
  });

  it('rebuilds from the tables when a bucket does not read back, and a write meanwhile is not lost', async () => {
    const db = openTestDb();
    const acme = accountInput({ name: 'Acme Ltd' });
    await putRecord(db, 'accounts', acme);
    await readRecognitionInput(db);
    const bucket = `recognition:${parseInt(acme.id.slice(-2), 16) % 16}`;
    await db.meta.put({ key: bucket, value: '{"a": [["half-written' });
    // A write that lands in the damaged bucket drops the cache rather than patching it.
    const dana = stakeholderInput(acme.id, { email: 'dana@acme.example' });
    await putRecord(db, 'stakeholders', { ...dana, id: `${dana.id.slice(0, -2)}${acme.id.slice(-2)}` });
    expect(await recognitionInputVersion(db)).toBeNull();

    const input = await readRecognitionInput(db);
    expect(input.accounts).toEqual([{ id: acme.id, name: 'Acme Ltd', aliases: [], nameKeys: ['acme ltd', 'acme'] }]);
    expect(input.stakeholders.map((s) => s.email)).toEqual(['dana@acme.example']);

    // Damaged while built and nothing written since: the read itself rebuilds.
    await db.meta.put({ key: bucket, value: JSON.stringify({ a: [[acme.id, 42, []]], d: [], s: [], o: [] }) });
    expect((await readRecognitionInput(db)).accounts).toEqual([{ id: acme.id, name: 'Acme Ltd', aliases: [], nameKeys: ['acme ltd', 'acme'] }]);
  });

  it('derives every key again after an invalidation (an extension update may bring other rules)', async () => {
    const db = openTestDb();
    const acme = accountInput({ name: 'Acme Ltd' });
    await putRecord(db, 'accounts', acme);
    await readRecognitionInput(db);
    // Keys as an older rule set might have left them.
    const bucket = `recognition:${parseInt(acme.id.slice(-2), 16) % 16}`;
    await db.meta.put({ key: bucket, value: JSON.stringify({ a: [[acme.id, 'Acme Ltd', ['stale key']]], d: [], s: [], o: [] }) });
    expect((await readRecognitionInput(db)).accounts[0]?.nameKeys).toEqual(['stale key']);

    await invalidateRecognition(db);
    expect((await readRecognitionInput(db)).accounts[0]?.nameKeys).toEqual(['acme ltd', 'acme']);
  });
});

describe('whether a new version of a record changes its cache row', () => {
  it('looks at the fields the row and its keys come from, and nothing else', () => {
    const account = { id: 'a1', name: 'Acme Ltd', notes: 'renewal in March' };
    expect(sameForRecognition('accounts', account, { ...account, notes: 'renewal moved' })).toBe(true);
    expect(sameForRecognition('accounts', account, { ...account, name: 'Acme Logistics' })).toBe(false);
    const dana = { id: 's1', account_id: 'a1', name: 'Dana', email: 'dana@acme.example', position: 'supporter' };
    expect(sameForRecognition('stakeholders', dana, { ...dana, position: 'sponsor' })).toBe(true);
    expect(sameForRecognition('stakeholders', dana, { ...dana, email: null })).toBe(false);
    // Without an address a stakeholder has no row, whether it exists or not.
    expect(sameForRecognition('stakeholders', null, { ...dana, email: null })).toBe(true);
    expect(sameForRecognition('account_domains', null, { id: 'd1', account_id: 'a1', domain: 'acme.example' })).toBe(false);
  });
});
