import type { RecordKind } from '../messaging/record-kinds';
import type { RecognitionInput } from '../recognition/input';
import { accountDomainKeys, accountNameKeys, stakeholderAddressKey } from '../recognition/row-keys';

/**
 * How the recognition cache (recognition-cache.ts) writes each row: compact
 * arrays, id first, each with the keys the index files it under, derived
 * here once per write instead of on every index build.
 *
 *   accounts      [id, name, nameKeys, aliases?]
 *   domains       [id, account_id, domain, host, registrable]
 *   stakeholders  [id, account_id, email, name, addressKey]
 *   own domains   [id, domain]
 *
 * Arrays, not objects keyed by id: JSON.parse builds 10,000-key objects
 * several times slower than lists of short arrays. A key equal to the field
 * before it is written `0` (`host` the domain as typed, `registrable` the
 * host, `addressKey` the email, as they almost always are): the JSON stays
 * small and the decoded key is that very string, not a copy. `null`: the row
 * has no such key and is never filed.
 *
 * Bump `RECOGNITION_CACHE_FORMAT` whenever this layout changes: a cache in
 * another format is rebuilt from the tables.
 */
export const RECOGNITION_CACHE_FORMAT = 2;

type AccountRow = [id: string, name: string, nameKeys: string[], aliases?: string[]];
type DomainRow = [id: string, account_id: string, domain: string, host: string | 0 | null, registrable: string | 0 | null];
type StakeholderRow = [id: string, account_id: string, email: string, name: string, addressKey: string | 0 | null];
type OwnDomainRow = [id: string, domain: string];

export interface Bucket {
  a: AccountRow[];
  d: DomainRow[];
  s: StakeholderRow[];
  o: OwnDomainRow[];
}

export const RECOGNITION_KINDS = ['accounts', 'account_domains', 'stakeholders', 'organization_domains'] as const satisfies readonly RecordKind[];
export type RecognitionKind = (typeof RECOGNITION_KINDS)[number];

/** Rows are spread over this many buckets by record id, so a write rewrites one bucket's JSON. */
export const BUCKETS = 16;

/** The bucket of a record, from the last two hex digits of its UUID. */
export function bucketOf(id: string): number {
  return parseInt(id.slice(-2), 16) % BUCKETS;
}

export function emptyBucket(): Bucket {
  return { a: [], d: [], s: [], o: [] };
}

/** Adds a stored record's row (with its keys) to a bucket. A stakeholder without an address has no row. */
export function addTo(bucket: Bucket, kind: RecognitionKind, r: Record<string, unknown>): void {
  const id = r.id as string;
  if (kind === 'accounts') {
    // The database has no aliases column yet: a record with aliases keeps them (and their keys), one without writes none.
    const name = r.name as string;
    const aliases = Array.isArray(r.aliases) ? r.aliases.filter((alias): alias is string => typeof alias === 'string') : [];
    const keys = accountNameKeys(name, aliases);
    bucket.a.push(aliases.length > 0 ? [id, name, keys, aliases] : [id, name, keys]);
  }
  if (kind === 'account_domains') {
    const domain = r.domain as string;
    const keys = accountDomainKeys(domain);
    const host = keys && (keys.host === domain ? 0 : keys.host);
    const registrable = keys && (keys.registrable === keys.host ? 0 : keys.registrable);
    bucket.d.push([id, r.account_id as string, domain, host, registrable]);
  }
  if (kind === 'stakeholders' && typeof r.email === 'string') {
    const key = stakeholderAddressKey(r.email);
    bucket.s.push([id, r.account_id as string, r.email, r.name as string, key === r.email ? 0 : key]);
  }
  if (kind === 'organization_domains') bucket.o.push([id, r.domain as string]);
}

/**
 * The fields of a record its cache row is made of (the keys are derived from
 * them), or `null` when it has no row: two versions with the same fields
 * have the same row, keys included, without deriving any key.
 */
export function rowSource(kind: RecognitionKind, r: Record<string, unknown>): unknown[] | null {
  if (kind === 'accounts') return [r.id, r.name, Array.isArray(r.aliases) ? r.aliases : []];
  if (kind === 'account_domains') return [r.id, r.account_id, r.domain];
  if (kind === 'stakeholders') return typeof r.email === 'string' ? [r.id, r.account_id, r.email, r.name] : null;
  return [r.id, r.domain];
}

const FIELD = { accounts: 'a', account_domains: 'd', stakeholders: 's', organization_domains: 'o' } as const satisfies Record<RecognitionKind, keyof Bucket>;

