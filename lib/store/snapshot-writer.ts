import type { RecordKind } from '../messaging/record-kinds';
import { RECORD_KINDS } from '../messaging/record-kinds';
import type { AnyRecord } from '../schemas/record-kinds';
import { writeCursor } from '../sync/sync-state';
import { accountBucketOf, accountOf, ACCOUNT_BUCKETS, ACCOUNT_KINDS, isAccountKind, parseBucket, TABLE_KINDS, type AccountKind, type Bucket } from './account-buckets';
import { removeWithDependents } from './records';
import type { SidecarDb } from './db';
import { readIdentity } from './identity';
import { invalidateRecognition } from './recognition-cache';
import { applyServerRow, putServerRecord } from '../sync/apply';
import { emptyIndexPart, indexPartOfDomain, indexPartOfId, indexRow, parseIndexPart } from './record-index';
import { RecordSession } from './record-session';
import { SnapshotSession } from './snapshot-session';

/**
 * The first pull's writer: the organization's records as the server's
 * snapshot sends them (`pull_snapshot`, decoded by lib/sync/snapshot-wire.ts
 * into full, schema-valid records), written a part at a time, each part's
 * buckets read once and written once in one transaction.
 *
 * The result is the store the delta pull would have made from the same rows
 * as `pull_changes` upserts: a record with a write still queued in the
 * outbox keeps its local version; a local stand-in of a row the server made
 * under its own id (a domain, a milestone, a stakeholder's address, a
 * business case or close record of an opportunity, the store's own stage
 * history) gives way to the server's.
 *
 * And one rule the delta pull does not need: a part is the whole of its
 * buckets, so a record of the organization in them that the part does not
 * hold, and that no queued write holds either, leaves the store with what
 * references it. The server deleted it before the snapshot's cursor, so its
 * tombstone will never come (a teammate deleted what this store had already
 * uploaded, say, before its first pull finished). Records of no
 * organization (solo work not yet connected) are never touched.
 *
 * Usage (the first pull):
 *
 *   const progress = newSnapshotProgress();
 *   for (const part of parts) await writeSnapshotPart(db, { organizationId, firstBucket, lastBucket, records: part.records }, progress);
 *   await finishSnapshot(db, organizationId, firstPart.cursor, progress);
 *
 * The id index (record-index.ts) is not patched per part, which would
 * rewrite all of it each time: each part drops it (a reader meanwhile
 * rebuilds it from the buckets, so it is never wrong), and the index of what
 * the parts wrote is collected in `progress` and written once by
 * `finishSnapshot`, with the cursor. A worker that dies between parts leaves
 * no cursor, so the next run starts the snapshot again: a part written twice
 * writes the same records again. The recognition cache is dropped and
 * rebuilt on the next read (one read of every bucket).
 */
export interface SnapshotProgress {
  /** Each bucket the parts wrote, with what its records file in the index, as the last part left it. */
  filed: Map<number, Filed>;
  /** The domains filed before the snapshot (domain, account domain id, account): a local stand-in may hold one. */
  domainsBefore: Map<string, readonly [id: string, account: string]> | null;
  /** Records written, by kind (for the caller's report). */
  counts: Partial<Record<RecordKind, number>>;
}

export function newSnapshotProgress(): SnapshotProgress {
  return { filed: new Map(), domainsBefore: null, counts: {} };
}

/** What one bucket's records file in the index. */
interface Filed {
  ids: [id: string, account: string][];
  domains: [domain: string, id: string, account: string][];
}

type Records = Partial<Record<RecordKind, AnyRecord[]>>;
type Row = Record<string, unknown>;

/**
 * One part of the snapshot: every record the server holds of the accounts in
 * buckets `firstBucket..lastBucket` (inclusive), and with bucket 0 the
 * organization's own rows (supabase/API.md, `pull_snapshot`).
 */
export interface SnapshotPartToWrite {
  organizationId: string;
  firstBucket: number;
  lastBucket: number;
  records: Records;
}

