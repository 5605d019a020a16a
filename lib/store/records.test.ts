import { describe, expect, it } from 'vitest';
import { deleteRecord, getRecord, putRecord } from './records';
import { readIdentity } from './identity';
import { pendingOutbox } from './outbox';
import { accountInput, domainInput, goalInput, opportunityInput, stakeholderInput, uuid } from './testing/inputs';
import { openTestDb } from './testing/test-db';
import { allStored, countStored } from './testing/stored';

const at = (iso: string) => () => new Date(iso);

describe('writing records to the local store', () => {
  it('stores a valid record with its stamps and owes its upload in the outbox', async () => {
    const db = openTestDb();
    const input = accountInput({ arr: 120000 });
    const result = await putRecord(db, 'accounts', input, { now: at('2026-11-20T10:00:00.000Z') });
    expect(result.ok).toBe(true);
    const identity = await readIdentity(db);
    const stored = await getRecord(db, 'accounts', input.id);
    expect(stored).toMatchObject({
      id: input.id,
      name: 'Acme Corp',
      arr: 120000,
      notes: null,
      organization_id: null,
      created_by: identity?.author_id,
      created_at: '2026-11-20T10:00:00.000Z',
      updated_at: '2026-11-20T10:00:00.000Z',
    });
    const outbox = await pendingOutbox(db);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ record_kind: 'accounts', record_id: input.id, op: 'upsert', state: 'pending', attempts: 0, payload: stored });
  });

  it('keeps the author and creation time on update, and ignores stamps the writer sends', async () => {
    const db = openTestDb();
    const input = accountInput();
    await putRecord(db, 'accounts', input, { now: at('2026-11-20T10:00:00.000Z') });
    const forged = { ...input, name: 'Acme Inc', created_by: uuid(), created_at: '2020-01-01T00:00:00.000Z', organization_id: uuid() };
    await putRecord(db, 'accounts', forged, { now: at('2026-11-21T10:00:00.000Z') });
    const stored = await getRecord(db, 'accounts', input.id);
    expect(stored).toMatchObject({ name: 'Acme Inc', created_at: '2026-11-20T10:00:00.000Z', updated_at: '2026-11-21T10:00:00.000Z', organization_id: null });
    expect(stored?.created_by).toBe((await readIdentity(db))?.author_id);
    expect(await pendingOutbox(db)).toHaveLength(2);
  });

  it('stores nothing and owes nothing for a write that changes nothing', async () => {
    const db = openTestDb();
    const input = accountInput();
    await putRecord(db, 'accounts', input, { now: at('2026-11-20T10:00:00.000Z') });
    await putRecord(db, 'accounts', input, { now: at('2026-11-22T10:00:00.000Z') });
    expect((await getRecord(db, 'accounts', input.id))?.updated_at).toBe('2026-11-20T10:00:00.000Z');
    expect(await pendingOutbox(db)).toHaveLength(1);
  });

  it.each([
    ['a blank name', { name: '   ' }, 'name'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
    ['a negative ARR', { arr: -1 }, 'arr'],
    ['a malformed renewal day', { renewal_on: '2026-13-01' }, 'renewal_on'],
    ['an unknown field', { nickname: 'ACME' }, ''],
  ])('refuses %s with the field named, and stores nothing', async (_label, change, path) => {
    const db = openTestDb();
    const input = accountInput(change);
    const result = await putRecord(db, 'accounts', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!result.ok) expect(result.error.issues.map((issue) => issue.path)).toContain(path);
    expect(await getRecord(db, 'accounts', input.id)).toBeNull();
    expect(await pendingOutbox(db)).toHaveLength(0);
  });

  it('refuses a record without a UUID id', async () => {
    const db = openTestDb();
    expect(await putRecord(db, 'accounts', { name: 'No id' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await putRecord(db, 'accounts', 'Acme')).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses a reference to a record that does not exist or belongs to another account', async () => {
    const db = openTestDb();
    const acme = accountInput();
    const globex = accountInput({ name: 'Globex' });
    await putRecord(db, 'accounts', acme);
    await putRecord(db, 'accounts', globex);
    expect(await putRecord(db, 'stakeholders', stakeholderInput(uuid()))).toMatchObject({ ok: false, error: { code: 'missing-reference' } });
    const goal = goalInput(acme.id);
    await putRecord(db, 'goals', goal);
    const crossAccount = { id: uuid(), account_id: globex.id, goal_id: goal.id, summary: 'Halved' };
    expect(await putRecord(db, 'outcomes', crossAccount)).toMatchObject({ ok: false, error: { code: 'missing-reference' } });
    expect(await putRecord(db, 'outcomes', { ...crossAccount, account_id: acme.id })).toMatchObject({ ok: true });
  });

  it('refuses a domain another account already has, and a second stakeholder with the same address', async () => {
    const db = openTestDb();
    const acme = accountInput();
    const globex = accountInput({ name: 'Globex' });
    await putRecord(db, 'accounts', acme);
    await putRecord(db, 'accounts', globex);
    expect(await putRecord(db, 'account_domains', domainInput(acme.id, 'acme.example'))).toMatchObject({ ok: true });
    expect(await putRecord(db, 'account_domains', domainInput(globex.id, 'acme.example'))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await putRecord(db, 'stakeholders', stakeholderInput(acme.id))).toMatchObject({ ok: true });
    expect(await putRecord(db, 'stakeholders', stakeholderInput(acme.id))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // The same person may be a stakeholder of another account.
    expect(await putRecord(db, 'stakeholders', stakeholderInput(globex.id))).toMatchObject({ ok: true });
  });

  it('refuses writes to kinds only the workspace or the store write', async () => {
    const db = openTestDb();
    const member = { id: uuid(), user_id: uuid(), role: 'csm' };
    expect(await putRecord(db, 'members', member)).toMatchObject({ ok: false, error: { code: 'read-only' } });
  });

  it('keeps the stage history and the stage clock as the database does', async () => {
    const db = openTestDb();
    const acme = accountInput();
    await putRecord(db, 'accounts', acme);
    const opportunity = opportunityInput(acme.id);
    await putRecord(db, 'opportunities', opportunity, { now: at('2026-11-01T09:00:00.000Z') });
    await putRecord(db, 'opportunities', { ...opportunity, amount: 5000 }, { now: at('2026-11-02T09:00:00.000Z') });
    await putRecord(db, 'opportunities', { ...opportunity, declared_stage: 'align' }, { now: at('2026-11-03T09:00:00.000Z') });
    expect((await getRecord(db, 'opportunities', opportunity.id))?.stage_entered_at).toBe('2026-11-03T09:00:00.000Z');
    const history = (await allStored(db, 'opportunity_stage_changes')).filter((h) => h.opportunity_id === opportunity.id).sort((a, b) => a.changed_at.localeCompare(b.changed_at));
    expect(history.map((h) => [h.stage, h.changed_at])).toEqual([
      ['identify', '2026-11-01T09:00:00.000Z'],
      ['align', '2026-11-03T09:00:00.000Z'],
    ]);
    // Local history owes no upload: the database writes its own.
    expect((await pendingOutbox(db)).map((entry) => entry.record_kind)).not.toContain('opportunity_stage_changes');
  });

  it('deletes a record with everything that references it, and owes one delete', async () => {
    const db = openTestDb();
    const acme = accountInput();
    const globex = accountInput({ name: 'Globex' });
    await putRecord(db, 'accounts', acme);
    await putRecord(db, 'accounts', globex);
    const goal = goalInput(acme.id);
    await putRecord(db, 'goals', goal);
    await putRecord(db, 'outcomes', { id: uuid(), account_id: acme.id, goal_id: goal.id, summary: 'Halved' });
    await putRecord(db, 'account_domains', domainInput(acme.id, 'acme.example'));
    const kept = domainInput(globex.id, 'globex.example');
    await putRecord(db, 'account_domains', kept);
    await putRecord(db, 'opportunities', opportunityInput(acme.id));

    expect(await deleteRecord(db, 'accounts', acme.id)).toEqual({ ok: true, value: { deleted: true } });
    for (const kind of ['goals', 'outcomes', 'opportunities', 'opportunity_stage_changes'] as const) {
      expect(await countStored(db, kind)).toBe(0);
    }
    expect(await allStored(db, 'account_domains')).toMatchObject([{ id: kept.id }]);
    const outbox = await pendingOutbox(db);
    expect(outbox.at(-1)).toMatchObject({ op: 'delete', record_kind: 'accounts', record_id: acme.id, payload: null });
    expect(outbox.filter((entry) => entry.op === 'delete')).toHaveLength(1);
    expect(await deleteRecord(db, 'accounts', acme.id)).toEqual({ ok: true, value: { deleted: false } });
  });
});

describe('the recognition input, kept ready for the panel', () => {
  it('follows creates, changes of address and deletions, including cascades', async () => {
    const { readRecognitionInput } = await import('./reads');
    const db = openTestDb();
    expect(await readRecognitionInput(db)).toEqual({ accounts: [], accountDomains: [], stakeholders: [], ownDomains: [] });
    const acme = accountInput();
    await putRecord(db, 'accounts', acme);
    await putRecord(db, 'account_domains', domainInput(acme.id, 'acme.example'));
    const dana = stakeholderInput(acme.id);
    await putRecord(db, 'stakeholders', dana);
    await putRecord(db, 'stakeholders', stakeholderInput(acme.id, { email: null, name: 'No Address' }));
    expect(await readRecognitionInput(db)).toMatchObject({
      accounts: [{ id: acme.id }],
      accountDomains: [{ domain: 'acme.example' }],
      stakeholders: [{ id: dana.id, email: 'dana@acme.example' }],
    });
    await putRecord(db, 'stakeholders', { ...dana, email: 'dana.reyes@acme.example' });
    expect((await readRecognitionInput(db)).stakeholders.map((s) => s.email)).toEqual(['dana.reyes@acme.example']);
    await deleteRecord(db, 'accounts', acme.id);
    expect(await readRecognitionInput(db)).toEqual({ accounts: [], accountDomains: [], stakeholders: [], ownDomains: [] });
  });
});
