/**
 * Issue 9: the dashboard page's decoding of the facts pages, in Node, same
 * process, same page texts (the scale organization's 20,000 accounts and
 * 40,000 opportunities, bench/dashboard-decode/synthetic-pages.ts, ~40 MB):
 * - the page's route: each page parsed, each compact row decoded straight
 *   into prepared facts and checked (compact-facts.ts), each opportunity
 *   assessed, as the assembler does while the pages come;
 * - the named route it replaced, kept as the reference the direct one is
 *   held to: each row decoded into named `AccountFactsRow` objects
 *   (`AccountFactsWire.decode`), joined into `OpportunityFacts`, prepared
 *   (`createFactsPreparer`), assessed;
 * - `JSON.parse` alone, the floor both share.
 * Rounds alternate between the routes; figures are process CPU time (user +
 * system, the collector included), so other jobs on the machine weigh less
 * on them than on wall time.
 */
import { loadavg } from 'node:os';
import '../lib/zod-jitless';
import { AccountFactsWire, opportunityFactsOf } from '../lib/dashboard-data/account-facts';
import { decodeAccountFactsPage } from '../lib/dashboard-data/decode-page';
import { assessWithContext } from '../lib/pipeline/assess';
import { ruleContext } from '../lib/pipeline/evaluate';
import { createFactsPreparer } from '../lib/pipeline/prepared-facts';
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

function namedRoute(pages: readonly string[], ctx: ReturnType<typeof ruleContext>): number {
  let assessed = 0;
  for (const text of pages) {
    const prepare = createFactsPreparer();
    for (const item of JSON.parse(text) as { facts: unknown }[]) {
      const row = AccountFactsWire.decode(item.facts);
      if (!row.ok) throw new Error(row.message);
      for (const { facts } of opportunityFactsOf(row.value)) if (assessWithContext(prepare(facts), ctx)) assessed += 1;
    }
  }
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
    const routes = { direct: () => directRoute(pages, ctx), named: () => namedRoute(pages, ctx), parse: () => parseOnly(pages) };
    const times: Record<keyof typeof routes, number[]> = { direct: [], named: [], parse: [] };
    const counts: Record<keyof typeof routes, number> = { direct: 0, named: 0, parse: 0 };
    for (let round = -1; round < ROUNDS; round += 1) {
      for (const name of Object.keys(routes) as (keyof typeof routes)[]) {
        const start = cpuMs();
        counts[name] = routes[name]();
        if (round >= 0) times[name].push(cpuMs() - start);
      }
    }
    if (counts.direct !== counts.named || counts.direct !== 2 * ACCOUNTS || counts.parse !== ACCOUNTS) throw new Error(`the routes disagree: ${JSON.stringify(counts)}`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const load = `load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (2 cores)`;
    const scale = `${ACCOUNTS.toLocaleString('en')} accounts, ${(2 * ACCOUNTS).toLocaleString('en')} opportunities, ${pages.length} pages, ${megabytes.toFixed(1)} MB`;
    const note = (name: keyof typeof routes) => `process CPU ms, median of ${ROUNDS} rounds alternating with the other routes (${times[name].map((t) => t.toFixed(0)).join(', ')}); ${scale}; ${load}`;
    return [
      { name: 'facts pages → checked, prepared and assessed opportunities (the page\'s route: straight into prepared facts)', value: median(times.direct), unit: 'ms', note: note('direct') },
      { name: 'the same through named records (the route it replaced: named rows, joined, prepared, assessed)', value: median(times.named), unit: 'ms', note: note('named') },
      { name: 'JSON.parse of the same pages alone (shared by both)', value: median(times.parse), unit: 'ms', note: note('parse') },
    ];
  },
});
