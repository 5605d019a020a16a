/**
 * Issue 9: the CSV import at its limit. A 5,000-row accounts file (the
 * stated maximum) is read and planned against an organization of 20,000
 * accounts (the scale organization of the dashboard benchmark), then the
 * planned writes go into a local store in one transaction, as confirming does
 * (fake-indexeddb in Node: slower than a browser's IndexedDB, so pessimistic).
 * No target in the issue; the figures say how long an admin waits.
 */
import 'fake-indexeddb/auto';
import { defineBenchmark, medianMs } from './benchmark';
import { planImport } from '../lib/import/plan-import';
import { MAX_ROWS } from '../lib/import/csv';
import { aBasis, anAccount, csvOf, sequentialIds } from '../lib/import/testing/import-factory';
import type { ImportBasis } from '../lib/import/plan-types';
import { openTestDb } from '../lib/store/testing/test-db';
import { putRecord } from '../lib/store/records';
import { RecordSession } from '../lib/store/record-session';

const STORED = 20_000;

function organization(): ImportBasis {
  // Random ids, as the organization's accounts have (the factory's sequential ones would all share one account bucket).
  const accounts = Array.from({ length: STORED }, (_, i) => anAccount({ id: crypto.randomUUID(), name: `Stored ${i}`, arr: 1000 + i }));
  return aBasis({ accounts, account_domains: accounts.map((a, i) => ({ account_id: a.id, domain: `stored-${i}.example` })) });
}

/** Half the rows update stored accounts (new ARR), half create new ones; every tenth row has a problem. */
function file(): string {
  const rows = Array.from({ length: MAX_ROWS }, (_, i) => {
    if (i % 10 === 9) return [`Bad ${i}`, 'not-a-domain', '', '12k', ''];
    return i % 2 === 0 ? [`Stored ${i}`, `stored-${i}.example`, '', String(5000 + i), '2027-06-30'] : [`New ${i}`, `new-${i}.example, new-${i}.example.org`, 'dana@vendor.example', '', ''];
  });
  return csvOf(['name', 'domains', 'owner_email', 'arr', 'renewal_date'], rows);
}

export default defineBenchmark({
  title: 'CSV import',
  async run() {
    const basis = organization();
    const text = file();
    const plan = () => {
      const planned = planImport('accounts', text, basis, sequentialIds());
      if (!planned.ok) throw new Error(planned.message);
      return planned.plan;
    };
    const planMs = medianMs(plan, 11, 2);
    // The writes carry new ids as the background makes them (import-handlers.ts: random UUIDs, spread
    // over the store's account buckets), not the planning figure's sequential ones (all in one bucket).
    const planned = planImport('accounts', text, basis, () => crypto.randomUUID());
    if (!planned.ok) throw new Error(planned.message);
    const { writes, report } = planned.plan;

    const db = openTestDb();
    const start = performance.now();
    await db.transaction('rw', db.allTables, async () => {
      // As the background writes a confirmed import (lib/background/import-handlers.ts): one session for every write.
      const session = new RecordSession(db);
      for (const write of writes) {
        if (write.kind !== 'accounts') continue;
        const saved = await putRecord(db, 'accounts', write.account, { session });
        if (!saved.ok) throw new Error(saved.error.message);
        for (const domain of write.domains) await putRecord(db, 'account_domains', domain, { session });
      }
      await session.flush();
    });
    const writeMs = performance.now() - start;
    const note = `${MAX_ROWS} rows (${report.counts.create} create, ${report.counts.update} update, ${report.counts.rejected} rejected) against ${STORED.toLocaleString('en')} accounts`;
    return [
      { name: 'read and plan a 5,000-row accounts file', value: Math.round(planMs), unit: 'ms', issue: 9, note: `median of 11; ${note}` },
      { name: 'write the planned rows to the local store (one transaction)', value: Math.round(writeMs), unit: 'ms', issue: 9, note: `once, fake-indexeddb in Node; ${writes.length} records with ${writes.reduce((n, w) => n + (w.kind === 'accounts' ? w.domains.length : 0), 0)} domains, into an empty store` },
    ];
  },
});
