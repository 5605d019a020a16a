import Dexie from 'dexie';
import type { RecordOf } from '../schemas/record-kinds';
import {
  ACCOUNT_BUCKETS,
  accountBucketOf,
  accountOf,
  bucketRow,
  findIn,
  parseBucket,
  putInBucket,
  recordsOf,
  removeFromBucket,
  type AccountEntry,
  type AccountKind,
  type Bucket,
} from './account-buckets';
import type { SidecarDb } from './db';
import { buildIndex, indexPartOfDomain, indexPartOfId, indexRow, parseIndexPart, type IndexPart } from './record-index';

type Row = Record<string, unknown>;

/**
 * The account-scoped records as one transaction sees them: every reader and
 * writer of them goes through a session, so callers name records by kind and
 * id as they did when each kind had its own table, and the buckets
 * (account-buckets.ts) and the id index (record-index.ts) stay this
 * module's business.
 *
 * The pattern is "load what you need, change it in memory, write it back":
 * `prepare` (or `loadAll`) reads the index parts and buckets a piece of work
 * needs, each at most once per session and many in one request; then the
 * lookups and changes are synchronous, in memory; `flush` writes each
 * changed value once. A lookup of something not read first throws: that is
 * a bug in the caller, not a missing record.
 *
 * Why synchronous: Dexie keeps a transaction across native `await`s only for
 * a hundred or so microtasks after its own last request, so a loop awaiting
 * in-memory lookups (thousands of rows of a pulled page) would lose it
 * (PrematureCommitError). Only the loading and writing await, and they
 * await Dexie.
 *
 * Create a session inside a transaction over `db.recordTables` (plus
 * whatever else the caller touches) and `flush` before it ends (a write);
 * a read-only session never flushes. The organization's own kinds
 * (organizations, organization_domains, members) stay in their tables:
 * `readRecord`, `readAllRecords` and `storeRecord` below take any kind.
 */
export class RecordSession {
  protected readonly buckets = new Map<number, Bucket>();
  protected readonly dirtyBuckets = new Set<number>();
  protected readonly index = new Map<number, IndexPart>();
  protected readonly dirtyIndex = new Set<number>();
  private allLoaded = false;
  /** The index is this session's own scratch, never written (snapshot-session.ts). */
  protected detached = false;

  constructor(private readonly db: SidecarDb) {}

  /** The store this session reads and writes. */
  get database(): SidecarDb {
    return this.db;
  }

  /**
   * Reads what work on these records needs, in a few requests: the index
   * parts of `ids` (records of account-scoped kinds other than accounts,
   * existing or about to be) and of `domains` (account domains'), then the
   * buckets of `accounts`, of the accounts the ids and domains are filed
   * under, and the index parts of the domains those account domains hold
   * now. Values already read are not read again; what cannot name anything
   * is ignored.
   */
  prepare(ids: Iterable<string>, accounts: Iterable<string> = [], domains: Iterable<string> = []): Promise<void> {
    const idList = [...ids].filter(isHexPrefixed);
    const domainList = [...domains];
    const accountList = [...accounts];
    return this.loadIndex([...idList.map(indexPartOfId), ...domainList.map(indexPartOfDomain)])
      .then(() => {
        const wanted = new Set<number>();
        for (const account of accountList) if (isHexPrefixed(account)) wanted.add(accountBucketOf(account));
        for (const id of idList) {
          const account = this.index.get(indexPartOfId(id))!.ids[id];
          if (account) wanted.add(accountBucketOf(account));
        }
        for (const domain of domainList) {
          const filed = this.index.get(indexPartOfDomain(domain))!.domains[domain];
          if (filed) wanted.add(accountBucketOf(filed[1]));
        }
        return this.loadBuckets(wanted);
      })
      .then(() => {
        // An account domain about to change its domain unfiles the old one.
        const held = idList.map((id) => this.stored('account_domains', id)?.domain).filter((domain): domain is string => typeof domain === 'string');
        return this.loadIndex(held.map(indexPartOfDomain));
      });
  }

  /** The index parts this session holds (a snapshot session's: the scratch index of its buckets and changes). */
  indexParts(): ReadonlyMap<number, IndexPart> {
    return this.index;
  }

  /** Reads every index part (rebuilding the index if one is missing or damaged). */
  loadIndexParts(): Promise<void> {
    return this.loadIndex(Array.from({ length: ACCOUNT_BUCKETS }, (_, part) => part));
  }

  /** Reads every bucket (and, `withIndex`, every index part): for work over the whole store. */
  loadAll(options: { withIndex?: boolean } = {}): Promise<void> {
    const buckets = this.allLoaded
      ? Dexie.Promise.resolve()
      : this.db.account_buckets.toArray().then((rows) => {
          const stored = new Map(rows.map((row) => [row.bucket, row]));
          for (let bucket = 0; bucket < ACCOUNT_BUCKETS; bucket += 1) {
            // A bucket already read may hold this session's changes: keep it.
            if (!this.buckets.has(bucket)) this.buckets.set(bucket, parseBucket(stored.get(bucket), bucket));
          }
          this.allLoaded = true;
        });
    return buckets.then(() => (options.withIndex ? this.loadIndexParts() : undefined));
  }

