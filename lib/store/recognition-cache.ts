import { RecordSession } from './record-session';
import { readAllRecords } from './record-access';
import type { RecognitionInput } from '../recognition/input';
import type { RecordKind } from '../messaging/record-kinds';
import type { Table } from 'dexie';
import type { MetaRow, SidecarDb } from './db';
import { addTo, bucketOf, BUCKETS, decodeBuckets, emptyBucket, parseBucket, patchBucket, RECOGNITION_CACHE_FORMAT, RECOGNITION_KINDS, rowSource, type Bucket, type BucketPatch, type RecognitionKind } from './recognition-rows';

/**
 * The recognition input, kept ready in `meta` as a few JSON strings.
 *
 * Why: the panel needs every account, domain and stakeholder address the
 * moment a thread opens, and the service worker may have just woken with
 * nothing in memory. Reading 160,000 records from IndexedDB costs seconds
 * (each is a structured clone); reading 16 strings and parsing them costs a
 * small fraction of that (bench/local-store.bench.ts). Each row carries the
 * keys the recognition index files it under (recognition-rows.ts), derived
 * when the row is written, so the index build after a wake derives nothing.
 *
 * Rows are spread over buckets by record id, so a write patches one bucket
 * (a few hundred KB at 160,000 rows) inside the write's own transaction. The
 * cache is derived data: it is not exported, and when it is missing or in
 * another format (new store, import, migration, an older layout, an
 * extension update: `invalidateRecognition`) the next read rebuilds it from
 * the records. A bucket that does not read back as one (recognition-rows.ts
 * `parseBucket`) counts as missing: the cache is rebuilt, never trusted.
 */
/** Holds the format the cache was built in (`RECOGNITION_CACHE_FORMAT`); absent: not built. */
const BUILT_KEY = 'recognition:built';
/**
 * Changes (to a fresh random value) whenever the cached rows change: a
 * patch, a rebuild, an invalidation. The background keeps a built index in
 * memory keyed by it (lib/background/recognition-memo.ts) and rebuilds when
 * it differs, whoever wrote (the panel, the sync, an import).
 */
const VERSION_KEY = 'recognition:version';
const bucketKey = (bucket: number) => `recognition:${bucket}`;

export { RECOGNITION_KINDS, type RecognitionKind };

export function isRecognitionKind(kind: RecordKind): kind is RecognitionKind {
  return (RECOGNITION_KINDS as readonly string[]).includes(kind);
}

/** Reads the rows, rebuilding the cache first if it is missing. Needs a rw transaction over `db.recordTables` and `meta`. */
export async function readRecognitionRows(db: SidecarDb): Promise<RecognitionInput> {
  return decodeBuckets((await readBuckets(db)) ?? (await rebuild(db)));
}

/** The rows if the cache is built, else `null`. Needs only a read transaction over `meta`. */
export async function readCachedRecognitionRows(db: SidecarDb): Promise<RecognitionInput | null> {
  const buckets = await readBuckets(db);
  return buckets && decodeBuckets(buckets);
}

/** One stored record (or its deletion, `null`) for the cache. */
export type RecognitionPatch = BucketPatch;

/** Applies one stored record (or its deletion, `null`) to the cache. Call inside the write's transaction. */
export async function patchRecognition(db: SidecarDb, kind: RecognitionKind, id: string, record: Record<string, unknown> | null): Promise<void> {
  await patchRecognitionMany(db, [{ kind, id, record }]);
}

/**
 * Applies many patches, in order, reading and rewriting each touched bucket
 * once (a bucket is a few hundred KB of JSON at scale: once per batch, not
 * once per row). Call inside the writes' transaction.
 */
