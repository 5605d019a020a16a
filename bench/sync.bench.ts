/**
 * The sync engine at scale (issue 7), in Node against the Supabase test
 * double on PostgreSQL 15, the local store on fake-indexeddb (not a real
 * browser's IndexedDB: figures for the engine's own cost, labelled so):
 * - the first pull of the scale organization of bench/supabase-scale.bench.ts
 *   into an empty store (pages of 5,000, each applied in bulk while the next
 *   is fetched);
 * - the push of 1,000 queued writes (stakeholders), one RPC each (the API has
 *   no batch write), up to 8 in flight for different accounts, with the
 *   recognition cache built first, as the panel has it.
 * The double and the local store share this process and the machine's cores
 * with PostgreSQL: the figures include the server's own time.
 * `SIDECAR_SYNC_BENCH_ACCOUNTS` shrinks the organization proportionally.
 */
import { IDBFactory } from 'fake-indexeddb';
import { loadavg } from 'node:os';
import pg from 'pg';
import { readRecognitionRows } from '../lib/store/recognition-cache';
import { putRecord } from '../lib/store/records';
import { openTestDb } from '../lib/store/testing/test-db';
import { writeWorkspaceLink } from '../lib/store/workspace-link';
import { pullChanges } from '../lib/sync/pull';
import { pushOutbox } from '../lib/sync/push';
import { supabaseRemote } from '../lib/sync/remote';
import { createSidecarDatabase } from '../tests/support/database';
import { startCluster } from '../tests/support/postgres-cluster';
import { startSupabaseDouble } from '../tests/support/supabase-double/server';
import { signInWithCode } from '../tests/support/sync-workspace';
import { defineBenchmark, type BenchResult } from './benchmark';
import { syntheticIds, syntheticOrganizationSql } from './supabase-scale-data';

const ACCOUNTS = Number(process.env.SIDECAR_SYNC_BENCH_ACCOUNTS ?? 20_000);

export default defineBenchmark({
  title: `Sync engine: first pull and push (${ACCOUNTS.toLocaleString('en')} accounts; fake-indexeddb in Node)`,
  async run() {
    const cluster = await startCluster();
    const client = new pg.Client({ host: cluster.host, port: cluster.port, user: cluster.user, database: 'sync_scale' });
    try {
      await createSidecarDatabase(cluster, 'sync_scale', { seed: false });
      await client.connect();
      const loadStart = performance.now();
      await client.query(syntheticOrganizationSql(ACCOUNTS));
      await client.query('analyze');
      const loadS = (performance.now() - loadStart) / 1000;
      const double = await startSupabaseDouble({ databaseUrl: cluster.url('sync_scale') });
      try {
        const supabase = await signInWithCode(double, double.url, 'csm1@vendor.example');
        const remote = supabaseRemote(supabase);
        const db = openTestDb(new IDBFactory());
        await writeWorkspaceLink(db, { organization_id: syntheticIds.organization, user_id: syntheticIds.csm, email: 'csm1@vendor.example', connected_at: new Date().toISOString(), solo_uploaded_at: null });

        const pullStart = performance.now();
        const pulled = await pullChanges(db, remote, { organizationId: syntheticIds.organization, pageSize: 5000 });
        const pullMs = performance.now() - pullStart;
        if (!pulled.done || pulled.rejected.length > 0) throw new Error(`pull failed: ${JSON.stringify(pulled).slice(0, 300)}`);

        const cacheStart = performance.now();
        const recognition = await db.transaction('rw', db.allTables, () => readRecognitionRows(db));
        const cacheS = (performance.now() - cacheStart) / 1000;
        for (let i = 0; i < 1000; i += 1) {
          const put = await putRecord(db, 'stakeholders', { id: crypto.randomUUID(), account_id: syntheticIds.account(1 + (i % ACCOUNTS)), name: `Bench person ${i}` });
          if (!put.ok) throw new Error(put.error.message);
        }
        const pushStart = performance.now();
        const pushed = await pushOutbox(db, remote, { organizationId: syntheticIds.organization });
        const pushMs = performance.now() - pushStart;
        if (!pushed.done || pushed.sent !== 1000) throw new Error(`push failed: ${JSON.stringify(pushed)}`);

        return [
          { name: 'first pull into an empty store', value: pullMs / 1000, unit: 's', target: 10, issue: 7, note: `${pulled.applied.toLocaleString('en')} rows (org loaded in ${loadS.toFixed(0)} s), pages of 5,000 over HTTP to the double; each row validated, each page applied in bulk in one transaction while the next is fetched; load average ${loadavg()[0]!.toFixed(1)}` },
          { name: 'push 1,000 queued writes', value: pushMs / 1000, unit: 's', target: 5, issue: 7, note: `save_stakeholder one RPC each, up to 8 in flight (different accounts), answers settled in groups; recognition cache built first (${recognition.stakeholders.length.toLocaleString('en')} stakeholders, ${cacheS.toFixed(1)} s) and patched per group; load average ${loadavg()[0]!.toFixed(1)}` },
        ] satisfies BenchResult[];
      } finally {
        await double.close();
      }
    } finally {
      await client.end().catch(() => undefined);
      await cluster.stop();
    }
  },
});
