/**
 * Issue 7, acceptance 5, the store's part: the first pull's records written
 * by the snapshot writer (lib/store/snapshot-writer.ts) in parts of 8 account
 * buckets (the first pull, lib/sync/first-pull.ts, calls it with 16 after
 * decoding each `pull_snapshot` response), then one stakeholder saved into the filled store
 * (the panel's write), in Node with fake-indexeddb (slower than a browser's
 * IndexedDB for many small values, comparable for large ones). The records
 * are made in memory first (bench/local-store/scale-records.ts), not timed;
 * the server's part and the decoding are not in these figures.
 */
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { recordKinds } from '../lib/schemas/record-kinds';
import { readRecognitionInput } from '../lib/store/reads';
import { putRecord } from '../lib/store/records';
import { openTestDb } from '../lib/store/testing/test-db';
import { defineBenchmark } from './benchmark';
import { scaleParts, writeScaleSnapshot } from './local-store/scale-records';

const ACCOUNTS = Number(process.env.SIDECAR_SNAPSHOT_ACCOUNTS ?? 20_000);
const SAVES = 21;
const CHROMIUM = process.env.SIDECAR_CHROMIUM ?? '/usr/bin/chromium';

type ChromiumRun = { rows: number; writeMs: number; finishMs: number; saveTimes: number[] };

/** The same, in real IndexedDB: lib/store bundled into a page served on 127.0.0.1 in headless Chromium. */
async function inChromium(): Promise<ChromiumRun & { load: number }> {
  const bundle = await build({ entryPoints: [resolve(import.meta.dirname, 'local-store/snapshot-entry.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') return response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/bench.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const load = loadavg()[0]!;
    const result = await page.evaluate(
      ([accounts, saves]) => (globalThis as unknown as { snapshotBench: { run(a: number, s: number): Promise<ChromiumRun> } }).snapshotBench.run(accounts, saves),
      [ACCOUNTS, SAVES] as const,
    );
    return { ...result, load };
  } finally {
    await browser.close();
    server.close();
  }
}

export default defineBenchmark({
  title: 'Snapshot writer (issue 7)',
  async run() {
    const parts = scaleParts(ACCOUNTS);
    const { rows, accountIds } = parts;
    // The writer trusts the decoder's records: check that these are what the schemas give.
    for (const [kind, list] of Object.entries(parts.part(0))) for (const record of list!.slice(0, 50)) recordKinds[kind as keyof typeof recordKinds].schema.parse(record);
    const db = openTestDb();
    const load = loadavg()[0]!;
    const cpu = process.cpuUsage();
    const { partsMs, finishMs, progress } = await writeScaleSnapshot(db, parts);
    const writeMs = partsMs + finishMs;
    const used = process.cpuUsage(cpu);
    const written = Object.values(progress.counts).reduce((sum, n) => sum + n, 0);
    if (written !== rows) throw new Error(`wrote ${written} records, made ${rows}`);

    const recognitionStart = performance.now();
    const input = await readRecognitionInput(db);
    const recognitionMs = performance.now() - recognitionStart;
    if (input.accounts.length !== ACCOUNTS) throw new Error(`recognition input has ${input.accounts.length} accounts`);

    const times: number[] = [];
    for (let i = 0; i < SAVES; i += 1) {
      const account = accountIds[(i * 7919) % accountIds.length]!;
      const saveStart = performance.now();
      const saved = await putRecord(db, 'stakeholders', { id: crypto.randomUUID(), account_id: account, name: `New person ${i}`, email: `new${i}@customer.example` });
      times.push(performance.now() - saveStart);
      if (!saved.ok) throw new Error(saved.error.message);
    }
    times.sort((a, b) => a - b);
    const browser = await inChromium();
    const saves = [...browser.saveTimes].sort((a, b) => a - b);
    const browserNote = `${browser.rows.toLocaleString('en')} records, real IndexedDB in headless Chromium (${CHROMIUM}), each part made in the page between the timed writes; load average ${browser.load.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (2 cores)`;
    const note = `${rows.toLocaleString('en')} records of ${ACCOUNTS.toLocaleString('en')} accounts, ${parts.partCount} parts of ${parts.bucketsPerPart} buckets, fake-indexeddb in Node; load average ${load.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (2 cores)`;
    return [
      { name: 'write the first pull as a snapshot (parts + finish), Node', value: Math.round(writeMs), unit: 'ms', issue: 7, note: `${note}; parts ${Math.round(partsMs)} ms, finish (index + cursor) ${Math.round(writeMs - partsMs)} ms; CPU of the whole run, making the parts included, ${((used.user + used.system) / 1e6).toFixed(1)} s` },
      { name: 'first recognition read after the snapshot (cache rebuilt from the buckets), Node', value: Math.round(recognitionMs), unit: 'ms', issue: 7, note },
      { name: 'save one new stakeholder into the filled store, Node', value: Math.round(times[Math.floor(times.length / 2)]!), unit: 'ms', issue: 7, note: `median of ${SAVES} (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)} ms), each into another account; ${note}` },
      { name: 'write the first pull as a snapshot (parts + finish), Chromium', value: Math.round(browser.writeMs), unit: 'ms', issue: 7, note: `${browserNote}; finish (index + cursor) ${Math.round(browser.finishMs)} ms` },
      { name: 'save one new stakeholder into the filled store, Chromium', value: Math.round(saves[Math.floor(saves.length / 2)]!), unit: 'ms', issue: 7, note: `median of ${SAVES} (min ${saves[0]!.toFixed(0)}, max ${saves.at(-1)!.toFixed(0)} ms); ${browserNote}` },
    ];
  },
});
