import { z } from 'zod';
import type { SidecarDb } from '../store/db';
import { RecordSession } from '../store/record-session';
import { invalidateRecognition, isRecognitionKind } from '../store/recognition-cache';
import { localKind } from './apply';
import { applyRowByRow, applyServerPage, checkChanges, mayReplaceOthers, type CheckedChange, type PulledChange } from './apply-page';
import type { RemoteFailure } from './errors';
import type { SyncRemote } from './remote';
import { pullSnapshot } from './first-pull';
import { readCursor, writeCursor } from './sync-state';

/**
 * A pulled record is an object; its fields are checked by its kind's schema
 * when it is applied (apply-page.ts), so the envelope only checks its shape.
 * `z.record` would walk and copy every field a second time: a sixth of the
 * pull's validation cost at scale, for nothing the kind's schema misses.
 */
const PulledRecord = z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'record must be an object');

/** One row of `pull_changes` (supabase/API.md), checked before it touches the store. */
const ChangeRow = z.object({
  cursor: z.string().max(100),
  table_name: z.string().max(100),
  record_id: z.guid(),
  deleted: z.boolean(),
  record: PulledRecord.nullable(),
});
const ChangePage = z.array(ChangeRow);

export type PullOutcome =
  | { done: true; applied: number; rejected: string[] }
  | { done: false; applied: number; rejected: string[]; failure: RemoteFailure };

export interface PullOptions {
  organizationId: string;
  pageSize?: number;
  /** Account buckets per `pull_snapshot` call, when the store has no cursor yet (first-pull.ts). */
  bucketsPerCall?: number;
  beforeEach?: () => Promise<void>;
}

/**
 * Pulls pages of `pull_changes` from the stored cursor until a short page
 * says the store is up to date. A store with no cursor yet (the first pull
 * of this organization) first takes the organization's snapshot
 * (first-pull.ts), which ends by storing the cursor the pages go on from. Each page is applied, with its cursor, in one
 * transaction: a worker stopped mid-pull resumes after the last whole page.
 *
 * While a page is written, the next one is already being fetched (its
 * cursor is the last row's) and then checked against the schemas: the pull
 * costs about the slower of the two, not their sum. A fetched page that is
 * never applied is simply fetched again by the next run.
 *
 * A record with a write still waiting in the outbox keeps its local version
 * (the CSM's newer edit); the server's version comes back after the upload.
 */
export async function pullChanges(db: SidecarDb, remote: SyncRemote, options: PullOptions): Promise<PullOutcome> {
  const pageSize = options.pageSize ?? 5000;
  const fetchPage = async (since: string | null) => {
    await options.beforeEach?.();
    return remote.call('pull_changes', { organization_id: options.organizationId, since, page_size: pageSize });
  };
  const prefetch = (since: string | null) => {
    const page = fetchPage(since);
    page.catch(() => undefined); // Awaited below; a run that stops first must not leave it unhandled.
    return page;
  };
  let since = await readCursor(db, options.organizationId);
  let applied = 0;
  const rejected: string[] = [];
  if (since === null) {
    const snapshot = await pullSnapshot(db, remote, options);
    if (!snapshot.done) return snapshot;
    applied = snapshot.applied;
    rejected.push(...snapshot.rejected);
    since = await readCursor(db, options.organizationId);
  }
  // The previous page's transaction, still being written while this page is
  // fetched and checked; awaited before the next page's transaction starts,
  // so pages and their cursors are stored in order.
  let writing: Promise<void> = Promise.resolve();
  // Every way out waits for that page first, and counts it.
  const finish = async (outcome: () => PullOutcome): Promise<PullOutcome> => {
    await writing;
    return outcome();
  };
  let next = prefetch(since);
  for (;;) {
    const answer = await next.catch(async (error: unknown) => {
      await writing; // A run that stops (its lease lost, say) leaves no page half-way.
      throw error;
    });
    if (!answer.ok) return finish(() => ({ done: false, applied, rejected, failure: answer.failure }));
    const page = ChangePage.safeParse(answer.data);
    if (!page.success) {
      return finish(() => ({ done: false, applied, rejected, failure: { status: 200, code: 'SIDECAR', message: 'The workspace answered the pull with rows Sidecar cannot read.' } }));
    }
    const rows = page.data;
    if (rows.length === 0) return finish(() => ({ done: true, applied, rejected }));
    const cursor = rows[rows.length - 1]!.cursor;
    const more = rows.length >= pageSize;
    if (more) next = prefetch(cursor);
    // Schema checks are the worker's CPU; IndexedDB writes the previous page
    // in the browser's own process meanwhile (ARCHITECTURE.md, "Pull").
    const checked = checkChanges(changesOf(rows));
    await writing;
    writing = applyPage(db, options.organizationId, rows, checked, cursor, rejected).then(() => {
      applied += rows.length;
    });
    writing.catch(() => undefined); // Awaited above or in `finish`; a failed page must not be reported as unhandled meanwhile.
    if (!more) return finish(() => ({ done: true, applied, rejected }));
  }
}

type PulledRow = z.infer<typeof ChangeRow>;

/** The page's changes of the kinds the store keeps (invitations are the admin's business, not the panel's). */
function changesOf(rows: PulledRow[]): PulledChange[] {
  const changes: PulledChange[] = [];
  for (const row of rows) {
    const kind = localKind(row.table_name);
    if (!kind) continue;
    if (row.deleted) changes.push({ kind, id: row.record_id, deleted: true, record: null });
    else if (row.record) changes.push({ kind, id: row.record_id, deleted: false, record: row.record });
  }
  return changes;
}

/**
 * One page and its cursor, in one transaction. A record with a write still
 * waiting in the outbox keeps its local version (its deletion still applies).
 */
async function applyPage(db: SidecarDb, organizationId: string, rows: PulledRow[], checked: CheckedChange[], cursor: string, rejected: string[]): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    const waiting = new Set((await db.outbox.where('record_id').anyOf(rows.map((row) => row.record_id)).toArray()).map((entry) => entry.record_id));
    const changes = checked.filter((change) => change.deleted || !waiting.has(change.id));
    // Dropped first, so the page's deletions do not patch a cache about to be rebuilt.
    if (changes.some((change) => isRecognitionKind(change.kind))) await invalidateRecognition(db);
    const session = new RecordSession(db);
    const exact = await mayReplaceOthers(session, changes);
    rejected.push(...(exact ? await applyRowByRow(session, changes) : await applyServerPage(session, changes)));
    await writeCursor(db, organizationId, cursor);
  });
}
