import type { RecordKind } from '../messaging/record-kinds';
import { specOf } from '../schemas/record-kinds';
import type { SidecarDb } from '../store/db';
import { readIdentity } from '../store/identity';
import { deleteWithDependents } from '../store/records';
import { applyServerDeletion, applyServerRow } from './apply';

type Row = Record<string, unknown>;

/** A pulled change the store will apply: its kind is one the store keeps. */
export interface PulledChange {
  kind: RecordKind;
  id: string;
  deleted: boolean;
  record: Row | null;
}

/**
 * Applies a pulled page in bulk, with the same result as applying its rows
 * one by one in order (`applyServerRow`, `applyServerDeletion`). Call inside
 * a write transaction over `db.allTables`; returns the rows that did not fit.
 *
 * Why it is fast: the page is cut into runs of upserts and runs of
 * deletions. Deletions commute, so a run is one cascade per kind. Upserts of
 * different records commute too, unless one must replace another (a unique
 * clash, or the store's own stage history giving way): the clash checks are
 * a handful of indexed queries per run instead of one per row, and a run with
 * no clash is validated row by row and written with one `bulkPut` per kind.
 * A run with a clash (rare: a local stand-in meeting the server's row) falls
 * back to the row-by-row path, so replacement keeps its exact order.
 */
export async function applyServerPage(db: SidecarDb, changes: PulledChange[]): Promise<string[]> {
  const rejected: string[] = [];
  let start = 0;
  while (start < changes.length) {
    const deleted = changes[start]!.deleted;
    let end = start;
    while (end < changes.length && changes[end]!.deleted === deleted) end += 1;
    const run = changes.slice(start, end);
    if (deleted) await deleteRun(db, run);
    else rejected.push(...(await upsertRun(db, run)));
    start = end;
  }
  return rejected;
}

async function deleteRun(db: SidecarDb, run: PulledChange[]): Promise<void> {
  const byKind = groupBy(run, (change) => change.kind);
  for (const [kind, changes] of byKind) await deleteWithDependents(db, kind, [...new Set(changes.map((change) => change.id))]);
}

async function upsertRun(db: SidecarDb, run: PulledChange[]): Promise<string[]> {
  const rejected: string[] = [];
  const valid = new Map<RecordKind, Row[]>();
  for (const change of run) {
    const { change_xid: _xid, change_seq: _seq, ...row } = change.record ?? {};
    const parsed = specOf(change.kind).schema.safeParse(row);
    if (!parsed.success) {
      rejected.push(`${change.kind} ${String(row.id)}: ${parsed.error.issues[0]?.message ?? 'does not fit its schema'}`);
      continue;
    }
    const rows = valid.get(change.kind) ?? [];
    rows.push(parsed.data as Row);
    valid.set(change.kind, rows);
  }
  for (const [kind, rows] of valid) {
    if (await mayReplaceOthers(db, kind, rows)) return rowByRow(db, run);
  }
  for (const [kind, rows] of valid) await db.table(kind).bulkPut(rows);
  return rejected;
}

/** The exact, slow path: each row as `applyServerRow` would store it alone. */
async function rowByRow(db: SidecarDb, run: PulledChange[]): Promise<string[]> {
  const rejected: string[] = [];
  for (const change of run) {
    if (change.deleted) await applyServerDeletion(db, change.kind, change.id);
    else if (change.record) {
      const problem = await applyServerRow(db, change.kind, change.record, { patchRecognition: false });
      if (problem) rejected.push(problem);
    }
  }
  return rejected;
}

/**
 * Whether storing `rows` would make `applyServerRow` remove another record:
 * a stored or pulled record of another id sharing a unique key, or (stage
 * history) a local entry of the same opportunity written by this store.
 */
async function mayReplaceOthers(db: SidecarDb, kind: RecordKind, rows: Row[]): Promise<boolean> {
  const ids = new Set(rows.map((row) => row.id as string));
  for (const fields of specOf(kind).unique) {
    const keyed = rows.filter((row) => fields.every((field) => row[field] !== null && row[field] !== undefined));
    if (keyed.length === 0) continue;
    const keyOf = (row: Row) => JSON.stringify(fields.map((field) => row[field]));
    const owner = new Map<string, string>();
    for (const row of keyed) {
      const key = keyOf(row);
      const other = owner.get(key);
      if (other !== undefined && other !== row.id) return true;
      owner.set(key, row.id as string);
    }
    const first = fields[0]!;
    const stored = (await db
      .table(kind)
      .where(first)
      .anyOf([...new Set(keyed.map((row) => row[first] as string))])
      .toArray()) as Row[];
    if (stored.some((other) => owner.has(keyOf(other)) && owner.get(keyOf(other)) !== other.id)) return true;
  }
  if (kind === 'opportunity_stage_changes') {
    const identity = await readIdentity(db);
    if (!identity) return false;
    if (rows.some((row) => row.created_by === identity.author_id)) return true;
    const local = await db
      .table(kind)
      .where('opportunity_id')
      .anyOf([...new Set(rows.map((row) => row.opportunity_id as string))])
      .filter((other: Row) => other.created_by === identity.author_id && !ids.has(other.id as string))
      .count();
    if (local > 0) return true;
  }
  return false;
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
