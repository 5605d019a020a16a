import { describe, expect, it } from 'vitest';
import { exportStore, importStore } from './export-import';
import { putRecord } from './records';
import { accountInput, goalInput, stakeholderInput } from './testing/inputs';
import { openTestDb } from './testing/test-db';

async function exportedStore() {
  const db = openTestDb();
  const account = accountInput();
  await putRecord(db, 'accounts', account);
  await putRecord(db, 'stakeholders', stakeholderInput(account.id));
  await putRecord(db, 'goals', goalInput(account.id));
  return JSON.parse(JSON.stringify(await exportStore(db))) as Awaited<ReturnType<typeof exportStore>>;
}

async function isEmpty(db: ReturnType<typeof openTestDb>) {
  const exported = await exportStore(db);
  return Object.values(exported.records).every((list) => list.length === 0) && exported.outbox.length === 0;
}

describe('importing an export', () => {
  it('names each rejected record with its reason, and imports nothing', async () => {
    const document = await exportedStore();
    document.records.stakeholders[0] = { ...document.records.stakeholders[0]!, email: 'Dana@ACME.example' } as never;
    document.records.goals[0] = { ...document.records.goals[0]!, account_id: crypto.randomUUID() } as never;
    const target = openTestDb();
    const result = await importStore(target, document);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!result.ok) {
      expect(result.error.issues.map((issue) => issue.path)).toEqual(['records.stakeholders.0.email', 'records.goals.0.account_id']);
    }
    expect(await isEmpty(target)).toBe(true);
  });

  it('refuses a file that is not a Sidecar export, or of a version it cannot read', async () => {
    const document = await exportedStore();
    const target = openTestDb();
    expect(await importStore(target, { ...document, format: 'other-app' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await importStore(target, { ...document, version: 2 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await importStore(target, 'not json at all')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await isEmpty(target)).toBe(true);
  });

  it('refuses a store that already holds records, leaving it as it was', async () => {
    const document = await exportedStore();
    const target = openTestDb();
    const mine = accountInput({ name: 'Mine' });
    await putRecord(target, 'accounts', mine);
    expect(await importStore(target, document)).toMatchObject({ ok: false, error: { code: 'not-empty' } });
    expect((await exportStore(target)).records.accounts).toMatchObject([{ id: mine.id, name: 'Mine' }]);
  });

  it('adopts the exported author, so records written after the move are the same CSM\'s', async () => {
    const document = await exportedStore();
    const target = openTestDb();
    await importStore(target, document);
    const later = accountInput({ name: 'Later' });
    const result = await putRecord(target, 'accounts', later);
    expect(result.ok && result.value.created_by).toBe(document.identity?.author_id);
  });
});
