import { z } from 'zod';
import type { SidecarDb } from '../store/db';
import { invalidateRecognition, isRecognitionKind } from '../store/recognition-cache';
import { applyServerDeletion, applyServerRow, localKind } from './apply';
import type { RemoteFailure } from './errors';
import type { SyncRemote } from './remote';
import { readCursor, writeCursor } from './sync-state';

/** One row of `pull_changes` (supabase/API.md), checked before it touches the store. */
const ChangeRow = z.object({
  cursor: z.string().max(100),
  table_name: z.string().max(100),
  record_id: z.guid(),
  deleted: z.boolean(),
  record: z.record(z.string(), z.unknown()).nullable(),
});
const ChangePage = z.array(ChangeRow);

export type PullOutcome =
  | { done: true; applied: number; rejected: string[] }
  | { done: false; applied: number; rejected: string[]; failure: RemoteFailure };

export interface PullOptions {
  organizationId: string;
  pageSize?: number;
  beforeEach?: () => Promise<void>;
}

/**
 * Pulls pages of `pull_changes` from the stored cursor until a short page
 * says the store is up to date. Each page is applied, with its cursor, in one
 * transaction: a worker stopped mid-pull resumes after the last whole page.
 *
 * A record with a write still waiting in the outbox keeps its local version
 * (the CSM's newer edit); the server's version comes back after the upload.
 */
export async function pullChanges(db: SidecarDb, remote: SyncRemote, options: PullOptions): Promise<PullOutcome> {
  const pageSize = options.pageSize ?? 1000;
  let since = await readCursor(db, options.organizationId);
  let applied = 0;
  const rejected: string[] = [];
  for (;;) {
    await options.beforeEach?.();
    const answer = await remote.call('pull_changes', { organization_id: options.organizationId, since, page_size: pageSize });
    if (!answer.ok) return { done: false, applied, rejected, failure: answer.failure };
    const page = ChangePage.safeParse(answer.data);
    if (!page.success) {
      return { done: false, applied, rejected, failure: { status: 200, code: 'SIDECAR', message: 'The workspace answered the pull with rows Sidecar cannot read.' } };
    }
    const rows = page.data;
    if (rows.length === 0) return { done: true, applied, rejected };
    await db.transaction('rw', db.allTables, async () => {
      const waiting = new Set((await db.outbox.where('record_id').anyOf(rows.map((row) => row.record_id)).toArray()).map((entry) => entry.record_id));
      for (const row of rows) {
        const kind = localKind(row.table_name);
        if (!kind) continue; // invitations: the admin's business, not the panel's
        if (row.deleted) {
          await applyServerDeletion(db, kind, row.record_id);
        } else if (row.record && !waiting.has(row.record_id)) {
          const problem = await applyServerRow(db, kind, row.record, { patchRecognition: false });
          if (problem) rejected.push(problem);
        }
      }
      if (rows.some((row) => isRecognitionKind(localKind(row.table_name) ?? 'goals'))) await invalidateRecognition(db);
      await writeCursor(db, options.organizationId, rows[rows.length - 1]!.cursor);
    });
    applied += rows.length;
    since = rows[rows.length - 1]!.cursor;
    if (rows.length < pageSize) return { done: true, applied, rejected };
  }
}
