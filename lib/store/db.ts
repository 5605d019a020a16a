import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { AnyRecord } from '../schemas/record-kinds';
import type { OutboxEntry } from '../schemas/outbox';
import { ACCOUNT_KINDS, bucketRow, putInBucket, type Bucket, type BucketRow } from './account-buckets';
import { buildIndex, indexRow, type IndexRow } from './record-index';
import { dropRecognitionCache } from './recognition-cache';
import { STORE_LAYOUTS } from './schema-history';

/** The IndexedDB database name of the local store. */
export const STORE_NAME = 'sidecar-store';

/** A row of the `meta` table: small named values such as the local identity. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The local store: the organization's own kinds (organizations,
 * organization_domains, members) one record per row in tables named as in
 * the database; every account-scoped record in `account_buckets`
 * (account-buckets.ts) with its id index `record_index` (record-index.ts);
 * the outbox, and `meta`. Only the background opens it; pages ask the
 * background. Records are read and written through a `RecordSession`
 * (record-session.ts).
 *
 * Migrations: each entry of STORE_LAYOUTS becomes a Dexie version. When a
 * later version must rewrite records, give it an `.upgrade()` here, keyed by
 * its version number, and a test in db.migrations.test.ts.
 */
export class SidecarDb extends Dexie {
  declare outbox: Table<OutboxEntry, string>;
  declare meta: Table<MetaRow, string>;
  declare account_buckets: Table<BucketRow, number>;
  declare record_index: Table<IndexRow, number>;

  constructor(name: string = STORE_NAME, options?: DexieOptions) {
    super(name, options);
    for (const layout of STORE_LAYOUTS) {
      const version = this.version(layout.version).stores(layout.stores);
      const upgrade = UPGRADES[layout.version];
      if (upgrade) version.upgrade(upgrade);
    }
  }

  /** Every table that holds records: the scope of a transaction that reads or writes them. */
  get recordTables(): Table[] {
    return [this.table('organizations'), this.table('organization_domains'), this.table('members'), this.account_buckets, this.record_index];
  }

  /** Every table of records, the outbox and meta: the scope of a write that may touch any of them. */
  get allTables(): Table[] {
    return [...this.recordTables, this.outbox, this.meta];
  }
}

/**
 * Version 2 moves each account-scoped kind's rows into the account buckets,
 * files them in the id index, and drops the recognition cache (rebuilt on
 * the next read). Dexie deletes the old tables after this runs.
 */
async function toAccountBuckets(tx: Transaction): Promise<void> {
  const buckets = new Map<number, Bucket>();
  for (const kind of ACCOUNT_KINDS) {
    const rows = (await tx.table(kind).toArray()) as Record<string, unknown>[];
    for (const row of rows) {
      const account = (kind === 'accounts' ? row.id : row.account_id) as string;
      const number = parseInt(account.slice(0, 2), 16);
      if (!buckets.has(number)) buckets.set(number, {});
      putInBucket(buckets.get(number)!, kind, row);
    }
  }
  await tx.table('account_buckets').bulkPut([...buckets].map(([number, bucket]) => bucketRow(number, bucket)));
  await tx.table('record_index').bulkPut(buildIndex(buckets.values()).map((part, number) => indexRow(number, part)));
  await dropRecognitionCache(tx.table('meta'));
}

/**
 * Record rewrites between versions, by the version they lead to. Version 1 is
 * the first layout and rewrites nothing.
 */
const UPGRADES: Record<number, ((tx: Transaction) => Promise<void>) | undefined> = {
  2: toAccountBuckets,
};

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
