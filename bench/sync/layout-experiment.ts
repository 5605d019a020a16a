/**
 * Step 1 of issue 7's pull work: what IndexedDB in this machine's Chromium
 * costs for the scale organization's rows in different layouts, with no
 * Dexie, validation or sync around it. Not a benchmark of the product: a
 * measurement to choose the store's layout.
 * `npx tsx bench/sync/layout-experiment.ts [accounts] [modes,...]` (modes:
 * layout-experiment-page.ts `LayoutMode`). The per-process split counts the
 * browser process (IndexedDB's backend) apart from the renderer.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumCpuByType, cpuSecondsOf, describeCpuByType } from './process-cpu';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const accounts = Number(process.argv[2] ?? 20_000);
const modes = (process.argv[3] ?? 'per-account,per-account-kind,per-row').split(',');
const bundle = await build({ entryPoints: [resolve(import.meta.dirname, 'layout-experiment-page.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
const script = bundle.outputFiles[0]!.text;
const server = createServer((request, response) => {
  if (request.url === '/x.js') return response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/x.js"></script>');
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const profile = await mkdtemp(join(tmpdir(), 'layout-exp-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  for (const mode of modes) {
    const load = loadavg()[0]!;
    const cpu = await cpuSecondsOf(profile);
    const split = await chromiumCpuByType(profile);
    const result = await page.evaluate(([m, n]) => (globalThis as unknown as { layoutExperiment: { run(mode: string, accounts: number): Promise<{ ms: number; rows: number; records: number; readMs?: number; rewriteMs?: number }> } }).layoutExperiment.run(m, n), [mode, accounts] as const);
    const used = (await cpuSecondsOf(profile)) - cpu;
    const bySplit = describeCpuByType(split, await chromiumCpuByType(profile));
    console.log(`${mode}: ${(result.ms / 1000).toFixed(1)} s for ${result.rows} rows in ${result.records} records; Chromium CPU ${used.toFixed(1)} s (${bySplit}); load ${load.toFixed(1)}→${loadavg()[0]!.toFixed(1)}${result.readMs === undefined ? '' : `; one record: read ${result.readMs.toFixed(1)} ms, read + change + rewrite ${result.rewriteMs!.toFixed(1)} ms`}`);
  }
} finally {
  await context.close();
  server.close();
  if (process.env.KEEP) console.log(profile); else await rm(profile, { recursive: true, force: true });
}

