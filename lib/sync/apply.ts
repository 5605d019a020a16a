import { isRecordKind, type RecordKind } from '../messaging/record-kinds';
import { specOf } from '../schemas/record-kinds';
import { accountOf, isAccountKind, type AccountKind } from '../store/account-buckets';
import { isRecognitionKind, patchRecognition, patchRecognitionMany, type RecognitionPatch } from '../store/recognition-cache';
import { deleteWithDependents, findClash, findClashInBuckets, removeFromAccount } from '../store/records';
import type { RecordSession } from '../store/record-session';

type Row = Record<string, unknown>;

export interface ApplyOptions {
  /** `false` leaves the recognition cache to the caller (a pulled page drops it once instead of patching per row). */
  patchRecognition?: boolean;
  /** Gathers the recognition patches for the caller to apply at once (lib/store/recognition-cache.ts). */
  collectPatches?: RecognitionPatch[];
  /**
   * The local author id (lib/store/identity.ts), read once by the caller:
   * the store's own stage history entries give way to the database's.
   * `null`: no local author, nothing gives way.
   */
  authorId: string | null;
}

/** A server row checked by its kind's schema: the record, or why it does not fit. */
export function parseServerRow(kind: RecordKind, serverRow: Row): { record: Row; problem: null } | { record: null; problem: string } {
  const { change_xid: _xid, change_seq: _seq, ...row } = serverRow;
  const parsed = specOf(kind).schema.safeParse(row);
  if (parsed.success) return { record: parsed.data as Row, problem: null };
  return { record: null, problem: `${kind} ${String(row.id)}: ${parsed.error.issues[0]?.message ?? 'does not fit its schema'}` };
}

/**
 * Writes the workspace's version of a record, bypassing the outbox (it came
 * from the server, it owes it nothing). The caller flushes the session
 * inside its write transaction over `db.allTables`.
 *
 * Each row is validated with its kind's schema like any record crossing into
 * the store; a row that does not fit is reported, not stored.
 */
export async function applyServerRow(session: RecordSession, kind: RecordKind, serverRow: Row, options: ApplyOptions): Promise<string | null> {
  const { record, problem } = parseServerRow(kind, serverRow);
  if (problem !== null) return problem;
  let gone: RecognitionPatch[] = [];
  if (isAccountKind(kind)) {
    await session.prepare(kind === 'accounts' ? [] : [record.id as string], [(kind === 'accounts' ? record.id : record.account_id) as string], kind === 'account_domains' ? [record.domain as string] : []);
    gone = putServerRecord(session, kind, record, options.authorId);
  } else {
    for (const fields of specOf(kind).unique) {
      if (fields.some((field) => record[field] === null || record[field] === undefined)) continue;
      const clash = await findClash(session, kind, fields, record);
      if (clash) await deleteWithDependents(session, kind, [clash.id as string]);
    }
    await session.database.table(kind).put(record);
  }
  await patchRecognitionMany(session.database, gone);
  if (options.patchRecognition === false || !isRecognitionKind(kind)) return null;
  if (options.collectPatches) options.collectPatches.push({ kind, id: record.id as string, record });
  else await patchRecognition(session.database, kind, record.id as string, record);
  return null;
}

/**
 * An account-scoped server record into the session, in memory (its id,
 * account and domain prepared): what it replaces goes first. Returns the
 * recognition patches of the records that gave way.
 *
 * Some rows get their id from the server, not from us: account domains and
 * milestones (one per account and kind; saving again keeps the server's
 * row), and the stage history the database appends itself. The local
 * stand-in of such a row is replaced by the server's.
 */
export function putServerRecord(session: RecordSession, kind: AccountKind, record: Row, authorId: string | null): RecognitionPatch[] {
  const gone: RecognitionPatch[] = [];
  for (const fields of specOf(kind).unique) {
    if (fields.some((field) => record[field] === null || record[field] === undefined)) continue;
    const clash = findClashInBuckets(session, kind, fields, record);
    if (clash) gone.push(...removeFromAccount(session, kind, clash.id as string, accountOf(kind, clash)));
  }
  if (kind === 'opportunity_stage_changes' && authorId !== null) {
    // The store's own history entries (written by the local author id, never
    // uploaded: the database appends its own) give way to the database's.
    const local = session
      .ofAccount(kind, record.account_id as string)
      .filter((other) => other.opportunity_id === record.opportunity_id && other.id !== record.id && other.created_by === authorId);
    for (const entry of local) session.remove(kind, entry.id, entry.account_id);
  }
  session.put(kind, record);
  return gone;
}

/** A tombstone: the record and what hangs off it leave the store, as the database's cascade did. */
export async function applyServerDeletion(session: RecordSession, kind: RecordKind, id: string): Promise<void> {
  await deleteWithDependents(session, kind, [id]);
}

export function localKind(tableName: string): RecordKind | null {
  return isRecordKind(tableName) ? tableName : null;
}
