import type { OutboxEntry } from '../schemas/outbox';
import type { SidecarDb } from '../store/db';
import { isRecognitionKind, patchRecognitionMany, sameForRecognition, type RecognitionPatch } from '../store/recognition-cache';
import { readIdentity } from '../store/identity';
import { readRecord } from '../store/record-access';
import { RecordSession } from '../store/record-session';
import { applyServerRow } from './apply';

/** Settles one answered entry; resolves once it is stored. */
export type Settle = (entry: OutboxEntry, data: unknown) => Promise<void>;

/**
 * Settles answered entries in groups: the answers that arrive while one
 * group is being written are written together next, in one transaction, with
 * one recognition-cache patch per bucket. With several requests in flight a
 * transaction (and a bucket rewrite) per answer was the push's local cost.
 *
 * Each entry's promise resolves only after its group is stored, so an entry
 * waiting on it (push-order.ts) sees the store as the sequential push would.
 * An answer not yet written when the worker dies is simply sent again (the
 * write RPCs are idempotent), as when an answer is lost on the network.
 */
export function groupedSettle(db: SidecarDb): Settle {
  let queue: { entry: OutboxEntry; data: unknown; done: () => void; fail: (error: unknown) => void }[] = [];
  let writing = false;
  const writeAll = async () => {
    writing = true;
    while (queue.length > 0) {
      const group = queue;
      queue = [];
      try {
        await db.transaction('rw', db.allTables, async () => {
          const patches: RecognitionPatch[] = [];
          const session = new RecordSession(db);
          const authorId = (await readIdentity(db))?.author_id ?? null;
          for (const { entry, data } of group) await settleOne(session, authorId, entry, data, patches);
          await session.flush();
          await patchRecognitionMany(db, await asStoredNow(session, patches));
        });
        for (const item of group) item.done();
      } catch (error) {
        for (const item of group) item.fail(error);
      }
    }
    writing = false;
  };
  return (entry, data) =>
    new Promise<void>((done, fail) => {
      queue.push({ entry, data, done, fail });
      if (!writing) void writeAll();
    });
}

/**
 * The answered entry leaves the outbox, and the server's stored record (its
 * author, its timestamps) replaces the local one, unless the CSM wrote the
 * record again meanwhile: then the newer local version stands until its own
 * entry is answered.
 */
async function settleOne(session: RecordSession, authorId: string | null, entry: OutboxEntry, data: unknown, patches: RecognitionPatch[]): Promise<void> {
  const db = session.database;
  await db.outbox.delete(entry.id);
  if (entry.op !== 'upsert' || data === null || typeof data !== 'object' || Array.isArray(data)) return;
  const stored = data as Record<string, unknown>;
  // save_account answers with the account even for a domain's entry.
  const kind = entry.record_kind === 'account_domains' ? 'accounts' : entry.record_kind;
  if (typeof stored.id !== 'string') return;
  const newer = await db.outbox.where('record_id').equals(stored.id).first();
  if (newer) return;
  if (kind === 'organization_domains') return;
  // The server's row usually carries the same name, address and account as
  // the local one: then the cache needs no patch (a bucket rewrite each).
  const before = isRecognitionKind(kind) ? ((await readRecord(session, kind, stored.id)) as Record<string, unknown> | undefined) : undefined;
  const collected: RecognitionPatch[] = [];
  await applyServerRow(session, kind, stored, { collectPatches: collected, authorId });
  for (const patch of collected) if (!sameForRecognition(patch.kind, before ?? null, patch.record)) patches.push(patch);
}

/**
 * The patches as the store holds their records at the end of the group: a
 * later settle may have replaced a record patched earlier (a unique clash
 * removes the local stand-in, and patches the cache at once).
 */
async function asStoredNow(session: RecordSession, patches: RecognitionPatch[]): Promise<RecognitionPatch[]> {
  const now: RecognitionPatch[] = [];
  const seen = new Set<string>();
  for (const { kind, id } of patches) {
    if (seen.has(`${kind}:${id}`)) continue;
    seen.add(`${kind}:${id}`);
    now.push({ kind, id, record: ((await readRecord(session, kind, id)) as Record<string, unknown> | undefined) ?? null });
  }
  return now;
}
