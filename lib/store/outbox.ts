import type { OutboxEntry } from '../schemas/outbox';
import type { SidecarDb } from './db';

/**
 * Appends an outbox entry. Call inside the transaction of the write it
 * records, so the write and its upload debt are stored together or not at all.
 */
export async function appendOutbox(
  db: SidecarDb,
  entry: Pick<OutboxEntry, 'record_kind' | 'record_id' | 'op' | 'payload'>,
  now: string,
): Promise<OutboxEntry> {
  const last = await db.outbox.orderBy('seq').last();
  const full: OutboxEntry = {
    id: crypto.randomUUID(),
    seq: (last?.seq ?? 0) + 1,
    ...entry,
    state: 'pending',
    attempts: 0,
    last_error: null,
    created_at: now,
  };
  await db.outbox.add(full);
  return full;
}

/** The entries still owed to the workspace, oldest first. */
export async function pendingOutbox(db: SidecarDb): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('seq').toArray();
}
