import { describe, expect, it } from 'vitest';
import { readRecognitionInput } from '../store/reads';
import { putRecord } from '../store/records';
import { accountInput } from '../store/testing/inputs';
import { openTestDb } from '../store/testing/test-db';
import { afterExtensionInstalled } from './extension-update';

/** A store whose cached keys were derived by other rules than today's, as after an update. */
async function storeWithStaleKeys() {
  const db = openTestDb();
  const acme = accountInput({ name: 'Acme Ltd' });
  await putRecord(db, 'accounts', acme);
  await readRecognitionInput(db);
  const bucket = `recognition:${parseInt(acme.id.slice(-2), 16) % 16}`;
  await db.meta.put({ key: bucket, value: JSON.stringify({ a: [[acme.id, 'Acme Ltd', ['older rules']]], d: [], s: [], o: [] }) });
  return db;
}

describe('after the extension is installed or updated', () => {
  it('derives every recognition key again after an update', async () => {
    const db = await storeWithStaleKeys();
    await afterExtensionInstalled({ reason: 'update' }, () => db);
    expect((await readRecognitionInput(db)).accounts[0]?.nameKeys).toEqual(['acme ltd', 'acme']);
  });

  it('keeps the cache when only the browser was updated', async () => {
    const db = await storeWithStaleKeys();
    await afterExtensionInstalled({ reason: 'browser_update' }, () => db);
    expect((await readRecognitionInput(db)).accounts[0]?.nameKeys).toEqual(['older rules']);
  });
});
