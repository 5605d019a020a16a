import { RECORD_KINDS, type RecordKind } from '../messaging/record-kinds';

/**
 * Where the account-scoped records live (store version 2): 256 values of the
 * `account_buckets` table, one per account bucket, each holding the records
 * of its accounts grouped by account and kind.
 *
 * Why: Chromium's IndexedDB costs ~300 µs of CPU per stored value whatever
 * its size up to 64 KB; values past that are kept as blob files for a flat
 * cost. An organization of 20,000 accounts (700,000 rows) kept one row per
 * value took minutes to fill; kept in a few hundred large values it takes
 * well under a second of the browser's IndexedDB work (ARCHITECTURE.md,
 * "Sync with the workspace").
 *
 * Stored value (`BucketRow`): `{ bucket, json }`, `json` being
 * `JSON.stringify(Bucket)`; a `Bucket` is `{ [accountId]: AccountEntry }`
 * and an `AccountEntry` is `{ [kind]: record[] }` (kinds with no record are
 * absent; `accounts` holds the account's own record). A JSON string rather
 * than a structured object: reading, changing one row and rewriting a 1 MB
 * value measured faster that way in Chromium, and the worker parses it once
 * per transaction. Lists, not objects keyed by id: an account holds a few
 * records of each kind (a short search), and objects keyed by 700,000 UUIDs
 * cost several times more to build, parse and collect.
 *
 * The bucket of a record is the first two hex digits of its account's id,
 * as an integer 0..255, the same split the server's snapshot uses
 * (`pull_snapshot`), so a snapshot part fills whole buckets.
 */

/** The kinds kept one record per row in their own table (a few per organization). */
export const TABLE_KINDS = ['organizations', 'organization_domains', 'members'] as const satisfies readonly RecordKind[];
export type TableKind = (typeof TABLE_KINDS)[number];

/** Every other kind belongs to one account, and lives in its account's bucket. */
export type AccountKind = Exclude<RecordKind, TableKind>;
export const ACCOUNT_KINDS: readonly AccountKind[] = RECORD_KINDS.filter((kind): kind is AccountKind => !(TABLE_KINDS as readonly string[]).includes(kind));

export const ACCOUNT_BUCKETS = 256;

type Row = Record<string, unknown>;
export type AccountEntry = Partial<Record<AccountKind, Row[]>>;
export type Bucket = Record<string, AccountEntry>;

/** A row of the `account_buckets` table. */
export interface BucketRow {
  bucket: number;
  json: string;
}

export function isAccountKind(kind: RecordKind): kind is AccountKind {
  return (ACCOUNT_KINDS as readonly string[]).includes(kind);
}

/** The account bucket of an account id: its first two hex digits (lower or upper case), 0..255. */
export function accountBucketOf(accountId: string): number {
  const bucket = parseInt(accountId.slice(0, 2), 16);
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= ACCOUNT_BUCKETS) throw new Error(`Not an account id: ${accountId}`);
  return bucket;
}

/** The account a record of an account-scoped kind belongs to. */
export function accountOf(kind: AccountKind, record: Row): string {
  return (kind === 'accounts' ? record.id : record.account_id) as string;
}

/**
 * Reads a stored bucket. A missing row is an empty bucket. A row that does
 * not read back as a bucket is not guessed at: the records are the store's
 * primary data, so the caller gets an error naming the bucket.
 */
export function parseBucket(row: BucketRow | undefined, bucket: number): Bucket {
  if (!row) return {};
  let parsed: unknown;
  try {
    parsed = typeof row.json === 'string' ? JSON.parse(row.json) : undefined;
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`The local store's account bucket ${bucket} is damaged.`);
  return parsed as Bucket;
}

export function bucketRow(bucket: number, value: Bucket): BucketRow {
  return { bucket, json: JSON.stringify(value) };
}

/** Every record of one kind in an entry (none: `[]`). Treat as read-only. */
export function recordsOf(entry: AccountEntry | undefined, kind: AccountKind): Row[] {
  return entry?.[kind] ?? [];
}

/** One record of an entry, by kind and id. */
export function findIn(entry: AccountEntry | undefined, kind: AccountKind, id: string): Row | undefined {
  const records = entry?.[kind];
  if (!records) return undefined;
  for (const record of records) if (record.id === id) return record;
  return undefined;
}

/** Puts a record into its account's entry (replacing the one with its id), creating the entry. */
export function putInBucket(bucket: Bucket, kind: AccountKind, record: Row): void {
  const account = accountOf(kind, record);
  const entry = (bucket[account] ??= {});
  const records = (entry[kind] ??= []);
  const at = records.findIndex((other) => other.id === record.id);
  if (at === -1) records.push(record);
  else records[at] = record;
}

/** Appends a record known not to be in its account's entry yet (no search). */
export function appendToBucket(bucket: Bucket, kind: AccountKind, record: Row): void {
  ((bucket[accountOf(kind, record)] ??= {})[kind] ??= []).push(record);
}

/** Removes a record from its account's entry (an entry left empty goes too). */
export function removeFromBucket(bucket: Bucket, kind: AccountKind, accountId: string, id: string): boolean {
  const entry = bucket[accountId];
  const records = entry?.[kind];
  const at = records ? records.findIndex((record) => record.id === id) : -1;
  if (!entry || !records || at === -1) return false;
  records.splice(at, 1);
  if (records.length === 0) delete entry[kind];
  if (Object.keys(entry).length === 0) delete bucket[accountId];
  return true;
}
