/**
 * The sync engine at scale (issue 7), against the Supabase test double on
 * PostgreSQL 15:
 * - the first pull on the product's path: the built Chrome extension's
 *   service worker, real IndexedDB, signed in on the options page
 *   (bench/sync/browser-pull.ts; `npm run build:chrome` first);
 * then in Node, the local store on fake-indexeddb (a pure-JS test double of
 * IndexedDB, far slower than a browser's: figures for the engine's own cost,
 * labelled so):
 * - the first pull of the scale organization of bench/supabase-scale.bench.ts
 *   into an empty store (the snapshot in parts of BUCKETS_PER_CALL account buckets, each
 *   written in one transaction while the next is fetched and decoded, then
 *   the changes since its cursor);
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
import { RECORD_KINDS } from '../lib/messaging/record-kinds';
import { readRecognitionRows } from '../lib/store/recognition-cache';
import { putRecord } from '../lib/store/records';
import { openTestDb } from '../lib/store/testing/test-db';
import { writeWorkspaceLink } from '../lib/store/workspace-link';
import { BUCKETS_PER_CALL } from '../lib/sync/first-pull';
import { pullChanges } from '../lib/sync/pull';
import { pushOutbox } from '../lib/sync/push';
import { supabaseRemote } from '../lib/sync/remote';
import { createSidecarDatabase } from '../tests/support/database';
import { startCluster } from '../tests/support/postgres-cluster';
import { startSupabaseDouble } from '../tests/support/supabase-double/server';
import { signInWithCode } from '../tests/support/sync-workspace';
import { defineBenchmark, type BenchResult } from './benchmark';
import { measureBrowserFirstPull } from './sync/browser-pull';
import { cpuSecondsOf, nodeCpuSeconds } from './sync/process-cpu';
import { syntheticIds, syntheticOrganizationSql } from './supabase-scale-data';
import { countStored } from '../lib/store/testing/stored';
import type { RecordKind } from '../lib/messaging/record-kinds';

const ACCOUNTS = Number(process.env.SIDECAR_SYNC_BENCH_ACCOUNTS ?? 20_000);

export default defineBenchmark({
  title: `Sync engine: first pull and push (${ACCOUNTS.toLocaleString('en')} accounts)`,
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
      const serverCounts = await countsByKind(client);
      const double = await startSupabaseDouble({ databaseUrl: cluster.url('sync_scale') });
      try {
        const browserLoad = loadavg()[0]!;
        const browserCpu = await cpuMeter(cluster.dataDir);
        const browser = await measureBrowserFirstPull(double, 'csm1@vendor.example');
        const browserCpuNote = await browserCpu(`Chromium ${browser.browserCpuSeconds.toFixed(1)} s`);
        const missing = Object.entries(serverCounts).filter(([kind, count]) => browser.stored[kind] !== count);
        if (missing.length > 0) throw new Error(`the browser's store does not hold every row: ${missing.map(([kind, count]) => `${kind} ${browser.stored[kind]} of ${count}`).join(', ')}`);
        const browserRows = Object.values(browser.stored).reduce((sum, count) => sum + count, 0);

        const supabase = await signInWithCode(double, double.url, 'csm1@vendor.example');
        const remote = supabaseRemote(supabase);
        const db = openTestDb(new IDBFactory());
        await writeWorkspaceLink(db, { organization_id: syntheticIds.organization, user_id: syntheticIds.csm, email: 'csm1@vendor.example', connected_at: new Date().toISOString(), solo_uploaded_at: null });

        const pullLoad = loadavg()[0]!;
        const pullCpu = await cpuMeter(cluster.dataDir);
        const pullStart = performance.now();
        const pulled = await pullChanges(db, remote, { organizationId: syntheticIds.organization, pageSize: 5000 });
        const pullMs = performance.now() - pullStart;
        const pullCpuNote = await pullCpu();
        if (!pulled.done || pulled.rejected.length > 0) throw new Error(`pull failed: ${JSON.stringify(pulled).slice(0, 300)}`);
        const nodeCounts = Object.fromEntries(await Promise.all(Object.keys(serverCounts).map(async (kind) => [kind, await countStored(db, kind as RecordKind)] as const)));
        const nodeMissing = Object.entries(serverCounts).filter(([kind, count]) => nodeCounts[kind] !== count);
        if (nodeMissing.length > 0) throw new Error(`the Node store does not hold every row: ${nodeMissing.map(([kind, count]) => `${kind} ${nodeCounts[kind]} of ${count}`).join(', ')}`);

        const cacheStart = performance.now();
        const recognition = await db.transaction('rw', db.allTables, () => readRecognitionRows(db));
        const cacheS = (performance.now() - cacheStart) / 1000;
        for (let i = 0; i < 1000; i += 1) {
          const put = await putRecord(db, 'stakeholders', { id: crypto.randomUUID(), account_id: syntheticIds.account(1 + (i % ACCOUNTS)), name: `Bench person ${i}` });
          if (!put.ok) throw new Error(put.error.message);
        }
        const pushLoad = loadavg()[0]!;
        const pushCpu = await cpuMeter(cluster.dataDir);
        const pushStart = performance.now();
        const pushed = await pushOutbox(db, remote, { organizationId: syntheticIds.organization });
        const pushMs = performance.now() - pushStart;
        const pushCpuNote = await pushCpu();
        if (!pushed.done || pushed.sent !== 1000) throw new Error(`push failed: ${JSON.stringify(pushed)}`);

        return [
          {
            name: 'first pull into an empty store (extension in Chromium)',
            value: browser.seconds,
            unit: 's',
            target: 10,
            issue: 7,
            note: `the built extension's service worker after sign-in, first pull request → sync status finished; ${browserRows.toLocaleString('en')} records stored (every row of the organization, checked per kind), ${browser.snapshotCalls} pull_snapshot calls of ${BUCKETS_PER_CALL} account buckets, then ${browser.pages} pull_changes call(s) from its cursor; ${browserCpuNote}; load average ${browserLoad.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (2 cores)`,
          },
          { name: 'first pull into an empty store (engine in Node, fake-indexeddb)', value: pullMs / 1000, unit: 's', target: 10, issue: 7, note: `${pulled.applied.toLocaleString('en')} rows (org loaded in ${loadS.toFixed(0)} s), pull_snapshot in ${256 / BUCKETS_PER_CALL} parts of ${BUCKETS_PER_CALL} account buckets over HTTP to the double, each row decoded and validated (positional form), each part written in one transaction while the next is fetched and decoded, then pull_changes from its cursor; ${pullCpuNote}; load average ${pullLoad.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (2 cores)` },
          { name: 'push 1,000 queued writes (engine in Node, fake-indexeddb)', value: pushMs / 1000, unit: 's', target: 5, issue: 7, note: `save_stakeholder one RPC each, up to 8 in flight (different accounts), each answered entry taken out of the outbox, in groups (the server's versions of the records come with the pull that follows); recognition cache built first (${recognition.stakeholders.length.toLocaleString('en')} stakeholders, ${cacheS.toFixed(1)} s), as the panel has it; ${pushCpuNote}; load average ${pushLoad.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (2 cores)` },
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

/** Rows per record kind in the database (the benchmark's database holds the synthetic organization only). */
async function countsByKind(client: pg.Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const kind of RECORD_KINDS) counts[kind] = (await client.query<{ n: number }>(`select count(*)::int as n from public.${kind}`)).rows[0]!.n;
  return counts;
}

/**
 * Starts counting CPU time; the returned function describes what was used
 * since: this Node process (the engine and the double) and PostgreSQL, plus
 * any `more` the caller measured itself.
 */
async function cpuMeter(dataDir: string): Promise<(more?: string) => Promise<string>> {
  const node = nodeCpuSeconds();
  const postgres = await cpuSecondsOf(dataDir);
  return async (more) => {
    const used = [`Node process (double, driver, engine) ${(nodeCpuSeconds() - node).toFixed(1)} s`, `PostgreSQL ${((await cpuSecondsOf(dataDir)) - postgres).toFixed(1)} s`];
    return `CPU: ${[...(more ? [more] : []), ...used].join(', ')}`;
  };
}
