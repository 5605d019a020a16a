import { z } from 'zod';
import { Timestamp } from '../schemas/common';
import type { SidecarDb } from '../store/db';

/**
 * What the sync remembers between wakes of the service worker, in the
 * store's `meta` table: nothing of it lives only in memory.
 *
 * - `sync.cursor`: the last `pull_changes` cursor applied, written in the
 *   same transaction as the page it ends, so a restart resumes there.
 * - `sync.status`: when the last run finished, the last transient error and
 *   how many runs in a row failed (the backoff's input), and when the next
 *   attempt is due.
 * - `sync.lock`: the lease of the run in progress (see engine.ts).
 */
export const SyncStatus = z.strictObject({
  last_sync_at: Timestamp.nullable(),
  last_error: z.string().max(2000).nullable(),
  last_error_at: Timestamp.nullable(),
  consecutive_failures: z.int().nonnegative(),
  next_attempt_at: Timestamp.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const EMPTY_STATUS: SyncStatus = { last_sync_at: null, last_error: null, last_error_at: null, consecutive_failures: 0, next_attempt_at: null };

const Cursor = z.strictObject({ organization_id: z.guid(), cursor: z.string().max(100) });
const Lease = z.strictObject({ owner: z.string(), expires_at: z.number() });

const CURSOR_KEY = 'sync.cursor';
const STATUS_KEY = 'sync.status';
const LOCK_KEY = 'sync.lock';

export async function readCursor(db: SidecarDb, organizationId: string): Promise<string | null> {
  const parsed = Cursor.safeParse((await db.meta.get(CURSOR_KEY))?.value);
  return parsed.success && parsed.data.organization_id === organizationId ? parsed.data.cursor : null;
}

/** Call inside the transaction that applies the page the cursor ends. */
export async function writeCursor(db: SidecarDb, organizationId: string, cursor: string): Promise<void> {
  await db.meta.put({ key: CURSOR_KEY, value: { organization_id: organizationId, cursor } });
}

export async function readStatus(db: SidecarDb): Promise<SyncStatus> {
  const parsed = SyncStatus.safeParse((await db.meta.get(STATUS_KEY))?.value);
  return parsed.success ? parsed.data : EMPTY_STATUS;
}

export async function writeStatus(db: SidecarDb, status: SyncStatus): Promise<void> {
  await db.meta.put({ key: STATUS_KEY, value: SyncStatus.parse(status) });
}

/**
 * Takes the run lease for `owner` unless another owner holds an unexpired
 * one. A worker that dies mid-run leaves its lease; it expires after
 * `leaseMs`, and the next wake takes over.
 */
export async function acquireLease(db: SidecarDb, owner: string, now: number, leaseMs: number): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const held = Lease.safeParse((await db.meta.get(LOCK_KEY))?.value);
    if (held.success && held.data.owner !== owner && held.data.expires_at > now) return false;
    await db.meta.put({ key: LOCK_KEY, value: { owner, expires_at: now + leaseMs } });
    return true;
  });
}

export async function releaseLease(db: SidecarDb, owner: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const held = Lease.safeParse((await db.meta.get(LOCK_KEY))?.value);
    if (held.success && held.data.owner === owner) await db.meta.delete(LOCK_KEY);
  });
}

/** Drops everything the sync kept: on sign-out, with the records. */
export async function clearSyncState(db: SidecarDb): Promise<void> {
  await db.meta.bulkDelete([CURSOR_KEY, STATUS_KEY, LOCK_KEY]);
}
