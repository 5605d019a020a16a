/**
 * Issue 9, acceptance 3: the dashboard page of the built Chrome extension on
 * the 20,000-account organization (bench/supabase-scale-data.ts) in
 * PostgreSQL behind the Supabase test double, signed in as one of its CSMs:
 * - cold first meaningful paint (the issue's target): the first open ever,
 *   nothing kept in this browser (the kept read is deleted before each open):
 *   page opened → the workspace's pipeline-by-stage figures visible (the
 *   background reads every table, the facts from `dashboard_account_facts`
 *   (without evidence ids), and hands each page's text to the page over a port
 *   as it arrives, or the page reads them through the worker; the page parses
 *   and validates each page meanwhile, decoding the facts straight into
 *   assessable facts and assessing each facts page's opportunities (40,000
 *   in all), then joins them; the read is kept in
 *   IndexedDB after the paint);
 * - warm: a later open, the last read kept and the server unchanged: page
 *   opened → the kept figures visible, labelled with their time (the page
 *   reads, validates and assesses the kept read), and → the workspace's
 *   figures replacing them;
 * - a filter change (one CSM, then another) → the tables redrawn.
 * `npm run build:chrome` first. The sync's pull is cut off (each attempt fails
 * at once) so the first sync of 700,000 rows does not run during the
 * measurement; in real use it may.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createSidecarDatabase } from '../tests/support/database';
import { startCluster } from '../tests/support/postgres-cluster';
import { startSupabaseDouble } from '../tests/support/supabase-double/server';
import type { Page } from '@playwright/test';
import { backgroundWorker, launchWithExtension } from '../tests/browser/support/extension';
import { signInOnOptionsPage } from '../tests/browser/support/workspace-server';
import { defineBenchmark, type BenchResult } from './benchmark';
import { syntheticOrganizationSql } from './supabase-scale-data';

const OPENS = 5;

/**
 * The cold open, step by step, from marks the page and the background leave
 * (performance.mark): consecutive, so the rows add up to the first paint.
 */
/** A later open, the kept read painted first (page marks only; the background's new read is asked for after it). */
const WARM_TIMELINE: [name: string, from: string, to: string][] = [
  ['page: navigation → bundle runs', 'dashboard:navigation', 'dashboard:script-start'],
  ['page: bundle runs → kept read loaded from IndexedDB', 'dashboard:script-start', 'dashboard:cache-read'],
  ['page: parses, validates and assesses the kept read', 'dashboard:cache-read', 'dashboard:cached-prepared'],
  ['page: computes the views, renders, next frame', 'dashboard:cached-prepared', 'dashboard:painted'],
];

/** Chromium: the background checks the session and grants the read; the page reads the pages itself through the worker (lib/background/workspace-proxy.ts). */
const TIMELINE: [name: string, from: string, to: string][] = [
  ['harness: goto → navigation starts', 'bench:start', 'dashboard:navigation'],
  ['page: navigation → bundle runs', 'dashboard:navigation', 'dashboard:script-start'],
  ['page: bundle runs → opens the stream', 'dashboard:script-start', 'dashboard:ask'],
  ['stream reaches the background', 'dashboard:ask', 'dashboard-bg:asked'],
  ['background: checks the session, grants the read', 'dashboard-bg:asked', 'dashboard-bg:fetch'],
  ['the grant reaches the page (and its app script has loaded)', 'dashboard-bg:fetch', 'dashboard:fetch'],
  ['page: reads every page through the worker (server + network), parsing and validating each (and assessing the opportunities of a facts page) as it arrives', 'dashboard:fetch', 'dashboard:fetched'],
  ['page: decodes (and assesses) the pages still queued when the last one was fetched', 'dashboard:fetched', 'dashboard:received'],
  ['page: joins the tables into the dashboard\'s source, checks what the join adds (each page\'s rows were checked as it came)', 'dashboard:received', 'dashboard:validated'],
  ['page: indexes the input (the opportunities were assessed as their pages came)', 'dashboard:validated', 'dashboard:prepared'],
  ['page: computes the views (first render)', 'dashboard:prepared', 'dashboard:views-computed'],
  ['page: React renders and commits', 'dashboard:views-computed', 'dashboard:rendered'],
  ['page: next frame', 'dashboard:rendered', 'dashboard:painted'],
  ['harness: painted → seen by Playwright', 'dashboard:painted', 'bench:seen'],
];
/** Where the page cannot read through the worker (Firefox, or a page the worker does not control): the background reads and posts each page over the port. */
const PORT_TIMELINE: [name: string, from: string, to: string][] = [
  ...TIMELINE.slice(0, 4),
  ['background: checks the session', 'dashboard-bg:asked', 'dashboard-bg:fetch'],
  ['background: fetches every page (server + network), each posted to the page, which parses and validates it (and assesses the opportunities of a facts page) meanwhile', 'dashboard-bg:fetch', 'dashboard-bg:fetched'],
  ['page: decodes (and assesses) the pages still queued when the last one was fetched', 'dashboard-bg:fetched', 'dashboard:received'],
  ...TIMELINE.slice(8),
];
const FILTER_CHANGES = 11;

