import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from '@playwright/test';
import { RECORD_KINDS } from '../../lib/messaging/record-kinds';
import type { SupabaseDouble } from '../../tests/support/supabase-double/server';
import { backgroundWorker, launchWithExtension } from '../../tests/browser/support/extension';
import { signInOnOptionsPage } from '../../tests/browser/support/workspace-server';
import { cpuSecondsOf } from './process-cpu';

/**
 * The first pull on the product's own path: the built Chrome extension's
 * service worker (real Chromium IndexedDB under Dexie, zod jitless as the
 * extension's CSP requires) pulling the organization from the Supabase test
 * double after a CSM signs in on the options page. `npm run build:chrome`
 * first.
 *
 * Timed from the first pull request the worker sends (`pull_snapshot`: the
 * store has no cursor yet) to the moment its sync status records a finished
 * run (polled every 100 ms in the worker).
 */
export interface BrowserPull {
  seconds: number;
  /** `pull_snapshot` calls (parts of the first pull). */
  snapshotCalls: number;
  /** `pull_changes` calls (the delta pages after the snapshot's cursor). */
  pages: number;
  /** Records per kind in the worker's store once the run finished. */
  stored: Record<string, number>;
  /** CPU seconds of Chromium's processes from before the sign-in to the end of the run (the options page's share is small). */
  browserCpuSeconds: number;
}

/**
 * `observe`, for measurements beside the timing (bench/sync/profile-browser-pull.ts):
 * extra Chromium flags, and a hook started once the worker runs, whose
 * returned function is called when the run has finished.
 */
export interface PullObserver {
  args: string[];
  start(): Promise<() => Promise<void>>;
}

export async function measureBrowserFirstPull(double: SupabaseDouble, email: string, observe?: PullObserver): Promise<BrowserPull> {
  const profile = await mkdtemp(join(tmpdir(), 'sidecar-sync-bench-'));
  const context = await launchWithExtension(profile, { headless: true, args: observe?.args ?? [] });
  try {
    let firstPullAt: number | null = null;
    let snapshotCalls = 0;
    let pages = 0;
    // Only POSTs count: the worker's fetches also send CORS preflights.
    context.on('request', (request) => {
      if (request.method() !== 'POST') return;
      const snapshot = request.url().endsWith('/rest/v1/rpc/pull_snapshot');
      if (!snapshot && !request.url().endsWith('/rest/v1/rpc/pull_changes')) return;
      firstPullAt ??= performance.now();
      if (snapshot) snapshotCalls += 1;
      else pages += 1;
    });
    const worker = await backgroundWorker(context);
    const extensionId = new URL(worker.url()).host;
    const stopObserving = await observe?.start();
    const cpuBefore = await cpuSecondsOf(profile);
    const options = await context.newPage();
    await signInOnOptionsPage(options, extensionId, double.url, double, email, { awaitSignedIn: false });

    await waitForFinishedRun(worker, 1_200_000);
    const finishedAt = performance.now();
    await stopObserving?.();
    await options.close();
    const cpuAfter = await cpuSecondsOf(profile);
    if (firstPullAt === null) throw new Error('the worker finished a run without pulling');
    const stored = await storedCounts(worker);
    return { seconds: (finishedAt - firstPullAt) / 1000, snapshotCalls, pages, stored, browserCpuSeconds: cpuAfter - cpuBefore };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Polls the worker's store until `sync.status` has a finished run (or a failure, which throws). */
async function waitForFinishedRun(worker: Worker, timeoutMs: number): Promise<void> {
  // No named functions inside: tsx would wrap them in a helper the worker lacks.
  const outcome = await worker.evaluate(async (timeout) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sidecar-store');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        const status = await new Promise<{ last_sync_at: string | null; last_error: string | null } | undefined>((resolve, reject) => {
          const request = db.transaction('meta').objectStore('meta').get('sync.status');
          request.onsuccess = () => resolve((request.result as { value?: { last_sync_at: string | null; last_error: string | null } } | undefined)?.value);
          request.onerror = () => reject(request.error);
        });
        if (status?.last_sync_at) return { ok: true, error: status.last_error };
        if (status?.last_error) return { ok: false, error: status.last_error };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { ok: false, error: 'timed out waiting for the first sync' };
    } finally {
      db.close();
    }
  }, timeoutMs);
  if (!outcome.ok) throw new Error(`the worker's first sync failed: ${outcome.error}`);
  if (outcome.error) throw new Error(`the worker's first sync rejected rows: ${outcome.error}`);
}

/**
 * Records per kind in the worker's store, read straight from IndexedDB after
 * the run (not timed): the organization's own kinds from their tables, the
 * account-scoped kinds from the `account_buckets` values (lib/store/account-buckets.ts:
 * `{ bucket, json }`, json = `{ [accountId]: { [kind]: record[] } }`).
 */
async function storedCounts(worker: Worker): Promise<Record<string, number>> {
  return worker.evaluate(async (kinds) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sidecar-store');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const counts: Record<string, number> = Object.fromEntries(kinds.map((kind) => [kind, 0]));
      for (const kind of kinds) {
        if (!db.objectStoreNames.contains(kind)) continue;
        counts[kind] = await new Promise<number>((resolve, reject) => {
          const request = db.transaction(kind).objectStore(kind).count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      const buckets = await new Promise<{ json: string }[]>((resolve, reject) => {
        const request = db.transaction('account_buckets').objectStore('account_buckets').getAll();
        request.onsuccess = () => resolve(request.result as { json: string }[]);
        request.onerror = () => reject(request.error);
      });
      for (const row of buckets) {
        for (const entry of Object.values(JSON.parse(row.json) as Record<string, Record<string, unknown[]>>)) {
          for (const [kind, records] of Object.entries(entry)) counts[kind] = (counts[kind] ?? 0) + records.length;
        }
      }
      return counts;
    } finally {
      db.close();
    }
  }, [...RECORD_KINDS]);
}
