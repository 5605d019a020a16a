/**
 * Where the built extension's worker spends its time during the first pull:
 * a CPU profile of the service worker target over CDP (puppeteer-core
 * attached to the Chromium that bench/sync/browser-pull.ts drives), summed by
 * function and by the part of the code it belongs to, plus the CPU of each
 * Chromium process (the browser process runs IndexedDB's backend). A
 * measurement to decide what to change, not a benchmark.
 *
 * `SIDECAR_UNMINIFIED=1 npm run build:chrome` first (function names), then
 * `NODE_OPTIONS=--experimental-websocket npx tsx bench/sync/profile-browser-pull.ts [accounts]`.
 */
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import pg from 'pg';
import puppeteer, { type CDPSession } from 'puppeteer-core';
import { createSidecarDatabase } from '../../tests/support/database';
import { startCluster } from '../../tests/support/postgres-cluster';
import { startSupabaseDouble } from '../../tests/support/supabase-double/server';
import { syntheticOrganizationSql } from '../supabase-scale-data';
import { measureBrowserFirstPull } from './browser-pull';
import { chromiumCpuByType, describeCpuByType } from './process-cpu';

const ACCOUNTS = Number(process.argv[2] ?? 2000);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The part of the code a function belongs to, by the names in the unminified bundle. */
const PARTS: [string, RegExp][] = [
  ['zod', /zod|^_?(parse|safeParse|_parse|run|check|_zod)|\$ZodType|inst\._zod|shape|handleProperty|handleObject/i],
  ['dexie', /dexie|Dexie|Promise(Reject|Resolve)?|DexiePromise|usePSD|newScope|switchToZone|physicalTick|beginMicroTickScope|endMicroTickScope/],
  ['apply-page', /applyServerPage|applyRowByRow|mayReplaceOthers|replacesOthers|storedWithAnyOf|groupBy/],
  ['recognition-cache', /recognition/i],
  ['pull', /pullChanges|ChangePage|fetchPage|prefetch/],
  ['supabase/fetch', /fetch|json|Postgrest|supabase/i],
];

async function main(): Promise<void> {
  const cluster = await startCluster();
  const client = new pg.Client({ host: cluster.host, port: cluster.port, user: cluster.user, database: 'sync_profile' });
  try {
    await createSidecarDatabase(cluster, 'sync_profile', { seed: false });
    await client.connect();
    await client.query(syntheticOrganizationSql(ACCOUNTS));
    await client.query('analyze');
    const double = await startSupabaseDouble({ databaseUrl: cluster.url('sync_profile') });
    const port = await freePort();
    let profile: Profile | undefined;
    const perProcessBefore: Record<string, number> = {};
    const perProcessAfter: Record<string, number> = {};
    try {
      const load = loadavg()[0]!;
      const result = await measureBrowserFirstPull(double, 'csm1@vendor.example', {
        args: [`--remote-debugging-port=${port}`],
        async start() {
          const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
          const target = await browser.waitForTarget((t) => t.type() === 'service_worker');
          const session: CDPSession = await target.createCDPSession();
          await session.send('Profiler.enable');
          await session.send('Profiler.setSamplingInterval', { interval: 500 });
          await session.send('Profiler.start');
          Object.assign(perProcessBefore, await chromiumCpuByType(`--remote-debugging-port=${port}`));
          return async () => {
            Object.assign(perProcessAfter, await chromiumCpuByType(`--remote-debugging-port=${port}`));
            profile = (await session.send('Profiler.stop')).profile as unknown as Profile;
            await browser.disconnect();
          };
        },
      });
      console.log(`pull of ${Object.values(result.stored).reduce((a, b) => a + b, 0)} rows: ${result.seconds.toFixed(1)} s, ${result.pages} pages, Chromium CPU ${result.browserCpuSeconds.toFixed(1)} s; load ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
      console.log(`Chromium CPU by process while profiling (s): ${describeCpuByType(perProcessBefore, perProcessAfter)}`);
      if (profile) summarise(profile);
    } finally {
      await double.close();
    }
  } finally {
    await client.end().catch(() => undefined);
    await cluster.stop();
  }
}

function summarise(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const parts = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const node = byId.get(id)!;
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    // The part: the nearest frame (self first, then callers) that names one.
    let part = ['(idle)', '(program)', '(garbage collector)'].includes(node.callFrame.functionName) ? node.callFrame.functionName : 'other';
    for (let at: number | undefined = id; at !== undefined && part === 'other'; at = parent.get(at)) {
      const fn = byId.get(at)!.callFrame.functionName;
      const hit = PARTS.find(([, pattern]) => pattern.test(fn));
      if (hit) part = hit[0];
    }
    parts.set(part, (parts.get(part) ?? 0) + ms);
  });
  console.log(`worker profile: ${(total / 1000).toFixed(1)} s sampled`);
  for (const [part, ms] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`  ${part.padEnd(22)} ${(ms / 1000).toFixed(2)} s  ${((100 * ms) / total).toFixed(1)}%`);
  console.log('top functions (self time):');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${(ms / 1000).toFixed(2)} s  ${name}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

await main();