  /** One record, or undefined. Needs its id (or, for an account, its own id) prepared. */
  get<K extends AccountKind>(kind: K, id: string): RecordOf<K> | undefined {
    const account = this.accountOfRecord(kind, id);
    return account === undefined ? undefined : (findIn(this.bucket(accountBucketOf(account))[account], kind, id) as RecordOf<K>);
  }

  /** The account a stored record belongs to, or undefined when there is no such record. */
  accountOfRecord(kind: AccountKind, id: string): string | undefined {
    if (!isHexPrefixed(id)) return undefined;
    const account = kind === 'accounts' ? id : this.part(indexPartOfId(id)).ids[id];
    if (account === undefined) return undefined;
    // The index may name a record that has gone with its account (record-index.ts): the bucket decides.
    return findIn(this.bucket(accountBucketOf(account))[account], kind, id) ? account : undefined;
  }

  /** Everything stored about one account, by kind (undefined: nothing). Treat as read-only. */
  entry(accountId: string): AccountEntry | undefined {
    return isHexPrefixed(accountId) ? this.bucket(accountBucketOf(accountId))[accountId] : undefined;
  }

  /** The records of one kind of one account. */
  ofAccount<K extends AccountKind>(kind: K, accountId: string): RecordOf<K>[] {
    return recordsOf(this.entry(accountId), kind) as RecordOf<K>[];
  }

  /** Every record of a kind, in id order (as a table of that kind listed them). Needs `loadAll`. */
  all<K extends AccountKind>(kind: K): RecordOf<K>[] {
    const out: Row[] = [];
    for (const [, entry] of this.entries()) {
      const records = entry[kind];
      if (records) for (const record of records) out.push(record);
    }
    return out.sort(byId) as RecordOf<K>[];
  }

  /** Every account's id and entry. Needs `loadAll`; treat the entries as read-only. */
  entries(): [string, AccountEntry][] {
    if (!this.allLoaded) throw new Error('RecordSession: loadAll() first');
    const out: [string, AccountEntry][] = [];
    for (let bucket = 0; bucket < ACCOUNT_BUCKETS; bucket += 1) out.push(...Object.entries(this.buckets.get(bucket)!));
    return out;
  }

  /** Whether no account-scoped record is stored. Needs `loadAll`. */
  isEmpty(): boolean {
    return this.entries().length === 0;
  }

  /** The account domain holding `domain`, if any (unique in the organization). Needs the domain prepared. */
  byDomain(domain: string): RecordOf<'account_domains'> | undefined {
    const filed = this.part(indexPartOfDomain(domain)).domains[domain];
    if (!filed) return undefined;
    const [id, account] = filed;
    const record = findIn(this.bucket(accountBucketOf(account))[account], 'account_domains', id);
    return record && record.domain === domain ? (record as RecordOf<'account_domains'>) : undefined;
  }

  /**
   * Stores a record (replacing the one with its id, wherever it was),
   * filing it in the index. Needs its id, its account and (account domains)
   * its domain prepared.
   */
  put(kind: AccountKind, record: Row): void {
    const id = record.id as string;
    const account = accountOf(kind, record);
    const bucket = this.bucket(accountBucketOf(account));
    if (kind === 'accounts') {
      putInBucket(bucket, kind, record);
      this.dirtyBuckets.add(accountBucketOf(account));
      return;
    }
    const part = this.part(indexPartOfId(id));
    const before = this.accountOfRecord(kind, id);
    let previous = findIn(bucket[account], kind, id);
    if (before !== undefined && before !== account) {
      // A record that moved account leaves its old entry.
      const old = this.bucket(accountBucketOf(before));
      previous = findIn(old[before], kind, id);
      removeFromBucket(old, kind, before, id);
      this.dirtyBuckets.add(accountBucketOf(before));
    }
    putInBucket(bucket, kind, record);
    this.dirtyBuckets.add(accountBucketOf(account));
    if (part.ids[id] !== account) {
      part.ids[id] = account;
      this.dirtyIndex.add(indexPartOfId(id));
    }
    if (kind === 'account_domains') {
      const domain = record.domain as string;
      if (previous && previous.domain !== domain) this.unfileDomain(previous.domain as string, id);
      const domainPart = this.part(indexPartOfDomain(domain));
      const filed = domainPart.domains[domain];
      if (!filed || filed[0] !== id || filed[1] !== account) {
        domainPart.domains[domain] = [id, account];
        this.dirtyIndex.add(indexPartOfDomain(domain));
      }
    }
  }