/** Writes one part of the snapshot: its buckets become what the server holds, but for queued writes. */
export async function writeSnapshotPart(db: SidecarDb, part: SnapshotPartToWrite, progress: SnapshotProgress): Promise<void> {
  const { records } = part;
  await db.transaction('rw', db.allTables, async () => {
    if (!progress.domainsBefore) {
      // The first part: the domains as filed before the snapshot drops the index.
      const before = new RecordSession(db);
      await before.loadIndexParts();
      progress.domainsBefore = new Map();
      for (const part of before.indexParts().values()) for (const [domain, filed] of Object.entries(part.domains)) progress.domainsBefore.set(domain, filed);
    }
    const waiting = new Set((await db.outbox.orderBy('record_id').uniqueKeys()) as string[]);
    const authorId = (await readIdentity(db))?.author_id ?? null;

    // Every bucket of the range is read, sent rows or not: it may hold records the server no longer has.
    const buckets = new Set<number>();
    for (let number = part.firstBucket; number <= part.lastBucket; number += 1) buckets.add(number);
    const holders: [string, string, string][] = [];
    for (const kind of RECORD_KINDS) {
      if (!isAccountKind(kind)) continue;
      for (const record of (records[kind] ?? []) as Row[]) {
        buckets.add(accountBucketOf(accountOf(kind, record)));
        const holder = kind === 'account_domains' ? progress.domainsBefore.get(record.domain as string) : undefined;
        if (holder) holders.push([record.domain as string, holder[0], holder[1]]);
      }
    }
    const session = new SnapshotSession(db);
    await session.prepareDetached(buckets, holders);

    // An account whose bucket entry is still empty and whose domains no stand-in holds has nothing to
    // give way: its records go straight in (most of a first pull), the rest by the delta apply's rules.
    const fresh = new Set<string>();
    for (const record of (records.accounts ?? []) as Row[]) if (!session.entry(record.id as string)) fresh.add(record.id as string);
    for (const [, , account] of holders) fresh.delete(account);
    for (const record of (records.account_domains ?? []) as Row[]) if (progress.domainsBefore.has(record.domain as string)) fresh.delete(record.account_id as string);
    for (const kind of RECORD_KINDS) {
      const list = (records[kind] ?? []) as Row[];
      progress.counts[kind] = (progress.counts[kind] ?? 0) + list.length;
      if (isAccountKind(kind)) {
        // In memory, no await between rows (record-session.ts).
        for (const record of list) {
          if (waiting.has(record.id as string)) continue;
          if (fresh.has(accountOf(kind, record))) session.putNew(kind, record);
          else putServerRecord(session, kind, record, authorId);
        }
      } else {
        for (const record of list) {
          if (waiting.has(record.id as string)) continue;
          const problem = await applyServerRow(session, kind, record, { patchRecognition: false, authorId });
          if (problem) throw new Error(`The snapshot's ${problem}`);
        }
      }
    }
    await removeDeletedBefore(session, part, waiting);
    await session.flush();
    // Every bucket the session read (the part's and the stand-ins') is filed anew from what it holds now.
    for (const [number, bucket] of session.loadedBuckets()) progress.filed.set(number, filedIn(bucket));
    await db.record_index.clear();
    await invalidateRecognition(db);
  });
}

/**
 * The organization's records in the part's buckets (and, with bucket 0, its
 * own tables) that the part did not send and no queued write holds: deleted
 * on the server before the snapshot's cursor. Accounts first, each with its
 * whole entry, as the database's cascade took them; then other records with
 * what references them in their account.
 */
async function removeDeletedBefore(session: SnapshotSession, part: SnapshotPartToWrite, waiting: ReadonlySet<string>): Promise<void> {
  const sent = new Set<string>();
  for (const list of Object.values(part.records)) for (const record of list ?? []) sent.add(record.id);
  const gone = (record: Row) => record.organization_id === part.organizationId && !sent.has(record.id as string) && !waiting.has(record.id as string);
  const doomed = new Map<AccountKind, string[]>();
  for (const [number, bucket] of session.loadedBuckets()) {
    if (number < part.firstBucket || number > part.lastBucket) continue;
    for (const entry of Object.values(bucket)) {
      for (const kind of ACCOUNT_KINDS) for (const record of entry[kind] ?? []) if (gone(record)) (doomed.get(kind) ?? doomed.set(kind, []).get(kind)!).push(record.id as string);
    }
  }
  // Removed in the order of ACCOUNT_KINDS (accounts first): a record already taken with its parent is simply not found.
  for (const [kind, ids] of doomed) removeWithDependents(session, kind, ids);
  if (part.firstBucket !== 0) return;
  for (const kind of TABLE_KINDS) {
    // Small tables, not indexed by organization: read whole.
    const ids = ((await session.database.table(kind).toArray()) as Row[]).filter(gone).map((record) => record.id as string);
    if (ids.length > 0) await session.database.table(kind).bulkDelete(ids);
  }
}

/**
 * Ends the snapshot: the index (what the parts wrote, the buckets they did
 * not touch, and whatever a reader rebuilt meanwhile) and the cursor to pull
 * changes from, in one transaction.
 */
export async function finishSnapshot(db: SidecarDb, organizationId: string, cursor: string, progress: SnapshotProgress): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    const index = Array.from({ length: ACCOUNT_BUCKETS }, emptyIndexPart);
    // A reader's rebuild between parts may name records the panel wrote meanwhile; a stale entry reads as absent.
    for (const row of await db.record_index.toArray()) {
      const part = parseIndexPart(row);
      if (part && row.bucket >= 0 && row.bucket < ACCOUNT_BUCKETS) index[row.bucket] = part;
    }
    const untouched = Array.from({ length: ACCOUNT_BUCKETS }, (_, number) => number).filter((number) => !progress.filed.has(number));
    const rows = await db.account_buckets.bulkGet(untouched);
    const filed = [...progress.filed.values(), ...rows.map((row, i) => filedIn(parseBucket(row, untouched[i]!)))];
    for (const { ids, domains } of filed) {
      for (const [id, account] of ids) index[indexPartOfId(id)]!.ids[id] = account;
      for (const [domain, id, account] of domains) index[indexPartOfDomain(domain)]!.domains[domain] = [id, account];
    }
    await db.record_index.bulkPut(index.map((part, number) => indexRow(number, part)));
    await writeCursor(db, organizationId, cursor);
    await invalidateRecognition(db);
  });
}

function filedIn(bucket: Bucket): Filed {
  const filed: Filed = { ids: [], domains: [] };
  for (const [account, entry] of Object.entries(bucket)) {
    for (const kind of ACCOUNT_KINDS) {
      const records = entry[kind];
      if (kind === 'accounts' || !records) continue;
      for (const record of records) {
        const id = record.id as string;
        filed.ids.push([id, account]);
        if (kind === 'account_domains') filed.domains.push([record.domain as string, id, account]);
      }
    }
  }
  return filed;
}
