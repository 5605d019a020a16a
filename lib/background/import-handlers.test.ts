import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ImportReport } from '../import/plan-types';
import type { SidecarDb } from '../store/db';
import { putRecord } from '../store/records';
import { openTestDb } from '../store/testing/test-db';
import { writeWorkspaceLink } from '../store/workspace-link';
import { importHandlers } from './import-handlers';
import { addStored, allStored, countStored } from '../store/testing/stored';

const ORG = '00000000-0000-4000-8000-00000000000a';
const ADMIN = '00000000-0000-4000-8000-0000000000a1';
const sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/admin.html' };

/** Just enough of supabase-js for the role check: `from('members').select().eq().eq().limit()`. */
function clientWithRole(role: string): SupabaseClient {
  const chain = { select: () => chain, eq: () => chain, limit: async () => ({ data: [{ role }], error: null }) };
  return { from: () => chain } as unknown as SupabaseClient;
}

let db: SidecarDb;
let role: string;
const handlers = () =>
  importHandlers(
    () => db,
    async () => ({ ok: true, value: { client: clientWithRole(role), organizationId: ORG, userId: ADMIN } }),
  );

const FILE = ['name,domains,owner_email,arr', 'Acme,acme.com,ann@vendor.example,100', 'Globex,globex.com,,', 'Globex twin,GLOBEX.com,,'].join('\n');

async function plan(csv = FILE): Promise<ImportReport> {
  const answer = await handlers()['admin.import-plan']({ type: 'admin.import-plan', kind: 'accounts', csv }, sender);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = openTestDb();
  role = 'admin';
  await writeWorkspaceLink(db, { organization_id: ORG, user_id: ADMIN, email: 'admin@vendor.example', connected_at: '2026-11-01T09:00:00.000Z', solo_uploaded_at: null });
  await addStored(db, 'members', [{
    id: '00000000-0000-4000-8000-0000000000c1',
    organization_id: ORG,
    created_by: ADMIN,
    created_at: '2026-11-01T09:00:00.000Z',
    updated_at: '2026-11-01T09:00:00.000Z',
    user_id: '00000000-0000-4000-8000-0000000000b1',
    email: 'ann@vendor.example',
    display_name: 'Ann',
    role: 'csm',
  }]);
});

describe('the import, as the background runs it', () => {
  it('writes nothing on the dry run, then writes exactly the planned rows through the outbox, and a second import finds nothing to do', async () => {
    const report = await plan();
    expect(report.counts).toEqual({ create: 2, update: 0, unchanged: 0, rejected: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect(await countStored(db, 'accounts')).toBe(0);

    const applied = await handlers()['admin.import-apply']({ type: 'admin.import-apply', kind: 'accounts', csv: FILE, digest: report.digest }, sender);
    expect(applied).toMatchObject({ ok: true, value: { created: 2, updated: 0, uploaded: 0, waiting: 4, sync_error: expect.stringContaining('Not sent yet') } });
    const accounts = (await allStored(db, 'accounts')).sort((a, b) => a.name.localeCompare(b.name));
    expect(accounts.map((a) => [a.name, a.organization_id, a.owner_id, a.arr])).toEqual([
      ['Acme', ORG, '00000000-0000-4000-8000-0000000000b1', 100],
      ['Globex', ORG, null, null],
    ]);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.record_kind, e.op])).toEqual([
      ['accounts', 'upsert'],
      ['account_domains', 'upsert'],
      ['accounts', 'upsert'],
      ['account_domains', 'upsert'],
    ]);

    expect((await plan()).counts).toEqual({ create: 0, update: 0, unchanged: 2, rejected: 1 });
  });

  it('refuses to write when the records changed after the dry run, and writes nothing', async () => {
    const report = await plan();
    await putRecord(db, 'accounts', { id: '00000000-0000-4000-8000-0000000000d1', name: 'Acme' });
    await putRecord(db, 'account_domains', { id: '00000000-0000-4000-8000-0000000000d2', account_id: '00000000-0000-4000-8000-0000000000d1', domain: 'acme.com' });
    const before = await db.outbox.count();
    const applied = await handlers()['admin.import-apply']({ type: 'admin.import-apply', kind: 'accounts', csv: FILE, digest: report.digest }, sender);
    expect(applied).toMatchObject({ ok: false, error: { code: 'changed' } });
    expect(await db.outbox.count()).toBe(before);
    expect(await countStored(db, 'accounts')).toBe(1);
  });

  it('answers an unreadable file with its reason, for the file field', async () => {
    const answer = await handlers()['admin.import-plan']({ type: 'admin.import-plan', kind: 'accounts', csv: 'company\nAcme' }, sender);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'unreadable', message: 'Unknown column "company". The columns are: name, domains, owner_email, arr, renewal_date.', field: 'file', server_code: null },
    });
  });

  it('is for admins only', async () => {
    role = 'csm';
    const answer = await handlers()['admin.import-plan']({ type: 'admin.import-plan', kind: 'accounts', csv: FILE }, sender);
    expect(answer).toMatchObject({ ok: false, error: { code: 'refused', message: 'Only an admin can import records from a file.' } });
  });
});
