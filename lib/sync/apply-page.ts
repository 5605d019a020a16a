import type { RecordKind } from '../messaging/record-kinds';
import { specOf } from '../schemas/record-kinds';
import { isAccountKind } from '../store/account-buckets';
import { readIdentity } from '../store/identity';
import { patchRecognitionMany, type RecognitionPatch } from '../store/recognition-cache';
import { deleteWithDependents, findClashInBuckets, removeWithDependents } from '../store/records';
import type { RecordSession } from '../store/record-session';
import { applyServerDeletion, applyServerRow, parseServerRow, putServerRecord } from './apply';

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
 * Reads, once, what applying `changes` will look at: the index parts of
 * their ids and domains and the buckets of their accounts.
 */
export async function prepareFor(session: RecordSession, changes: PulledChange[]): Promise<void> {
  const ids: string[] = [];
  const accounts: string[] = [];
  const domains: string[] = [];
  for (const change of changes) {
    if (!isAccountKind(change.kind)) continue;
    if (change.kind === 'accounts') accounts.push(change.id);
    else ids.push(change.id);
    const record = change.record;
    if (!record) continue;
    if (typeof record.account_id === 'string') accounts.push(record.account_id);
    if (change.kind === 'account_domains' && typeof record.domain === 'string') domains.push(record.domain);
  }
  await session.prepare(ids, accounts, domains);
}

/**
 * Applies a pulled page in bulk, with the same result as applying its rows
 * one by one in order (`applyServerRow`, `applyServerDeletion`), provided
 * `mayReplaceOthers` said no. The changes come from `checkChanges`. Call
 * inside a write transaction over `db.allTables`; the session is flushed
 * (each touched bucket written once); returns the rows that did not fit.
 *
 * Deletions commute, so a run of them is one cascade per kind; upserts of
 * different records commute too when none replaces another (no unique
 * clash, no local stage history giving way), so they are simply stored.
 */
export async function applyServerPage(session: RecordSession, changes: CheckedChange[]): Promise<string[]> {
  await prepareFor(session, changes);
  const rejected: string[] = [];
  const gone: RecognitionPatch[] = [];
  let start = 0;
  while (start < changes.length) {
    const deleted = changes[start]!.deleted;
    let end = start;
    while (end < changes.length && changes[end]!.deleted === deleted) end += 1;
    const run = changes.slice(start, end);
    if (deleted) {
      for (const [kind, group] of groupBy(run, (change) => change.kind)) {
        const ids = group.map((change) => change.id);
        if (isAccountKind(kind)) gone.push(...removeWithDependents(session, kind, ids));
        else await deleteWithDependents(session, kind, [...new Set(ids)]);
      }
    } else {
      for (const change of run) {
        if (change.problem !== null) rejected.push(change.problem);
        else if (isAccountKind(change.kind)) session.put(change.kind, change.record!);
        else await session.database.table(change.kind).put(change.record!);
      }
    }
    start = end;
  }
  await session.flush();
  await patchRecognitionMany(session.database, gone);
  return rejected;
}

/**
 * Whether applying the page's upserts one by one would remove another
 * record: a stored record sharing a unique key with a pulled one under
 * another id, two pulled records sharing one, or (stage history) a local
 * entry of a pulled opportunity written by this store. Checked against the
 * store before the page, so it errs towards `true`; the caller then applies
 * the page row by row (rare: a local stand-in meeting the server's row).
 * Looks in the buckets the page touches, read once (`prepareFor`).
 */
export async function mayReplaceOthers(session: RecordSession, changes: PulledChange[]): Promise<boolean> {
  await prepareFor(session, changes);
  const byKind = groupBy(
    changes.filter((change) => !change.deleted && change.record),
    (change) => change.kind,
  );
  for (const [kind, group] of byKind) {
    if (specOf(kind).unique.length === 0 && kind !== 'opportunity_stage_changes') continue;
    const rows = group.map((change) => change.record!);
    if (await replacesOthers(session, kind, rows)) return true;
  }
  return false;
}

/**
 * The exact path: each change as `applyServerRow` / `applyServerDeletion`
 * store it alone, in order, then the session flushed.
 */
export async function applyRowByRow(session: RecordSession, changes: PulledChange[]): Promise<string[]> {
  await prepareFor(session, changes);
  const authorId = (await readIdentity(session.database))?.author_id ?? null;
  const rejected: string[] = [];
  const gone: RecognitionPatch[] = [];
  // Account-scoped rows are applied in memory, with no await between them
  // (record-session.ts: a long run of native awaits loses the transaction).
  for (const change of changes) {
    const kind = change.kind;
    if (change.deleted) {
      if (isAccountKind(kind)) gone.push(...removeWithDependents(session, kind, [change.id]));
      else await applyServerDeletion(session, kind, change.id);
    } else if (isAccountKind(kind)) {
      const { record, problem } = parseServerRow(kind, change.record ?? {});
      if (problem !== null) rejected.push(problem);
      else gone.push(...putServerRecord(session, kind, record, authorId));
    } else {
      const problem = await applyServerRow(session, kind, change.record ?? {}, { patchRecognition: false, authorId });
      if (problem) rejected.push(problem);
    }
  }
  await session.flush();
  await patchRecognitionMany(session.database, gone);
  return rejected;
}

async function replacesOthers(session: RecordSession, kind: RecordKind, rows: Row[]): Promise<boolean> {
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
    if (!isAccountKind(kind)) {
      // The organization's own kinds: a few rows, read once.
      const stored = (await session.database.table(kind).toArray()) as Row[];
      if (stored.some((other) => owner.has(keyOf(other)) && owner.get(keyOf(other)) !== other.id)) return true;
      continue;
    }
    for (const row of keyed) if (findClashInBuckets(session, kind, fields, row)) return true;
  }
  if (kind === 'opportunity_stage_changes') {
    const identity = await readIdentity(session.database);
    if (!identity) return false;
    if (rows.some((row) => row.created_by === identity.author_id)) return true;
    for (const row of rows) {
      const history = session.ofAccount('opportunity_stage_changes', row.account_id as string);
      if (history.some((other) => other.opportunity_id === row.opportunity_id && other.created_by === identity.author_id && !ids.has(other.id))) return true;
    }
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
