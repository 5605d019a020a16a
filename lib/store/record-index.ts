import { z } from 'zod';
import { ACCOUNT_BUCKETS, accountOf, ACCOUNT_KINDS, type Bucket } from './account-buckets';

/**
 * Which account a record belongs to, by record id: pages, tombstones and
 * outbox deletes name a record by id alone, and its bucket is its account's.
 * Also which account domain holds a domain (unique in the organization, the
 * one unique key that crosses accounts). Derived data, like the recognition
 * cache, kept in the `record_index` table and patched in each write's
 * transaction.
 *
 * Stored value (`IndexRow`): `{ bucket, json }`, 256 of them; `json` is
 * `JSON.stringify(IndexPart)`: `{ format, ids: { [recordId]: accountId },
 * domains: { [domain]: [accountDomainId, accountId] } }`. A record id is
 * filed under its first two hex digits, a domain under a hash of it.
 * Accounts are not filed: an account's bucket comes from its own id.
 *
 * Never trusted blindly: a part that is missing, damaged or in another
 * format makes the whole index be rebuilt from the buckets; an entry naming
 * an account whose bucket no longer holds the record (a cascade removes a
 * whole account without visiting the index) means "no such record".
 */
export const RECORD_INDEX_FORMAT = 1;

const IndexPart = z.object({
  format: z.literal(RECORD_INDEX_FORMAT),
  ids: z.record(z.string(), z.string()),
  domains: z.record(z.string(), z.tuple([z.string(), z.string()])),
});
export type IndexPart = z.infer<typeof IndexPart>;

/** A row of the `record_index` table. */
export interface IndexRow {
  bucket: number;
  json: string;
}

export function emptyIndexPart(): IndexPart {
  return { format: RECORD_INDEX_FORMAT, ids: {}, domains: {} };
}

/** The index part a record id is filed in: its first two hex digits. */
export function indexPartOfId(id: string): number {
  const part = parseInt(id.slice(0, 2), 16);
  return Number.isInteger(part) && part >= 0 ? part % ACCOUNT_BUCKETS : 0;
}

/** The index part a domain is filed in (FNV-1a of the domain; domains are not spread like UUIDs). */
export function indexPartOfDomain(domain: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < domain.length; i += 1) hash = Math.imul(hash ^ domain.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % ACCOUNT_BUCKETS;
}

/** A stored part, or `null` when it is missing or does not read back as one (then: rebuild). */
export function parseIndexPart(row: IndexRow | undefined): IndexPart | null {
  if (!row || typeof row.json !== 'string') return null;
  try {
    const parsed = IndexPart.safeParse(JSON.parse(row.json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function indexRow(bucket: number, part: IndexPart): IndexRow {
  return { bucket, json: JSON.stringify(part) };
}

/** Files every record of the buckets, in a full set of parts (one per index bucket, even empty). */
export function buildIndex(buckets: Iterable<Bucket>): IndexPart[] {
  const parts = Array.from({ length: ACCOUNT_BUCKETS }, emptyIndexPart);
  for (const bucket of buckets) {
    for (const entry of Object.values(bucket)) {
      for (const kind of ACCOUNT_KINDS) {
        if (kind === 'accounts') continue;
        const records = entry[kind];
        if (!records) continue;
        for (const record of records) fileRecord(parts, kind, record);
      }
    }
  }
  return parts;
}

/** Files one record into the parts (which must hold its parts). */
export function fileRecord(parts: (IndexPart | undefined)[], kind: (typeof ACCOUNT_KINDS)[number], record: Record<string, unknown>): void {
  if (kind === 'accounts') return;
  const id = record.id as string;
  const account = accountOf(kind, record);
  parts[indexPartOfId(id)]!.ids[id] = account;
  if (kind === 'account_domains') parts[indexPartOfDomain(record.domain as string)]!.domains[record.domain as string] = [id, account];
}
