/**
 * Runs inside a plain Chromium page (bundled by bench/snapshot-store.bench.ts):
 * the scale organization's records made a part at a time, each written by the
 * snapshot writer into real IndexedDB, then one stakeholder saved at a time.
 */
import { SidecarDb } from '../../lib/store/db';
import { putRecord } from '../../lib/store/records';
import { scaleParts, writeScaleSnapshot } from './scale-records';

async function run(accounts: number, saves: number): Promise<{ rows: number; writeMs: number; finishMs: number; saveTimes: number[] }> {
  const parts = scaleParts(accounts);
  const { rows, accountIds } = parts;
  const db = new SidecarDb('snapshot-bench');
  await db.delete();
  await db.open();
  const { partsMs, finishMs } = await writeScaleSnapshot(db, parts);
  const writeMs = partsMs + finishMs;
  const saveTimes: number[] = [];
  for (let i = 0; i < saves; i += 1) {
    const account = accountIds[(i * 7919) % accountIds.length]!;
    const saveStart = performance.now();
    const saved = await putRecord(db, 'stakeholders', { id: crypto.randomUUID(), account_id: account, name: `New person ${i}`, email: `new${i}@customer.example` });
    saveTimes.push(performance.now() - saveStart);
    if (!saved.ok) throw new Error(saved.error.message);
  }
  db.close();
  return { rows, writeMs, finishMs, saveTimes };
}

(globalThis as Record<string, unknown>).snapshotBench = { run };
