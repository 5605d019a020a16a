import type { OutboxEntry } from '../schemas/outbox';
import type { SidecarDb } from '../store/db';

/** Settles one answered entry; resolves once it is stored. */
export type Settle = (entry: OutboxEntry, data: unknown) => Promise<void>;

/**
 * Settles answered entries in groups: the answers that arrive while one
 * group is being written leave the outbox together next, in one transaction.
 *
 * An answered entry only leaves the outbox. The server's stored version of
 * the record (its author, its timestamps) comes with the pull that follows
 * the push in the same run: the write is a change after this store's cursor.
 * Why not here: the store keeps an account's records inside a bucket of a
 * few hundred accounts (~1 MB at 20,000 accounts), so replacing the local
 * version meant reading and rewriting a bucket per answer; 1,000 writes to
 * different accounts took 22 s of rewrites against 4 s for the requests
 * themselves. The pull applies a whole page of them with each bucket
 * rewritten once.
 *
 * Each entry's promise resolves only after its group is stored, so an entry
 * waiting on it (push-order.ts) sees the store as the sequential push would.
 * An answer not yet written when the worker dies is simply sent again (the
 * write RPCs are idempotent), as when an answer is lost on the network.
 */
export function groupedSettle(db: SidecarDb): Settle {
  let queue: { entry: OutboxEntry; done: () => void; fail: (error: unknown) => void }[] = [];
  let writing = false;
  const writeAll = async () => {
    writing = true;
    while (queue.length > 0) {
      const group = queue;
      queue = [];
      try {
        await db.outbox.bulkDelete(group.map(({ entry }) => entry.id));
        for (const item of group) item.done();
      } catch (error) {
        for (const item of group) item.fail(error);
      }
    }
    writing = false;
  };
  return (entry) =>
    new Promise<void>((done, fail) => {
      queue.push({ entry, done, fail });
      if (!writing) void writeAll();
    });
}