export async function patchRecognitionMany(db: SidecarDb, patches: readonly RecognitionPatch[]): Promise<void> {
  if (patches.length === 0) return;
  if (!isBuilt(await db.meta.get(BUILT_KEY))) return; // Not built (or built in another format): the next read builds it from the records.
  const indexes = [...new Set(patches.map((patch) => bucketOf(patch.id)))];
  const rows = await db.meta.bulkGet(indexes.map(bucketKey));
  const read = rows.map((row) => (row ? parseBucket(row.value) : emptyBucket()));
  // A damaged bucket is not patched: the whole cache is dropped, and the next read rebuilds it from the records.
  if (read.includes(null)) return invalidateRecognition(db);
  const buckets = new Map(indexes.map((index, i) => [index, read[i]!]));
  const byBucket = new Map<number, RecognitionPatch[]>(indexes.map((index) => [index, []]));
  for (const patch of patches) byBucket.get(bucketOf(patch.id))!.push(patch);
  for (const [index, bucketPatches] of byBucket) patchBucket(buckets.get(index)!, bucketPatches);
  await db.meta.bulkPut([...buckets].map(([index, bucket]) => ({ key: bucketKey(index), value: JSON.stringify(bucket) })));
  await bumpVersion(db);
}

/** The cache's version, or `null` when it is not built. Needs a transaction over `meta` (or none). */
export async function readRecognitionVersion(db: SidecarDb): Promise<string | null> {
  const [built, version] = await db.meta.bulkGet([BUILT_KEY, VERSION_KEY]);
  return built?.value === RECOGNITION_CACHE_FORMAT && typeof version?.value === 'string' ? version.value : null;
}

async function bumpVersion(db: SidecarDb): Promise<void> {
  await db.meta.put({ key: VERSION_KEY, value: crypto.randomUUID() });
}

/**
 * Drops the cache (after an import, or when the code that derives its keys
 * may have changed: an extension update); the next read rebuilds it.
 */
export async function invalidateRecognition(db: SidecarDb): Promise<void> {
  await dropRecognitionCache(db.meta);
}

/** `invalidateRecognition` given the `meta` table alone (a version upgrade has no `SidecarDb` yet). */
export async function dropRecognitionCache(meta: Table<MetaRow, string>): Promise<void> {
  await meta.delete(BUILT_KEY);
  await meta.put({ key: VERSION_KEY, value: crypto.randomUUID() });
}

/**
 * Whether the cache is built, in this format. Takes the `meta` row rather
 * than the store: a helper that awaited the read itself would put a native
 * promise between the transaction's requests, and IndexedDB would commit the
 * transaction before the rebuild's writes (PrematureCommitError).
 */
function isBuilt(row: { value: unknown } | undefined): boolean {
  return row?.value === RECOGNITION_CACHE_FORMAT;
}

/** The buckets, or `null` when the cache is not built or any bucket is damaged (either way: rebuild). */
async function readBuckets(db: SidecarDb): Promise<Bucket[] | null> {
  if (!isBuilt(await db.meta.get(BUILT_KEY))) return null;
  const rows = await db.meta.bulkGet(Array.from({ length: BUCKETS }, (_, i) => bucketKey(i)));
  const buckets: Bucket[] = [];
  for (const row of rows) {
    const bucket = row ? parseBucket(row.value) : emptyBucket();
    if (!bucket) return null;
    buckets.push(bucket);
  }
  return buckets;
}

async function rebuild(db: SidecarDb): Promise<Bucket[]> {
  const buckets = Array.from({ length: BUCKETS }, emptyBucket);
  const session = new RecordSession(db);
  for (const kind of RECOGNITION_KINDS) {
    for (const record of await readAllRecords(session, kind)) addTo(buckets[bucketOf(record.id)]!, kind, record as Record<string, unknown>);
  }
  await db.meta.bulkPut(buckets.map((bucket, i) => ({ key: bucketKey(i), value: JSON.stringify(bucket) })));
  await db.meta.put({ key: BUILT_KEY, value: RECOGNITION_CACHE_FORMAT });
  await bumpVersion(db);
  return buckets;
}

/** Whether two versions of a record put the same row in the cache (a patch between them changes nothing). */
export function sameForRecognition(kind: RecognitionKind, a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean {
  const sourceOf = (record: Record<string, unknown> | null) => JSON.stringify(record && rowSource(kind, record));
  return sourceOf(a) === sourceOf(b);
}