/** One stored record (or its deletion, `null`) for a bucket. */
export interface BucketPatch {
  kind: RecognitionKind;
  id: string;
  record: Record<string, unknown> | null;
}

/**
 * Applies patches to one bucket with the result of applying them one by
 * one, in order (each drops its record's row, then adds the new one at the
 * end of its list), in one pass over the bucket's rows. Dropping rows one
 * at a time scanned the bucket once per patch: a pulled page of thousands
 * of rows landing in a cache of 100,000 was quadratic (minutes at scale).
 */
export function patchBucket(bucket: Bucket, patches: readonly BucketPatch[]): void {
  const lastByField = new Map<keyof Bucket, Map<string, BucketPatch>>();
  for (const patch of patches) {
    const field = FIELD[patch.kind];
    let last = lastByField.get(field);
    if (!last) lastByField.set(field, (last = new Map()));
    // Deleted first, so the map's order is that of each id's last patch: the order the rows are added in.
    last.delete(patch.id);
    last.set(patch.id, patch);
  }
  for (const [field, last] of lastByField) {
    const rows = bucket[field] as unknown[][];
    let kept = 0;
    for (let i = 0; i < rows.length; i += 1) if (!last.has(rows[i]![0] as string)) rows[kept++] = rows[i]!;
    rows.length = kept;
    for (const { kind, record } of last.values()) if (record) addTo(bucket, kind, record);
  }
}

/**
 * One bucket's JSON as read back from `meta`, checked row by row, or `null`
 * when it is not a bucket of this format (a damaged value, a half-written
 * one, a layout this code does not know): the caller then rebuilds the cache
 * from the tables, the source of truth, rather than feeding the index
 * whatever the text holds. Plain type checks, not a schema: this runs on
 * every wake over every row (350,000 at scale) and must stay a small part of
 * loading the recognition input (bench/local-store.bench.ts).
 */
export function parseBucket(text: unknown): Bucket | null {
  if (typeof text !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isBucket(value) ? value : null;
}

function isBucket(value: unknown): value is Bucket {
  if (typeof value !== 'object' || value === null) return false;
  const { a, d, s, o } = value as Record<string, unknown>;
  return everyRow(a, isAccountRow) && everyRow(d, isDomainRow) && everyRow(s, isStakeholderRow) && everyRow(o, isOwnDomainRow);
}

function everyRow(rows: unknown, isRow: (row: unknown[]) => boolean): boolean {
  if (!Array.isArray(rows)) return false;
  for (const row of rows) if (!Array.isArray(row) || !isRow(row)) return false;
  return true;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
/** A derived key: a string, `0` (the field before it), or `null` (no key). */
const isKey = (value: unknown) => value === 0 || value === null || typeof value === 'string';

function isAccountRow(row: unknown[]): boolean {
  return (row.length === 3 || (row.length === 4 && isTextList(row[3]))) && isText(row[0]) && isText(row[1]) && isTextList(row[2]);
}

function isDomainRow(row: unknown[]): boolean {
  return row.length === 5 && isText(row[0]) && isText(row[1]) && isText(row[2]) && isKey(row[3]) && isKey(row[4]);
}

function isStakeholderRow(row: unknown[]): boolean {
  return row.length === 5 && isText(row[0]) && isText(row[1]) && isText(row[2]) && isText(row[3]) && isKey(row[4]);
}

function isOwnDomainRow(row: unknown[]): boolean {
  return row.length === 2 && isText(row[0]) && isText(row[1]);
}

/** The rows of every bucket, with their keys, as the index build takes them. */
export function decodeBuckets(buckets: readonly Bucket[]): RecognitionInput {
  const input: RecognitionInput = { accounts: [], accountDomains: [], stakeholders: [], ownDomains: [] };
  for (const bucket of buckets) {
    for (const [id, name, nameKeys, aliases] of bucket.a) input.accounts.push({ id, name, aliases: aliases ?? [], nameKeys });
    for (const [, account_id, domain, host, registrable] of bucket.d) {
      const hostKey = host === 0 ? domain : host;
      input.accountDomains.push({ account_id, domain, host: hostKey, registrable: registrable === 0 ? hostKey : registrable });
    }
    for (const [id, account_id, email, name, key] of bucket.s) input.stakeholders.push({ id, account_id, email, name, addressKey: key === 0 ? email : key });
    for (const [, domain] of bucket.o) input.ownDomains.push(domain);
  }
  return input;
}
