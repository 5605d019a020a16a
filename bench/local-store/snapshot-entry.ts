/**
 * Runs inside a plain Chromium page (bundled by bench/snapshot-store.bench.ts):
 * the scale organization's records made in memory, then written by the
 * snapshot writer into real IndexedDB, then one stakeholder saved at a time.
 */
import { SidecarDb } from '../../lib/store/db';
import { putRecord } from '../../lib/store/records';
import { finishSnapshot, newSnapshotProgress, writeSnapshotPart } from '../../lib/store/snapshot-writer';
import { ORGANIZATION, scaleParts } from './scale-records';

async function run(accounts: number, saves: number): Promise<{ rows: number; writeMs: number; finishMs: number; saveTimes: number[] }> {
  const { parts, rows, accountIds } = scaleParts(accounts);
  const db = new SidecarDb('snapshot-bench');
  await db.delete();
  await db.open();
  const start = performance.now();
  const progress = newSnapshotProgress();
  for (const part of parts) await writeSnapshotPart(db, part, progress);
  const partsDone = performance.now();
  await finishSnapshot(db, ORGANIZATION, 'bench-cursor', progress);
  const writeMs = performance.now() - start;
  const saveTimes: number[] = [];
  for (let i = 0; i < saves; i += 1) {
    const account = accountIds[(i * 7919) % accountIds.length]!;
    const saveStart = performance.now();
    const saved = await putRecord(db, 'stakeholders', { id: crypto.randomUUID(), account_id: account, name: `New person ${i}`, email: `new${i}@customer.example` });
    saveTimes.push(performance.now() - saveStart);
    if (!saved.ok) throw new Error(saved.error.message);
  }
  db.close();
  return { rows, writeMs, finishMs: writeMs - (partsDone - start), saveTimes };
}

(globalThis as Record<string, unknown>).snapshotBench = { run };
