import type { OutboxEntry } from '../schemas/outbox';
import type { SidecarDb } from '../store/db';
import { applyServerRow } from './apply';
import { classifyFailure, describeFailure, type RemoteFailure } from './errors';
import { planUpload } from './payloads';
import type { SyncRemote } from './remote';

/** How a push ended: everything it could send was answered, or it stopped on a failure worth retrying later. */
export type PushOutcome =
  | { done: true; sent: number; failed: number }
  | { done: false; sent: number; failed: number; failure: RemoteFailure };

export interface PushOptions {
  organizationId: string;
  /** Called before each entry; the engine renews its lease here. */
  beforeEach?: () => Promise<void>;
}

/**
 * Uploads the outbox in `seq` order. An entry leaves the outbox only after
 * the server answered it: a write lost on the way (or its answer lost) is
 * sent again, and the write RPCs are idempotent by the record's own id, so
 * the record arrives once.
 *
 * - A refused write (permanent failure) is marked `failed` with the server's
 *   message; that record's later entries wait behind it, other records go on.
 *   A newer entry of the same record (the CSM fixed it) supersedes it.
 * - A transient failure stops the push: the network or the server is down,
 *   and the engine retries the whole run after a backoff.
 * - A 401 refreshes the session once, then retries the entry.
 */
export async function pushOutbox(db: SidecarDb, remote: SyncRemote, options: PushOptions): Promise<PushOutcome> {
  await dropSuperseded(db);
  const entries = await db.outbox.orderBy('seq').toArray();
  const blocked = new Set<string>();
  let sent = 0;
  let failed = 0;
  let refreshed = false;

  for (const entry of entries) {
    if (entry.state === 'failed' || blocked.has(entry.record_id)) {
      blocked.add(entry.record_id);
      continue;
    }
    await options.beforeEach?.();
    const plan = await planUpload(db, entry, options.organizationId);
    if (plan.kind === 'obsolete') {
      await db.outbox.delete(entry.id);
      continue;
    }
    if (plan.kind === 'unsendable') {
      await markFailed(db, entry, { status: 0, code: 'SIDECAR', message: plan.message });
      blocked.add(entry.record_id);
      failed += 1;
      continue;
    }
    let answer = await remote.call(plan.call.fn, plan.call.args);
    if (!answer.ok && classifyFailure(answer.failure) === 'refresh' && !refreshed) {
      refreshed = true;
      if (await remote.refreshSession()) answer = await remote.call(plan.call.fn, plan.call.args);
    }
    if (!answer.ok) {
      const kind = classifyFailure(answer.failure);
      if (kind === 'permanent') {
        await markFailed(db, entry, answer.failure);
        blocked.add(entry.record_id);
        failed += 1;
        continue;
      }
      await db.outbox.update(entry.id, { attempts: entry.attempts + 1 });
      return { done: false, sent, failed, failure: answer.failure };
    }
    await settle(db, entry, answer.data);
    sent += 1;
  }
  return { done: true, sent, failed };
}

/**
 * The answered entry leaves the outbox, and the server's stored record (its
 * author, its timestamps) replaces the local one, unless the CSM wrote the
 * record again meanwhile: then the newer local version stands until its own
 * entry is answered.
 */
async function settle(db: SidecarDb, entry: OutboxEntry, data: unknown): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    await db.outbox.delete(entry.id);
    if (entry.op !== 'upsert' || data === null || typeof data !== 'object' || Array.isArray(data)) return;
    const stored = data as Record<string, unknown>;
    // save_account answers with the account even for a domain's entry.
    const kind = entry.record_kind === 'account_domains' ? 'accounts' : entry.record_kind;
    if (typeof stored.id !== 'string') return;
    const newer = await db.outbox.where('record_id').equals(stored.id).first();
    if (newer) return;
    if (kind === 'organization_domains') return;
    await applyServerRow(db, kind, stored);
  });
}

async function markFailed(db: SidecarDb, entry: OutboxEntry, failure: RemoteFailure): Promise<void> {
  await db.outbox.update(entry.id, {
    state: 'failed',
    attempts: entry.attempts + 1,
    last_error: describeFailure(failure),
    error_code: failure.code,
  });
}

/** A failed entry followed by a newer entry of the same record has been superseded by the CSM's fix. */
async function dropSuperseded(db: SidecarDb): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const failed = await db.outbox.where('state').equals('failed').toArray();
    for (const entry of failed) {
      const later = await db.outbox
        .where('record_id')
        .equals(entry.record_id)
        .filter((other) => other.seq > entry.seq)
        .first();
      if (later) await db.outbox.delete(entry.id);
    }
  });
}
