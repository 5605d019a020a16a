import type { Locator } from '@playwright/test';
import pg from 'pg';
import { DASHBOARD_FACTS_RELATION } from '../../lib/dashboard-data/account-facts';
import { HANDOFF_LAYOUT } from '../../lib/dashboard-data/handoff';
import { SEED_ORGANIZATION } from '../support/sync-workspace';
import { backgroundWorker, expect, launchWithExtension } from './support/extension';
import { GOOGLE_EMAIL, signInOnOptionsPage, workspaceTest as test } from './support/workspace-server';

/**
 * Issue 9: a later open of the dashboard paints at once from the last read
 * kept in this browser, says so with its time, and replaces it with the
 * workspace's figures when they arrive; a read kept by an older version (of
 * another layout) is not shown, nor is any error: the open reads afresh;
 * signing out leaves nothing to show. The workspace's facts answer is held
 * back until the test has seen what the page shows meanwhile, so nothing
 * here depends on timing.
 */
const STAGE_LABEL: Record<string, string> = { identify: 'Identify', align: 'Align', advocate: 'Advocate', intent: 'Intent', net_revenue_close: 'Net Revenue Close' };

/** Open opportunities per declared stage label, from SQL over the seed (never lib/dashboard). */
async function declaredCounts(pool: pg.Pool): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ stage: string; n: number }>(
    `select declared_stage as stage, count(*)::int as n from public.opportunities where organization_id = $1 and status = 'open' group by 1`,
    [SEED_ORGANIZATION],
  );
  const counts: Record<string, string> = Object.fromEntries(Object.values(STAGE_LABEL).map((label) => [label, '0']));
  for (const row of rows) counts[STAGE_LABEL[row.stage]!] = String(row.n);
  return counts;
}

async function declaredColumn(table: Locator): Promise<Record<string, string>> {
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
  return Object.fromEntries(rows.filter((cells) => cells[0] !== 'Complete').map((cells) => [cells[0]!, cells[1]!]));
}

test('a second open shows the kept figures, labelled, then the workspace’s new ones; sign-out clears them', async ({ server, profile }) => {
  test.setTimeout(90_000);
  const pool = new pg.Pool({ connectionString: server.cluster.url(server.database), max: 2 });
  const context = await launchWithExtension(profile, { headless: true });
  // One open opportunity moves from its declared stage to another, then back at the end.
  const moved = (
    await pool.query<{ id: string; stage: string }>(
      `select id, declared_stage as stage from public.opportunities where organization_id = $1 and status = 'open' and declared_stage <> 'identify' order by id limit 1`,
      [SEED_ORGANIZATION],
    )
  ).rows[0]!;
  try {
    let releaseFacts: () => void = () => undefined;
    let holdFacts = false;
    let factsHeld = new Promise<void>((resolve) => (releaseFacts = resolve));
    // Resolves when a held facts request has come (the page has asked the workspace).
    let factsAsked: () => void = () => undefined;
    let factsCame = new Promise<void>((resolve) => (factsAsked = resolve));
    await context.route(`${server.double.url}/**`, async (route) => {
      if (holdFacts && new URL(route.request().url()).pathname.endsWith(`/rest/v1/${DASHBOARD_FACTS_RELATION}`)) {
        factsAsked();
        await factsHeld;
      }
      await route.continue();
    });
    const extensionId = new URL((await backgroundWorker(context)).url()).host;
    const options = await context.newPage();
    await signInOnOptionsPage(options, extensionId, server.double.url, server.double, GOOGLE_EMAIL);

    // First open: nothing kept yet, the workspace's figures as read now.
    const before = await declaredCounts(pool);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await expect(page.getByTestId('dashboard-freshness')).toHaveText(/^Figures as of [^·]+$/, { timeout: 20_000 });
    expect(await declaredColumn(page.getByTestId('pipeline-table'))).toEqual(before);
    await page.close();

    // The workspace changes; the next open shows the kept figures first, labelled as such.
    await pool.query(`update public.opportunities set declared_stage = 'identify' where id = $1`, [moved.id]);
    const after = await declaredCounts(pool);
    expect(after).not.toEqual(before);
    holdFacts = true;
    const again = await context.newPage();
    await again.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await expect(again.getByTestId('dashboard-freshness')).toHaveText(/^Figures from .+ · refreshing$/, { timeout: 20_000 });
    expect(await declaredColumn(again.getByTestId('pipeline-table'))).toEqual(before);

    // The workspace answers: its new figures replace the kept ones.
    releaseFacts();
    await expect(again.getByTestId('dashboard-freshness')).toHaveText(/^Figures as of [^·]+$/, { timeout: 20_000 });
    expect(await declaredColumn(again.getByTestId('pipeline-table'))).toEqual(after);

    // A read kept by an older version (its layout is not this version's): never shown, no error, read afresh.
    await again.evaluate(async (layout) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('sidecar-dashboard-handoff');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const table = db.transaction('handoffs', 'readwrite').objectStore('handoffs');
      await new Promise<void>((resolve, reject) => {
        const all = table.getAll();
        all.onsuccess = () => {
          for (const kept of all.result as { layout: number }[]) table.put({ ...kept, layout });
          table.transaction.oncomplete = () => resolve();
        };
        all.onerror = () => reject(all.error);
      });
      db.close();
    }, HANDOFF_LAYOUT - 1);
    factsHeld = new Promise<void>((resolve) => (releaseFacts = resolve));
    factsCame = new Promise<void>((resolve) => (factsAsked = resolve));
    const older = await context.newPage();
    await older.goto(`chrome-extension://${extensionId}/dashboard.html`);
    // The page asked the workspace before painting anything kept: nothing kept was painted, nothing went wrong.
    await factsCame;
    await expect(older.getByTestId('dashboard-loading')).toBeVisible();
    await expect(older.getByTestId('dashboard-freshness')).toHaveCount(0);
    await expect(older.getByTestId('dashboard-error')).toHaveCount(0);
    releaseFacts();
    await expect(older.getByTestId('dashboard-freshness')).toHaveText(/^Figures as of [^·]+$/, { timeout: 20_000 });
    expect(await declaredColumn(older.getByTestId('pipeline-table'))).toEqual(after);
    await older.close();
    holdFacts = false;

    // Signing out clears the kept read: the dashboard then shows this browser's own (empty) pipeline and nothing of Brightpath.
    expect(await again.evaluate(() => chrome.runtime.sendMessage({ type: 'auth.sign-out', confirm: true }))).toMatchObject({ ok: true, value: { signed_out: true } });
    await again.reload();
    await expect(again.getByTestId('dashboard-organization')).toHaveText('Your own pipeline (this browser only)', { timeout: 20_000 });
    await expect(again.getByTestId('dashboard-freshness')).toHaveText(/^Figures as of [^·]+$/);
    await expect(again.locator('body')).not.toContainText('Brightpath');
  } finally {
    await pool.query(`update public.opportunities set declared_stage = $2 where id = $1`, [moved.id, moved.stage]).catch(() => undefined);
    await pool.end();
    await context.close();
  }
});
