import Dexie from 'dexie';
import type { RecordKind } from '../messaging/record-kinds';
import type { RecordOf } from '../schemas/record-kinds';
import { isAccountKind, type TableKind } from './account-buckets';
import type { SidecarDb } from './db';
import { RecordSession } from './record-session';

type Row = Record<string, unknown>;

/*
 * Records of any kind, through a session (record-session.ts): the
 * account-scoped kinds from their buckets, the organization's own from their
 * tables. Each helper returns Dexie's promises (never a
 * native one), so a caller may await them in a loop inside a transaction.
 */

/** One record of any kind, or undefined. */
export function readRecord<K extends RecordKind>(session: RecordSession, kind: K, id: string): Promise<RecordOf<K> | undefined> {
  if (!isAccountKind(kind)) return session.database.table(kind).get(id) as Promise<RecordOf<K> | undefined>;
  return session.prepare(kind === 'accounts' ? [] : [id], kind === 'accounts' ? [id] : []).then(() => session.get(kind, id) as RecordOf<K> | undefined);
}

/** Every record of any kind, in id order. */
export function readAllRecords<K extends RecordKind>(session: RecordSession, kind: K): Promise<RecordOf<K>[]> {
  if (!isAccountKind(kind)) return session.database.table(kind).toArray() as Promise<RecordOf<K>[]>;
  return session.loadAll().then(() => session.all(kind) as RecordOf<K>[]);
}

/** Stores a record of any kind: an account-scoped one in the session (prepared), the others in their table at once. */
export function storeRecord(session: RecordSession, kind: RecordKind, record: Row): Promise<void> {
  if (!isAccountKind(kind)) return session.database.table<Row, string>(kind as TableKind).put(record).then(() => undefined);
  session.put(kind, record);
  return Dexie.Promise.resolve();
}

/** Every record of each kind asked (in id order), read in one transaction. */
export async function readAllOf<K extends RecordKind>(db: SidecarDb, kinds: readonly K[]): Promise<{ [P in K]: RecordOf<P>[] }> {
  return db.transaction('r', db.recordTables, async () => {
    const session = new RecordSession(db);
    const out = {} as { [P in K]: RecordOf<P>[] };
    for (const kind of kinds) out[kind] = await readAllRecords(session, kind);
    return out;
  });
}
