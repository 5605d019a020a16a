import { isRecordKind, type RecordKind } from '../messaging/record-kinds';
import { specOf } from '../schemas/record-kinds';
import type { SidecarDb } from '../store/db';
import { readIdentity } from '../store/identity';
import { isRecognitionKind, patchRecognition, type RecognitionPatch } from '../store/recognition-cache';
import { deleteWithDependents } from '../store/records';

type Row = Record<string, unknown>;

/**
 * Writes the workspace's version of records into the local store, bypassing
 * the outbox (they came from the server, they owe it nothing). Call inside a
 * write transaction over `db.allTables`.
 *
 * `patchRecognition: false` leaves the recognition cache to the caller: a
 * pulled page touches thousands of rows, and drops the cache once instead
 * (patching rewrites a bucket per row). `collectPatches` gathers the patches
 * for the caller to apply at once (lib/store/recognition-cache.ts).
 *
 * Each row is validated with its kind's schema like any record crossing into
 * the store; a row that does not fit is reported, not stored.
 */
export async function applyServerRow(db: SidecarDb, kind: RecordKind, serverRow: Row, options: { patchRecognition?: boolean; collectPatches?: RecognitionPatch[] } = {}): Promise<string | null> {
  const { change_xid: _xid, change_seq: _seq, ...row } = serverRow;
  const parsed = specOf(kind).schema.safeParse(row);
  if (!parsed.success) return `${kind} ${String(row.id)}: ${parsed.error.issues[0]?.message ?? 'does not fit its schema'}`;
  const record = parsed.data as Row;
  await removeClashes(db, kind, record);
  await db.table(kind).put(record);
  if (options.patchRecognition === false || !isRecognitionKind(kind)) return null;
  if (options.collectPatches) options.collectPatches.push({ kind, id: record.id as string, record });
  else await patchRecognition(db, kind, record.id as string, record);
  return null;
}

/** A tombstone: the record and what hangs off it leave the store, as the database's cascade did. */
export async function applyServerDeletion(db: SidecarDb, kind: RecordKind, id: string): Promise<void> {
  await deleteWithDependents(db, kind, [id]);
}

export function localKind(tableName: string): RecordKind | null {
  return isRecordKind(tableName) ? tableName : null;
}

/**
 * Some rows get their id from the server, not from us: account domains and
 * milestones (one per account and kind; saving again keeps the server's row),
 * and the stage history the database appends itself. The local stand-in of
 * such a row is replaced by the server's.
 */
async function removeClashes(db: SidecarDb, kind: RecordKind, record: Row): Promise<void> {
  for (const fields of specOf(kind).unique) {
    if (fields.some((field) => record[field] === null || record[field] === undefined)) continue;
    const [first, ...rest] = fields;
    const clashes = await db
      .table(kind)
      .where(first!)
      .equals(record[first!] as string)
      .filter((other: Row) => other.id !== record.id && rest.every((field) => other[field] === record[field]))
      .primaryKeys();
    if (clashes.length > 0) await deleteWithDependents(db, kind, clashes as string[]);
  }
  if (kind === 'opportunity_stage_changes') {
    // The store's own history entries (written by the local author id, never
    // uploaded: the database appends its own) give way to the database's.
    const identity = await readIdentity(db);
    if (!identity) return;
    const local = await db
      .table('opportunity_stage_changes')
      .where('opportunity_id')
      .equals(record.opportunity_id as string)
      .filter((other: Row) => other.id !== record.id && other.created_by === identity.author_id)
      .primaryKeys();
    if (local.length > 0) await db.table('opportunity_stage_changes').bulkDelete(local);
  }
}
