/**
 * The Supabase backend at scale (issue 5): one synthetic organization of
 * 20,000 accounts, 40,000 opportunities and 500,000 evidence records on a
 * throwaway PostgreSQL 15, read the way the extension and dashboard read it
 * (as a signed-in CSM, so row-level security applies):
 * - a delta pull page (`pull_changes`, 500 rows) from the start and from mid-history;
 * - `account_detail` of an account;
 * - the full `opportunity_facts` scan, fetched to the client.
 * Plans are captured with auto_explain (nested statements, so the queries
 * inside the functions are shown) and the indexes they use are reported.
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import pg from 'pg';
import { createSidecarDatabase } from '../tests/support/database';
import { startCluster } from '../tests/support/postgres-cluster';
import { defineBenchmark, type BenchResult } from './benchmark';
import { SYNTHETIC_ORGANIZATION_SQL, syntheticIds } from './supabase-scale-data';

export default defineBenchmark({
  title: 'Supabase backend at scale (20k accounts, 40k opportunities, 500k evidence)',
  async run() {
    const cluster = await startCluster();
    const client = new pg.Client({ host: cluster.host, port: cluster.port, user: cluster.user, database: 'scale' });
    try {
      await createSidecarDatabase(cluster, 'scale', { seed: false });
      await client.connect();
      const loadStart = performance.now();
      await client.query(SYNTHETIC_ORGANIZATION_SQL);
      await client.query('analyze');
      const loadSeconds = (performance.now() - loadStart) / 1000;
      const counts = await client.query<{ accounts: string; opportunities: string; evidence: string }>(EVIDENCE_COUNTS);
      const { accounts, opportunities, evidence } = counts.rows[0]!;
      const dataNote = `${accounts} accounts, ${opportunities} opportunities, ${evidence} evidence records (loaded in ${loadSeconds.toFixed(0)} s)`;

      // Signed in as a CSM for the whole session (row-level security applies);
      // the timings are of the calls themselves, without PostgREST's
      // per-request envelope (begin, set role, set claims, commit).
      await client.query('set role authenticated');
      await client.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: syntheticIds.csm, role: 'authenticated' })]);
      const asCsm = <T>(work: () => Promise<T>): Promise<T> => work();

      const middle = await asCsm(async () => {
        const page = await client.query<{ cursor: string }>('select cursor from public.pull_changes($1, null, 5000) offset 4999 limit 1', [syntheticIds.organization]);
        return page.rows[0]!.cursor;
      });
      // Wall time is what a client waits; with other work on the machine it
      // overstates the cost, so the server process's CPU time is reported too.
      const backend = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      const measure = async (fn: () => Promise<unknown>, samples: number, warmup = 3) => {
        const cpuBefore = await cpuMs(backend);
        const wall = await medianAsync(fn, samples, warmup);
        return { wall, cpu: (await cpuMs(backend)) - cpuBefore, runs: samples + warmup };
      };
      const pullFirst = await measure(() => client.query('select * from public.pull_changes($1, null, 500)', [syntheticIds.organization]), 21);
      const pullMiddle = await measure(() => client.query('select * from public.pull_changes($1, $2, 500)', [syntheticIds.organization, middle]), 21);
      let n = 0;
      const detail = await measure(() => client.query('select public.account_detail($1)', [syntheticIds.account((n = (n + 7919) % 20_000) + 1)]), 51);
      const facts = await measure(() => client.query('select opportunity_id, facts from public.opportunity_facts'), 5, 1);
      const factsRows = (await client.query<{ count: string }>('select count(*) from public.opportunity_facts')).rows[0]!.count;
      const perRun = (m: { cpu: number; runs: number }) => `server CPU ${(m.cpu / m.runs).toFixed(1)} ms per call`;
      const load = `load average ${loadavg()[0]!.toFixed(1)} on this machine`;

      const plans = {
        pull: await indexesUsed(client, asCsm, 'select * from public.pull_changes($1, $2, 500)', [syntheticIds.organization, middle]),
        detail: await indexesUsed(client, asCsm, 'select public.account_detail($1)', [syntheticIds.account(4242)]),
        facts: await indexesUsed(client, asCsm, 'select opportunity_id, facts from public.opportunity_facts', []),
      };

      const results: BenchResult[] = [
        { name: 'delta pull page (500 rows, from mid-history)', value: pullMiddle.wall, unit: 'ms', target: 20, issue: 5,
          note: `median of 21 calls as a CSM (RLS on), without the PostgREST envelope; ${perRun(pullMiddle)}; ${load}; ${dataNote}; indexes: ${plans.pull}` },
        { name: 'delta pull page (500 rows, first page)', value: pullFirst.wall, unit: 'ms', target: 20, issue: 5, note: `median of 21; ${perRun(pullFirst)}; same plan` },
        { name: 'account detail', value: detail.wall, unit: 'ms', target: 20, issue: 5,
          note: `median of 51 accounts (~25 evidence records each); ${perRun(detail)}; indexes: ${plans.detail}` },
        { name: 'full opportunity_facts scan', value: facts.wall, unit: 'ms', target: 1000, issue: 5,
          note: `${factsRows} rows fetched to the client, median of 5; ${perRun(facts)}; plan: ${plans.facts}` },
      ];
      return results;
    } finally {
      await client.end().catch(() => undefined);
      await cluster.stop();
    }
  },
});

const EVIDENCE_COUNTS = `
  select (select count(*) from public.accounts) as accounts,
         (select count(*) from public.opportunities) as opportunities,
         (select (select count(*) from public.goals) + (select count(*) from public.outcomes) + (select count(*) from public.use_cases)
               + (select count(*) from public.business_cases) + (select count(*) from public.intent_signals) + (select count(*) from public.insights)
               + (select count(*) from public.meetings) + (select count(*) from public.communication_steps) + (select count(*) from public.close_records)) as evidence`;

/** CPU time (user + system) the server process has used so far, in ms (Linux /proc, 10 ms ticks). */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function medianAsync(fn: () => Promise<unknown>, samples: number, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Runs `sql` once with auto_explain logging every nested statement's plan to
 * this session, and summarises the scans: the indexes used, and any
 * sequential scan with its table.
 */
async function indexesUsed(
  client: pg.Client,
  asCsm: <T>(work: () => Promise<T>) => Promise<T>,
  sql: string,
  params: unknown[],
): Promise<string> {
  const plans: string[] = [];
  const listener = (message: { message?: string }) => {
    if (message.message?.includes('duration:')) plans.push(message.message);
  };
  await client.query('reset role');
  await client.query(`load 'auto_explain'`);
  await client.query(`set auto_explain.log_min_duration = 0`);
  await client.query(`set auto_explain.log_nested_statements = on`);
  await client.query(`set client_min_messages = log`);
  await client.query('set role authenticated');
  client.on('notice', listener);
  try {
    await asCsm(() => client.query(sql, params));
  } finally {
    client.off('notice', listener);
    await client.query('reset role');
    await client.query(`set client_min_messages = notice`);
    await client.query(`set auto_explain.log_min_duration = -1`);
    await client.query('set role authenticated');
  }
  const text = plans.join('\n');
  const indexes = new Set([...text.matchAll(/(?:Index Scan|Index Only Scan) using (\w+)|Bitmap Index Scan on (\w+)/g)].map((m) => m[1] ?? m[2]));
  const seqScans = new Set([...text.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]));
  const parts = [indexes.size ? [...indexes].sort().join(', ') : 'no index'];
  if (seqScans.size) parts.push(`seq scans: ${[...seqScans].sort().join(', ')}`);
  return parts.join('; ');
}
