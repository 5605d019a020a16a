import Dexie, { type DexieOptions, type Table } from 'dexie';
import { RECORD_KINDS, type RecordKind } from '../messaging/record-kinds';
import type { AnyRecord, RecordOf } from '../schemas/record-kinds';
import type { OutboxEntry } from '../schemas/outbox';
import { STORE_LAYOUTS } from './schema-history';

/** The IndexedDB database name of the local store. */
export const STORE_NAME = 'sidecar-store';

/** A row of the `meta` table: small named values such as the local identity. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The local store: one table per record kind (named as in the database), the
 * outbox, and `meta`. Only the background opens it; pages ask the background.
 *
 * Migrations: each entry of STORE_LAYOUTS becomes a Dexie version. When a
 * later version must rewrite records, give it an `.upgrade()` here, keyed by
 * its version number, and a test in db.migrations.test.ts.
 */
export class SidecarDb extends Dexie {
  declare outbox: Table<OutboxEntry, string>;
  declare meta: Table<MetaRow, string>;

  constructor(name: string = STORE_NAME, options?: DexieOptions) {
    super(name, options);
    for (const layout of STORE_LAYOUTS) {
      const version = this.version(layout.version).stores(layout.stores);
      const upgrade = UPGRADES[layout.version];
      if (upgrade) version.upgrade(upgrade);
    }
  }

  /** The table of one record kind. */
  records<K extends RecordKind>(kind: K): Table<RecordOf<K>, string> {
    return this.table(kind);
  }

  /** Every table of records, the outbox and meta: the scope of a write that may touch any of them. */
  get allTables(): Table[] {
    return [...RECORD_KINDS.map((kind) => this.table(kind)), this.outbox, this.meta];
  }
}

/**
 * Record rewrites between versions, by the version they lead to. Version 1 is
 * the first layout and rewrites nothing.
 */
const UPGRADES: Record<number, ((tx: import('dexie').Transaction) => Promise<void>) | undefined> = {};

export type { AnyRecord };

let shared: SidecarDb | undefined;

/**
 * The background's store, opened on first use after each wake. Holding the
 * Dexie handle in memory is safe: it is a connection, not data, and a
 * stopped worker simply opens it again.
 */
export function backgroundStore(): SidecarDb {
  shared ??= new SidecarDb();
  return shared;
}