  /**
   * Removes one record, nothing else (the cascade is records.ts's); returns
   * it, or undefined when there was none. `account`, when the caller knows
   * it (a record found in its account's entry), spares the index lookup.
   * Its index entries are dropped when their parts were read; otherwise
   * they stay behind, read as "no such record" (record-index.ts).
   */
  remove<K extends AccountKind>(kind: K, id: string, account: string | undefined = this.accountOfRecord(kind, id)): RecordOf<K> | undefined {
    if (account === undefined) return undefined;
    const bucket = this.bucket(accountBucketOf(account));
    const record = findIn(bucket[account], kind, id);
    if (!record) return undefined;
    removeFromBucket(bucket, kind, account, id);
    this.dirtyBuckets.add(accountBucketOf(account));
    const part = this.index.get(indexPartOfId(id));
    if (kind !== 'accounts' && part && part.ids[id] !== undefined) {
      delete part.ids[id];
      this.dirtyIndex.add(indexPartOfId(id));
    }
    if (kind === 'account_domains') this.unfileDomain(record.domain as string, id);
    return record as RecordOf<K>;
  }

  /**
   * Removes an account's whole entry (its record and everything filed under
   * it: the database's cascade from an account). Its records' index entries
   * stay behind and read as "no such record" (record-index.ts).
   */
  removeAccount(accountId: string): AccountEntry | undefined {
    const entry = this.entry(accountId);
    if (!entry) return undefined;
    delete this.bucket(accountBucketOf(accountId))[accountId];
    this.dirtyBuckets.add(accountBucketOf(accountId));
    return entry;
  }

  /** Writes every changed bucket and index part, once each. Call before the transaction ends. */
  flush(): Promise<void> {
    const buckets = [...this.dirtyBuckets].map((bucket) => bucketRow(bucket, this.buckets.get(bucket)!));
    const parts = this.detached ? [] : [...this.dirtyIndex].map((part) => indexRow(part, this.index.get(part)!));
    this.dirtyBuckets.clear();
    this.dirtyIndex.clear();
    return this.db.account_buckets.bulkPut(buckets).then(() => this.db.record_index.bulkPut(parts)).then(() => undefined);
  }

  private stored(kind: AccountKind, id: string): Row | undefined {
    const account = this.index.get(indexPartOfId(id))?.ids[id];
    return account === undefined ? undefined : findIn(this.buckets.get(accountBucketOf(account))?.[account], kind, id);
  }

  protected bucket(number: number): Bucket {
    const bucket = this.buckets.get(number);
    if (!bucket) throw new Error(`RecordSession: account bucket ${number} was not read (prepare it first)`);
    return bucket;
  }

  private part(number: number): IndexPart {
    const part = this.index.get(number);
    if (!part) throw new Error(`RecordSession: index part ${number} was not read (prepare it first)`);
    return part;
  }

  private unfileDomain(domain: string, id: string): void {
    const number = indexPartOfDomain(domain);
    const part = this.index.get(number);
    if (part?.domains[domain]?.[0] !== id) return;
    delete part.domains[domain];
    this.dirtyIndex.add(number);
  }

  /*
   * The loaders return Dexie's promises, even when nothing is left to read:
   * a caller's first `await` in a transaction must be on one of Dexie's, or
   * Dexie leaves the transaction's zone and the next request runs outside it.
   */
  protected loadBuckets(numbers: Iterable<number>): Promise<void> {
    const missing = [...new Set(numbers)].filter((bucket) => !this.buckets.has(bucket));
    if (missing.length === 0) return Dexie.Promise.resolve();
    return this.db.account_buckets.bulkGet(missing).then((rows) => {
      missing.forEach((bucket, i) => this.buckets.set(bucket, parseBucket(rows[i], bucket)));
    });
  }

  /** Reads index parts; one that is missing or damaged has the whole index rebuilt from the buckets. */
  private loadIndex(numbers: Iterable<number>): Promise<void> {
    const missing = [...new Set(numbers)].filter((part) => !this.index.has(part));
    if (missing.length === 0) return Dexie.Promise.resolve();
    return this.db.record_index.bulkGet(missing).then((rows) => {
      const parts = rows.map(parseIndexPart);
      if (parts.every((part) => part !== null)) {
        missing.forEach((number, i) => this.index.set(number, parts[i]!));
        return undefined;
      }
      return this.loadAll().then(() => {
        buildIndex(this.buckets.values()).forEach((part, number) => {
          this.index.set(number, part);
          this.dirtyIndex.add(number);
        });
      });
    });
  }
}

/** Whether a string starts with two hex digits (a bucket): anything else names no record here. */
function isHexPrefixed(id: unknown): id is string {
  return typeof id === 'string' && id.length >= 2 && isHexDigit(id.charCodeAt(0)) && isHexDigit(id.charCodeAt(1));
}

/** Without a regular expression: this runs for every record a snapshot writes. */
function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

function byId(a: Row, b: Row): number {
  return (a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0;
}
