import type { OutboxEntry } from '../schemas/outbox';
import type { SidecarDb } from '../store/db';
import { classifyFailure, describeFailure, type RemoteFailure } from './errors';
import { planUpload } from './payloads';
import { sendOrderOf } from './push-order';
import { groupedSettle } from './settle';
import type { SyncRemote } from './remote';

/** How a push ended: everything it could send was answered, or it stopped on a failure worth retrying later. */
export type PushOutcome =
  | { done: true; sent: number; failed: number }
  | { done: false; sent: number; failed: number; failure: RemoteFailure };

export interface PushOptions {
  organizationId: string;
  /** Called before each request; the engine renews its lease here. */
  beforeEach?: () => Promise<void>;
  /** Requests in flight at once, for unrelated records (lib/sync/push-order.ts). */
  concurrency?: number;
}

/**
 * Uploads the outbox in `seq` order. An entry leaves the outbox only after
 * the server answered it: a write lost on the way (or its answer lost) is
 * sent again, and the write RPCs are idempotent by the record's own id, so
 * the record arrives once.
 *
 * Up to `concurrency` requests are in flight at once, each waiting for the
 * earlier entries it relates to (lib/sync/push-order.ts): a round trip per
 * write, one after another, is what made a long outbox slow.
 *
 * - A refused write (permanent failure) is marked `failed` with the server's
 *   message; that record's later entries wait behind it, other records go on.
 *   A newer entry of the same record (the CSM fixed it) supersedes it.
 * - A transient failure stops the push: no further request starts, those in
 *   flight finish, and the engine retries the whole run after a backoff.
 * - A 401 refreshes the session once per push (shared by the requests in
 *   flight), then retries the entry once.
 * - A throw (a worker stopped mid-request, in tests) also lets the requests
 *   in flight finish before it is passed on.
 */
export async function pushOutbox(db: SidecarDb, remote: SyncRemote, options: PushOptions): Promise<PushOutcome> {
  await dropSuperseded(db);
  const entries = await db.outbox.orderBy('seq').toArray();
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const blocked = new Set<string>();
  const counts = { sent: 0, failed: 0 };
  let stopped: RemoteFailure | null = null;
  let crashed: { error: unknown } | null = null;
  let refresh: Promise<boolean> | null = null;
  const settle = groupedSettle(db);

  const send = async (entry: OutboxEntry): Promise<void> => {
    if (stopped || crashed) return;
    if (blocked.has(entry.record_id)) return;
    await options.beforeEach?.();
    const plan = await planUpload(db, entry, options.organizationId);
    if (plan.kind === 'obsolete') return void (await db.outbox.delete(entry.id));
    if (plan.kind === 'unsendable') {
      await markFailed(db, entry, { status: 0, code: 'SIDECAR', message: plan.message });
      blocked.add(entry.record_id);
      counts.failed += 1;
      return;
    }
    let answer = await remote.call(plan.call.fn, plan.call.args);
    if (!answer.ok && classifyFailure(answer.failure) === 'refresh') {
      refresh ??= remote.refreshSession();
      if (await refresh) answer = await remote.call(plan.call.fn, plan.call.args);
    }
    if (!answer.ok) {
      if (classifyFailure(answer.failure) === 'permanent') {
        await markFailed(db, entry, answer.failure);
        blocked.add(entry.record_id);
        counts.failed += 1;
        return;
      }
      await db.outbox.update(entry.id, { attempts: entry.attempts + 1 });
      stopped ??= answer.failure;
      return;
    }
    await settle(entry, answer.data);
    counts.sent += 1;
  };

  const inFlight = new Set<Promise<void>>();
  const lastByKey = new Map<string, Promise<void>>();
  let barrier: Promise<void> | null = null;
  for (const entry of entries) {
    if (stopped || crashed) break;
    if (entry.state === 'failed' || blocked.has(entry.record_id)) {
      blocked.add(entry.record_id);
      continue;
    }
    const order = sendOrderOf(entry);
    const before: Promise<void>[] = order.barrier ? [...inFlight] : [...(barrier ? [barrier] : []), ...order.keys.flatMap((key) => lastByKey.get(key) ?? [])];
    const task: Promise<void> = Promise.all(before)
      .then(() => send(entry))
      .catch((error: unknown) => {
        crashed ??= { error };
      });
    if (order.barrier) barrier = task;
    else for (const key of order.keys) lastByKey.set(key, task);
    inFlight.add(task);
    void task.then(() => inFlight.delete(task));
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (crashed) throw (crashed as { error: unknown }).error;
  if (stopped) return { done: false, ...counts, failure: stopped };
  return { done: true, ...counts };
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