/**
 * Records `open` as a Chrome trace (the Performance panel's categories, the
 * garbage collector's and the user timing marks) into `file`, which
 * chrome://tracing or the Performance panel opens.
 */
async function traceColdOpen(page: Page, file: string, open: () => Promise<void>) {
  const cdp = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
        'blink.user_timing', 'loading', 'v8', 'v8.execute', 'disabled-by-default-v8.gc', 'blink', 'navigation', 'browser', 'cc', 'gpu', 'toplevel', 'extensions', 'disabled-by-default-v8.cpu_profiler',
      ],
    },
  });
  try {
    await open();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  await writeFile(file, JSON.stringify({ traceEvents: events }));
}

export default defineBenchmark({
  title: 'Dashboard page at scale (issue 9)',
  async run() {
    const loadAtStart = loadavg()[0]!;
    const cluster = await startCluster();
    const profile = await mkdtemp(join(tmpdir(), 'sidecar-dashboard-bench-'));
    const client = new pg.Client({ host: cluster.host, port: cluster.port, user: cluster.user, database: 'dashboard_scale' });
    let double: Awaited<ReturnType<typeof startSupabaseDouble>> | undefined;
    try {
      await createSidecarDatabase(cluster, 'dashboard_scale', { seed: false });
      await client.connect();
      const loadStart = performance.now();
      await client.query(syntheticOrganizationSql());
      await client.query('analyze');
      const loadSeconds = (performance.now() - loadStart) / 1000;
      const size = (await client.query<{ opportunities: number; accounts: number; facts_mb: number; account_facts_mb: number; dashboard_mb: number }>(
        `select (select count(*)::int from public.opportunities) as opportunities, (select count(*)::int from public.accounts) as accounts,
                (select round(sum(length(facts::text)) / 1e6, 1)::float from public.opportunity_facts) as facts_mb,
                (select round(sum(length(facts::text)) / 1e6, 1)::float from public.account_facts) as account_facts_mb,
                (select round(sum(length(facts::text)) / 1e6, 1)::float from public.dashboard_account_facts) as dashboard_mb`,
      )).rows[0]!;
      double = await startSupabaseDouble({ databaseUrl: cluster.url('dashboard_scale') });

      const context = await launchWithExtension(profile, { headless: true });
      try {
        // The worker's own first pull (the snapshot, then changes) would load the machine while the page is measured.
        for (const pull of ['pull_snapshot', 'pull_changes']) await context.route(`${double.url}/rest/v1/rpc/${pull}`, (route) => route.abort('connectionrefused'));
        await context.route(`${double.url}/**`, (route) => route.fallback());
        const background = await backgroundWorker(context);
        const extensionId = new URL(background.url()).host;
        const options = await context.newPage();
        await signInOnOptionsPage(options, extensionId, double.url, double, 'csm1@vendor.example');
        await options.close();

        const page = await context.newPage();
        const freshness = page.getByTestId('dashboard-freshness');
        // Checked in the page before each frame, and seen once that frame is painted (the task after
        // it, as the page's own `dashboard:painted`). A locator's wait polls every 500 ms after
        // its first few tries, which put up to half a second of the harness's own into the figure.
        // (Text, not a function: tsx would wrap a named function in a helper the page lacks.)
        const figuresShown = () =>
          page.evaluate(`new Promise((resolve, reject) => {
            const deadline = performance.now() + 120000;
            const check = () => {
              if (document.querySelector('[data-testid="pipeline-table"] tbody tr')?.checkVisibility()) return void setTimeout(resolve, 0);
              if (performance.now() > deadline) return reject(new Error('the figures did not show within 2 minutes'));
              requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          })`);
        // What a first open ever finds: no read kept in this browser.
        const forgetKeptRead = () =>
          background.evaluate(
            () =>
              new Promise<void>((resolve, reject) => {
                const request = indexedDB.deleteDatabase('sidecar-dashboard-handoff');
                request.onsuccess = () => resolve();
                request.onerror = () => reject(request.error);
              }),
          );
        const paints: number[] = [];
        const phases: Record<string, number[]> = {};
        // Not on the timeline (they overlap it or follow the paint), reported beside it.
        const overlapped: Record<string, number[]> = {};
        // The page keeps a read it read itself (Chromium); the background one it posted (the port's path).
        const keptReads = () => background.evaluate(() => performance.getEntriesByName('dashboard-bg:kept').length);
        const keptByPage = () => page.evaluate(() => performance.getEntriesByName('dashboard:kept').length > 0);
        const waitForKept = async (keptBefore: number) => {
          for (const deadline = Date.now() + 120_000; !(await keptByPage()) && (await keptReads()) <= keptBefore; ) {
            if (Date.now() > deadline) throw new Error('the read was not kept after the paint');
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        };
        let readByPage = 0;
        for (let i = 0; i < OPENS + 1; i += 1) {
          const keptBefore = await keptReads();
          await forgetKeptRead();
          const start = Date.now();
          await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
          await figuresShown();
          const painted = Date.now();
          if (!/^Figures as of/.test((await freshness.textContent()) ?? '')) throw new Error('a cold open showed kept figures');
          // The read is kept after the paint; the next open waits for it, so the write never runs inside a measurement.
          await waitForKept(keptBefore);
          if (i === 0) continue; // the first open warms the worker, the double and Postgres caches
          paints.push(painted - start);
          // Every mark as epoch ms, page and background alike (one clock), so the rows below add up to the whole open.
          await page.waitForFunction(() => performance.getEntriesByName('dashboard:painted').length > 0);
          const marks: Record<string, number> = await page.evaluate(() => {
            const entries = performance.getEntriesByType('mark').map((m) => [m.name, performance.timeOrigin + m.startTime] as const);
            return { ...Object.fromEntries(entries), 'dashboard:navigation': performance.timeOrigin };
          });
          const direct = marks['dashboard:fetched'] !== undefined;
          readByPage += direct ? 1 : 0;
          // The background's marks of this open (the port's path leaves two more).
          const backgroundMarks = direct ? ['dashboard-bg:asked', 'dashboard-bg:fetch'] : ['dashboard-bg:asked', 'dashboard-bg:fetch', 'dashboard-bg:fetched', 'dashboard-bg:kept'];
          Object.assign(marks, await background.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.timeOrigin + performance.getEntriesByName(n).at(-1)!.startTime])), backgroundMarks));
          marks['bench:start'] = start;
          marks['bench:seen'] = painted;
          (direct ? TIMELINE : PORT_TIMELINE).forEach(([name, from, to]) => (phases[name] ??= []).push(marks[to]! - marks[from]!));
          const fetched = marks[direct ? 'dashboard:fetched' : 'dashboard-bg:fetched']!;
          const decoded = await page.evaluate(() => performance.getEntriesByName('dashboard:page-decoded').map((m) => [m.startTime + performance.timeOrigin, m.duration] as const));
          const before = decoded.filter(([at]) => at <= fetched);
          (overlapped['page: parsing, validating and assessing pages while pages were still being fetched (inside the fetch row)'] ??= []).push(before.reduce((sum, [, d]) => sum + d, 0));
          (overlapped['page: parsing, validating and assessing every page (all of it)'] ??= []).push(decoded.reduce((sum, [, d]) => sum + d, 0));
          (overlapped['pages streamed'] ??= []).push(decoded.length);
          // The app's chunk is requested as the boot script starts, beside the kept-read check and the stream's opening.
          (overlapped['page: loads its app script (React, views; requested when the boot script starts, beside opening the stream)'] ??= []).push(marks['dashboard:app-loaded']! - marks['dashboard:script-start']!);
          const kept = direct ? await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('dashboard:kept')[0]!.startTime) : marks['dashboard-bg:kept']!;
          (overlapped['keeps the read in IndexedDB (the page when it read it, else the background; after the paint, off the timeline)'] ??= []).push(kept - marks['dashboard:painted']!);
        }

        // On demand, one more cold open (not measured) recorded as a Chrome trace, to see where the page's time goes.
        if (process.env.SIDECAR_DASHBOARD_TRACE) {
          await forgetKeptRead();
          const keptBefore = await keptReads();
          await traceColdOpen(page, process.env.SIDECAR_DASHBOARD_TRACE, async () => {
            await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
            await figuresShown();
            await page.waitForFunction(() => performance.getEntriesByName('dashboard:painted').length > 0);
          });
          await waitForKept(keptBefore);
        }

        // Later opens: the read of the previous open is kept, the server unchanged.
        const warmPaints: number[] = [];
        const warmFresh: number[] = [];
        const warmPhases: Record<string, number[]> = {};
        for (let i = 0; i < OPENS; i += 1) {
          const start = Date.now();
          await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
          await freshness.filter({ hasText: /^Figures from/ }).waitFor({ timeout: 120_000 });
          await figuresShown();
          warmPaints.push(Date.now() - start);
          await freshness.filter({ hasText: /^Figures as of [^·]+$/ }).waitFor({ timeout: 120_000 });
          warmFresh.push(Date.now() - start);
          const marks: Record<string, number> = await page.evaluate(() => ({
            ...Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
            'dashboard:navigation': 0,
          }));
          WARM_TIMELINE.forEach(([name, from, to]) => (warmPhases[name] ??= []).push(marks[to]! - marks[from]!));
        }

        // Filter changes, timed in the page: the change event to the redrawn table (React renders a select's change synchronously), then the next frame.
        const members = await page.getByTestId('filters').getByLabel('CSM').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
        const changes: number[] = [];
        for (let i = 0; i < FILTER_CHANGES + 2; i += 1) {
          const ms = await page.evaluate(async (value) => {
            const select = document.querySelector<HTMLSelectElement>('[data-testid="filters"] select')!;
            const before = document.querySelector('[data-testid="pipeline-table"] tbody')?.textContent;
            const start = performance.now();
            select.value = value;
            select.dispatchEvent(new Event('change', { bubbles: true }));
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            const after = document.querySelector('[data-testid="pipeline-table"] tbody')?.textContent;
            if (after === before) throw new Error('the filter changed nothing');
            return performance.now() - start;
          }, members[i % members.length]!);
          if (i >= 2) changes.push(ms);
        }

        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        const load = `load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (2 cores)`;
        const results: BenchResult[] = [
          {
            name: 'cold first meaningful paint (first open ever, nothing kept in this browser): page open → the workspace\'s pipeline-by-stage figures visible',
            value: median(paints),
            unit: 'ms',
            target: 2000,
            issue: 9,
            note: `median of ${OPENS} opens after one warm-up (${paints.join(', ')} ms); the page read the pages itself through the worker in ${readByPage} of ${OPENS} (else over the port); ${size.accounts} accounts, ${size.opportunities} opportunities, ${size.dashboard_mb} MB of dashboard_account_facts JSON read (${size.account_facts_mb} MB as account_facts, ${size.facts_mb} MB as opportunity_facts) (org loaded in ${loadSeconds.toFixed(0)} s); ${load}`,
          },
          ...Object.entries(phases).map(([name, values]) => ({ name: `  of which: ${name}`, value: median(values), unit: 'ms' as const, note: `median of ${values.length}` })),
          ...Object.entries(overlapped).map(([name, values]) => ({
            name: `  beside the timeline: ${name}`,
            value: median(values),
            unit: name === 'pages streamed' ? ('count' as const) : ('ms' as const),
            note: `median of ${values.length}; not added to the rows above`,
          })),
          {
            name: 'warm open (a later open, the last read kept, server unchanged): page open → kept figures visible, labelled "Figures from … · refreshing"',
            value: median(warmPaints),
            unit: 'ms',
            target: 2000,
            issue: 9,
            note: `NOT the cold figure above, which is the issue's target row: the page reads the ${size.dashboard_mb} MB kept in this browser's IndexedDB, validates it again, assesses and paints it, and only then asks the background for a new read; median of ${OPENS} opens (${warmPaints.join(', ')} ms); ${load}`,
          },
          ...Object.entries(warmPhases).map(([name, values]) => ({ name: `  of which: ${name}`, value: median(values), unit: 'ms' as const, note: `median of ${values.length}` })),
          {
            name: 'warm open: page open → the workspace\'s figures replace the kept ones',
            value: median(warmFresh),
            unit: 'ms',
            note: `median of ${OPENS} opens (${warmFresh.join(', ')} ms); the whole workspace is read again; ${load}`,
          },
          {
            name: 'filter change (one CSM, then another) → tables redrawn and next frame',
            value: median(changes),
            unit: 'ms',
            target: 200,
            issue: 9,
            note: `median of ${changes.length} changes in the page (${changes.map((c) => c.toFixed(0)).join(', ')} ms); ${load}`,
          },
        ];
        return results;
      } finally {
        await context.close();
      }
    } finally {
      await client.end().catch(() => undefined);
      await double?.close();
      await cluster.stop();
      await rm(profile, { recursive: true, force: true });
    }
  },
});
