/**
 * Issue 9: the dashboard page's decoding of the facts pages, in Node, same
 * process, same page texts (the scale organization's 20,000 accounts and
 * 40,000 opportunities as `dashboard_account_facts` sends them, without
 * evidence ids, bench/dashboard-decode/synthetic-pages.ts):
 * - the page's route: each page parsed, each row decoded straight into
 *   assessable facts and checked (dashboard-facts.ts), each opportunity
 *   assessed, as the assembler does while the pages come;
 * - `JSON.parse` alone, the floor of that route.
 * Rounds alternate between the two; figures are process CPU time (user +
 * system, the collector included), so other jobs on the machine weigh less
 * on them than on wall time.
 */
import { loadavg } from 'node:os';
import '../lib/zod-jitless';
import { decodeAccountFactsPage } from '../lib/dashboard-data/decode-page';
import { assessWithContext } from '../lib/pipeline/assess';
import { ruleContext } from '../lib/pipeline/evaluate';
import { defineBenchmark } from './benchmark';
import { syntheticFactsPages } from './dashboard-decode/synthetic-pages';

const ACCOUNTS = 20_000;
const TODAY = '2026-11-22';
const ROUNDS = 7;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function directRoute(pages: readonly string[], ctx: ReturnType<typeof ruleContext>): number {
  let assessed = 0;
  pages.forEach((text, i) => {
    const page = decodeAccountFactsPage(text, i);
    if (!page.ok) throw new Error(page.message);
    for (const row of page.rows) for (const o of row.opportunities) if (assessWithContext(o.facts, ctx)) assessed += 1;
  });
  return assessed;
}

function parseOnly(pages: readonly string[]): number {
  let rows = 0;
  for (const text of pages) rows += (JSON.parse(text) as unknown[]).length;
  return rows;
}

export default defineBenchmark({
  title: 'Dashboard page decoding, in Node (issue 9)',
  async run() {
    const loadAtStart = loadavg()[0]!;
    const pages = syntheticFactsPages(ACCOUNTS, TODAY);
    const megabytes = pages.reduce((sum, p) => sum + p.length, 0) / 1e6;
    const ctx = ruleContext(`${TODAY}T12:00:00Z`, { freshness_days: { goal_current: 90, insight_shared: 90 } });
    const routes = { direct: () => directRoute(pages, ctx), parse: () => parseOnly(pages) };
    const times: Record<keyof typeof routes, number[]> = { direct: [], parse: [] };
    const counts: Record<keyof typeof routes, number> = { direct: 0, parse: 0 };
    for (let round = -1; round < ROUNDS; round += 1) {
      for (const name of Object.keys(routes) as (keyof typeof routes)[]) {
        const start = cpuMs();
        counts[name] = routes[name]();
        if (round >= 0) times[name].push(cpuMs() - start);
      }
    }
    if (counts.direct !== 2 * ACCOUNTS || counts.parse !== ACCOUNTS) throw new Error(`the routes disagree: ${JSON.stringify(counts)}`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const load = `load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (2 cores)`;
    const scale = `${ACCOUNTS.toLocaleString('en')} accounts, ${(2 * ACCOUNTS).toLocaleString('en')} opportunities, ${pages.length} pages, ${megabytes.toFixed(1)} MB`;
    const note = (name: keyof typeof routes) => `process CPU ms, median of ${ROUNDS} rounds alternating with the other row (${times[name].map((t) => t.toFixed(0)).join(', ')}); ${scale}; ${load}`;
    return [
      { name: 'facts pages (dashboard_account_facts) → checked and assessed opportunities (the page\'s route: straight into assessable facts)', value: median(times.direct), unit: 'ms', note: note('direct') },
      { name: 'JSON.parse of the same pages alone (the floor of that route)', value: median(times.parse), unit: 'ms', note: note('parse') },
    ];
  },
});
