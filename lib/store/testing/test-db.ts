import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SidecarDb } from '../db';

/** A store in its own in-memory IndexedDB (fake-indexeddb), so tests never share data. */
export function openTestDb(factory: IDBFactory = new IDBFactory()): SidecarDb {
  return new SidecarDb('sidecar-test', { indexedDB: factory, IDBKeyRange });
}
