/**
 * Runs inside a plain Chromium page (bundled by bench/local-store.bench.ts):
 * fills a real IndexedDB through lib/store's Dexie layout, then times the
 * recognition input read, each time on a freshly opened connection, as a
 * service worker that just woke would.
 */
import { SidecarDb } from '../../lib/store/db';
import { readRecognitionInput } from '../../lib/store/reads';
import { addStored } from '../../lib/store/testing/stored';

const AUTHOR = '0b0e4a6e-0000-4000-8000-000000000001';
const STAMP = '2026-11-01T09:00:00.000Z';
const meta = (id: string) => ({ id, organization_id: null, created_by: AUTHOR, created_at: STAMP, updated_at: STAMP });

async function seed(counts: { accounts: number; domains: number; stakeholders: number }): Promise<void> {
  const db = new SidecarDb('bench');
  await db.delete();
  await db.open();
  const accountIds = Array.from({ length: counts.accounts }, () => crypto.randomUUID());
  await addStored(
    db,
    'accounts',
    accountIds.map((id, i) => ({ ...meta(id), name: `Account ${i}`, owner_id: null, arr: 50_000 + i, renewal_on: '2027-03-31', notes: null })),
  );
  await addStored(
    db,
    'account_domains',
    Array.from({ length: counts.domains }, (_, i) => ({ ...meta(crypto.randomUUID()), account_id: accountIds[i % accountIds.length]!, domain: `d${i}.example.com` })),
  );
  await addStored(
    db,
    'stakeholders',
    Array.from({ length: counts.stakeholders }, (_, i) => ({
      ...meta(crypto.randomUUID()),
      account_id: accountIds[i % accountIds.length]!,
      name: `Person ${i}`,
      email: `person${i}@d${i % counts.domains}.example.com`,
      title: 'Director of Operations',
      roles: ['influencer'] as ('influencer')[],
      position: 'supporter' as const,
      influence: 'medium' as const,
      belief_needed: null,
      notes: null,
    })),
  );
  await addStored(db, 'organization_domains', [{ ...meta(crypto.randomUUID()), domain: 'vendor.example' }]);
  db.close();
}

async function load(samples: number): Promise<{ times: number[]; counts: number[] }> {
  const times: number[] = [];
  let counts: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const db = new SidecarDb('bench');
    const start = performance.now();
    const input = await readRecognitionInput(db);
    times.push(performance.now() - start);
    counts = [input.accounts.length, input.accountDomains.length, input.stakeholders.length];
    db.close();
  }
  return { times, counts };
}

(globalThis as Record<string, unknown>).sidecarBench = { seed, load };

