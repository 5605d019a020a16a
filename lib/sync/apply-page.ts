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

/** A pulled change checked by its kind's schema: the parsed record, or why it does not fit. */
export interface CheckedChange extends PulledChange {
  /** Why the record does not fit its kind's schema (`record` is then as pulled); null when it fits or is a deletion. */
  problem: string | null;
}

/**
 * Checks each pulled upsert with its kind's schema, as `applyServerRow`
 * does, without touching the store: the pull checks a page while the
 * previous page's transaction is still being written (pull.ts). A record
 * that fits is replaced by the schema's output.
 */
export function checkChanges(changes: PulledChange[]): CheckedChange[] {
  return changes.map((change) => {
    if (change.deleted) return { ...change, problem: null };
    const { change_xid: _xid, change_seq: _seq, ...row } = change.record ?? {};
    const parsed = specOf(change.kind).schema.safeParse(row);
    if (parsed.success) return { ...change, record: parsed.data as Row, problem: null };
    return { ...change, problem: `${change.kind} ${String(row.id)}: ${parsed.error.issues[0]?.message ?? 'does not fit its schema'}` };
  });
}

/**
 * Applies a pulled page in bulk, with the same result as applying its rows
 * one by one in order (`applyServerRow`, `applyServerDeletion`), provided
 * `mayReplaceOthers` said no. The changes come from `checkChanges`. Call
 * inside a write transaction over `db.allTables`; returns the rows that did
 * not fit.
 *
 * Why it is fast: the page is cut into runs of upserts and runs of
 * deletions. Deletions commute, so a run is one cascade per kind. Upserts of
 * different records commute too when none replaces another (no unique clash,
 * no local stage history giving way): a run is written with one `bulkPut`
 * per kind.
 */
export async function applyServerPage(db: SidecarDb, changes: CheckedChange[]): Promise<string[]> {
  const rejected: string[] = [];
  let start = 0;
  while (start < changes.length) {
    const deleted = changes[start]!.deleted;
    let end = start;
    while (end < changes.length && changes[end]!.deleted === deleted) end += 1;
    const run = changes.slice(start, end);
    if (deleted) {
      for (const [kind, group] of groupBy(run, (change) => change.kind)) await deleteWithDependents(db, kind, [...new Set(group.map((change) => change.id))]);
    } else {
      const valid = new Map<RecordKind, Row[]>();
      for (const change of run) {
        if (change.problem !== null) rejected.push(change.problem);
        else if (valid.has(change.kind)) valid.get(change.kind)!.push(change.record!);
        else valid.set(change.kind, [change.record!]);
      }
      for (const [kind, rows] of valid) await db.table(kind).bulkPut(rows);
    }
    start = end;
  }
  return rejected;
}

/**
 * Whether applying the page's upserts one by one would remove another
 * record: a stored record sharing a unique key with a pulled one under
 * another id, two pulled records sharing one, or (stage history) a local
 * entry of a pulled opportunity written by this store. Checked against the
 * store before the page, so it errs towards `true`; the caller then applies
 * the page row by row (rare: a local stand-in meeting the server's row).
 * A handful of indexed queries per page, instead of one per row.
 */
export async function mayReplaceOthers(db: SidecarDb, changes: PulledChange[]): Promise<boolean> {
  const byKind = groupBy(
    changes.filter((change) => !change.deleted && change.record),
    (change) => change.kind,
  );
  for (const [kind, group] of byKind) {
    if (specOf(kind).unique.length === 0 && kind !== 'opportunity_stage_changes') continue;
    const rows = group.map((change) => change.record!);
    if (await replacesOthers(db, kind, rows)) return true;
  }
  return false;
}

/**
 * The exact path, as the pull applied every page before: each change as
 * `applyServerRow` / `applyServerDeletion` store it alone, in order.
 *
 * Call it after a read in the same transaction (the pull reads the outbox and
 * `mayReplaceOthers` queries first): a row that does not fit, or a kind with
 * no unique field, resolves without touching IndexedDB, and Dexie keeps its
 * transaction across such native `await`s only while echoing an earlier
 * IndexedDB request (seen as PrematureCommitError under fake-indexeddb).
 */
export async function applyRowByRow(db: SidecarDb, changes: PulledChange[]): Promise<string[]> {
  const rejected: string[] = [];
  for (const change of changes) {
    if (change.deleted) await applyServerDeletion(db, change.kind, change.id);
    else {
      const problem = await applyServerRow(db, change.kind, change.record ?? {}, { patchRecognition: false });
      if (problem) rejected.push(problem);
    }
  }
  return rejected;
}

async function replacesOthers(db: SidecarDb, kind: RecordKind, rows: Row[]): Promise<boolean> {
  const ids = new Set(rows.map((row) => row.id as string));
  for (const fields of specOf(kind).unique) {
    const keyed = rows.filter((row) => fields.every((field) => row[field] !== null && row[field] !== undefined));
    const keyOf = (row: Row) => JSON.stringify(fields.map((field) => row[field]));
    const owner = new Map<string, string>();
    for (const row of keyed) {
      const key = keyOf(row);
      const other = owner.get(key);
      if (other !== undefined && other !== row.id) return true;
      owner.set(key, row.id as string);
    }
    const stored = await storedSharingValues(db, kind, fields, keyed);
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

/**
 * The stored records that may share a unique key with one of `rows`: each has,
 * in every indexed field of the key, a value some row has. Few values are
 * looked up at once with `anyOf`. Many values are first matched against the
 * index's distinct keys, read once per field, and a row whose value no stored
 * record has cannot clash: `anyOf` walks the index with one cursor step per
 * value, and fake-indexeddb's steps grow with the table (seconds per page at
 * scale). A stakeholder's key is (account_id, email): during a first pull the
 * accounts are already stored but the addresses are not, so the page is
 * cleared without looking anyone up. Always makes a request when `rows` is
 * not empty, so the transaction stays busy.
 */
async function storedSharingValues(db: SidecarDb, kind: RecordKind, fields: readonly string[], rows: Row[]): Promise<Row[]> {
  const table = db.table(kind);
  const indexed = new Set(table.schema.indexes.map((index) => index.name));
  const lookups = fields.filter((field) => indexed.has(field));
  if (lookups.length === 0) throw new Error(`${kind}: no field of its unique key (${fields.join(', ')}) is indexed in the local store`);
  let candidates = rows;
  for (const field of lookups) {
    const values = distinctValues(candidates, field);
    if (values.length <= 200) return (await table.where(field).anyOf(values).toArray()) as Row[];
    const present = new Set(await table.orderBy(field).uniqueKeys());
    candidates = candidates.filter((row) => present.has(row[field] as string));
    if (candidates.length === 0) return [];
  }
  // Every field's values are stored, each somewhere: look up by the narrowest.
  const field = lookups.reduce((best, next) => (distinctValues(candidates, next).length > distinctValues(candidates, best).length ? next : best));
  return (await table.where(field).anyOf(distinctValues(candidates, field)).toArray()) as Row[];
}

function distinctValues(rows: Row[], field: string): string[] {
  return [...new Set(rows.map((row) => row[field] as string))];
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
