import { RECORD_KINDS, type RecordKind } from '../messaging/record-kinds';
import { specOf } from '../schemas/record-kinds';
import type { SidecarDb } from '../store/db';
import { readAllRecords, storeRecord } from '../store/record-access';
import { RecordSession } from '../store/record-session';
import { readIdentity } from '../store/identity';
import { invalidateRecognition } from '../store/recognition-cache';
import { appendOutbox } from '../store/outbox';
import { clearWorkspaceLink, readWorkspaceLink, writeWorkspaceLink } from '../store/workspace-link';
import { clearSyncState } from './sync-state';

/**
 * Kinds a CSM's solo records are uploaded as, parents first (RECORD_KINDS
 * lists parents before children). The organization's own rows (its name,
 * own domains, members) are the admin's and stay local; the stage history
 * is appended by the database itself.
 */
const UPLOADED_KINDS: readonly RecordKind[] = RECORD_KINDS.filter(
  (kind) => specOf(kind).writable && kind !== 'organizations' && kind !== 'organization_domains',
);

export interface Membership {
  organization_id: string;
  user_id: string;
  email: string | null;
}

/**
 * Links the store to a workspace after sign-in. The first time, the solo
 * records join the organization: `organization_id` is set, the local author
 * id becomes the member's user id, and the outbox is rewritten as one upsert
 * per record, parents first (what solo mode queued, in any order, is
 * replaced: a record deleted before ever reaching the server owes nothing).
 * The link records that this was done, so connecting again uploads nothing.
 */
export async function connectWorkspace(db: SidecarDb, membership: Membership, now: Date = new Date()): Promise<{ queued: number }> {
  return db.transaction('rw', db.allTables, async () => {
    const link = await readWorkspaceLink(db);
    const at = now.toISOString();
    if (link && link.organization_id === membership.organization_id && link.solo_uploaded_at) {
      await writeWorkspaceLink(db, { ...link, user_id: membership.user_id, email: membership.email });
      return { queued: 0 };
    }
    const identity = await readIdentity(db);
    await db.outbox.clear();
    let queued = 0;
    const session = new RecordSession(db);
    await session.loadAll({ withIndex: true });
    for (const kind of UPLOADED_KINDS) {
      const solo = (await readAllRecords(session, kind)) as Record<string, unknown>[];
      for (const record of solo) {
        if (record.organization_id !== null) continue;
        const joined = {
          ...record,
          organization_id: membership.organization_id,
          created_by: identity && record.created_by === identity.author_id ? membership.user_id : record.created_by,
        };
        await storeRecord(session, kind, joined);
        await appendOutbox(db, { record_kind: kind, record_id: record.id as string, op: 'upsert', payload: joined }, at);
        queued += 1;
      }
    }
    await session.flush();
    await writeWorkspaceLink(db, { ...membership, connected_at: at, solo_uploaded_at: at });
    return { queued };
  });
}

/** Writes the workspace has not confirmed yet: what signing out would lose. */
export async function unsyncedCount(db: SidecarDb): Promise<number> {
  return db.outbox.count();
}

/**
 * Signing out: the organization's data leaves this browser (records, the
 * outbox, the sync's cursor and status, the link). The solo identity stays.
 * The caller warns first with `unsyncedCount`.
 */
export async function clearWorkspaceData(db: SidecarDb): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    for (const table of db.recordTables) await table.clear();
    await db.outbox.clear();
    await clearSyncState(db);
    await clearWorkspaceLink(db);
    await invalidateRecognition(db);
  });
}
