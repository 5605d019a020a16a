import type { RecordKind } from '../../messaging/record-kinds';
import type { RecordOf } from '../../schemas/record-kinds';
import type { SidecarDb } from '../db';
import { RecordSession } from '../record-session';
import { readAllOf, readRecord, storeRecord } from '../record-access';

/**
 * What a test sees in the store, by kind, whatever the layout keeps it in:
 * the records as the store's own readers get them (record-session.ts).
 */
export async function allStored<K extends RecordKind>(db: SidecarDb, kind: K): Promise<RecordOf<K>[]> {
  return (await readAllOf(db, [kind]))[kind];
}

export async function countStored(db: SidecarDb, kind: RecordKind): Promise<number> {
  return (await allStored(db, kind)).length;
}

export async function storedById<K extends RecordKind>(db: SidecarDb, kind: K, id: string): Promise<RecordOf<K> | undefined> {
  return db.transaction('r', db.recordTables, () => readRecord(new RecordSession(db), kind, id));
}

/** Stores records as they are (no stamping, checks or outbox), as a store written by an earlier sync would hold them. */
export async function addStored(db: SidecarDb, kind: RecordKind, records: readonly object[]): Promise<void> {
  await db.transaction('rw', db.recordTables, async () => {
    const session = new RecordSession(db);
    await session.loadAll({ withIndex: true });
    for (const record of records) await storeRecord(session, kind, record as Record<string, unknown>);
    await session.flush();
  });
}
