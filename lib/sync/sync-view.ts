import type { SidecarDb } from '../store/db';
import { getRecord } from '../store/records';
import { readWorkspaceLink } from '../store/workspace-link';
import { readStatus } from './sync-state';

/**
 * What Sidecar's pages show about the workspace and the sync: the answer of
 * `sync.state` and of every message that changes it. Built from the store
 * and the session each time; nothing here is kept in memory.
 */
export interface SyncStateView {
  /** The workspace's origin, or `null` in solo mode (no workspace set up). */
  workspace_url: string | null;
  /** Who is signed in, or `null`. */
  user: { id: string; email: string | null } | null;
  /** The organization the store is linked to, or `null` (signed out, or no organization yet). */
  organization: { id: string; name: string | null } | null;
  last_sync_at: string | null;
  /** The last run's failure (network, server), shown until a run succeeds. */
  last_error: string | null;
  next_attempt_at: string | null;
  /** Writes not yet confirmed by the workspace, failed ones included. */
  waiting: number;
  /** Writes the workspace refused for good, with its message, oldest first. */
  failed: FailedWrite[];
  /** The browser's own idea of being online when the state was read. */
  online: boolean;
}

export interface FailedWrite {
  entry_id: string;
  record_kind: string;
  record_id: string;
  /** A name the CSM recognises (the record's name, title or email), when it has one. */
  label: string | null;
  op: 'upsert' | 'delete';
  message: string;
  code: string | null;
  created_at: string;
}

export interface WorkspaceView {
  settings: { url: string; anon_key: string } | null;
  /** Where the settings come from: saved on the options page, or built in. */
  source: 'saved' | 'build' | null;
  /** Whether the browser lets Sidecar reach that origin (the optional host permission). */
  permitted: boolean;
}

/** Signing out's first answer (`confirm: false`) is what would be lost; the second, that it is done. */
export type SignOutAnswer = { signed_out: false; unsynced: number } | { signed_out: true; discarded: number };

const LABEL_FIELDS = ['name', 'title', 'email', 'domain', 'statement', 'summary'] as const;

function labelOf(payload: Record<string, unknown> | null): string | null {
  if (!payload) return null;
  for (const field of LABEL_FIELDS) {
    const value = payload[field];
    if (typeof value === 'string' && value.trim()) return value.slice(0, 120);
  }
  return null;
}

export async function readSyncView(
  db: SidecarDb,
  workspaceUrl: string | null,
  user: SyncStateView['user'],
  online: boolean,
): Promise<SyncStateView> {
  const [link, status, entries] = await Promise.all([readWorkspaceLink(db), readStatus(db), db.outbox.orderBy('seq').toArray()]);
  const linked = link && user && link.user_id === user.id ? link : null;
  const organization = linked ? await getRecord(db, 'organizations', linked.organization_id) : undefined;
  return {
    workspace_url: workspaceUrl,
    user,
    organization: linked ? { id: linked.organization_id, name: organization?.name ?? null } : null,
    last_sync_at: status.last_sync_at,
    last_error: status.last_error,
    next_attempt_at: status.next_attempt_at,
    waiting: entries.length,
    failed: entries
      .filter((entry) => entry.state === 'failed')
      .map((entry) => ({
        entry_id: entry.id,
        record_kind: entry.record_kind,
        record_id: entry.record_id,
        label: labelOf(entry.payload),
        op: entry.op,
        message: entry.last_error ?? 'The workspace refused this write.',
        code: entry.error_code ?? null,
        created_at: entry.created_at,
      })),
    online,
  };
}
