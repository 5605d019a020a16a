import { accountBucketOf, accountOf, appendToBucket, type AccountKind, type Bucket } from './account-buckets';
import { buildIndex, indexPartOfDomain } from './record-index';
import { RecordSession } from './record-session';

type Row = Record<string, unknown>;

/**
 * The snapshot writer's session (snapshot-writer.ts): the buckets of one
 * part, with an index of its own built from them that `flush` never writes
 * (the snapshot collects the index across its parts and writes it once at
 * the end), and a way to append a fresh account's records without lookups.
 */
export class SnapshotSession extends RecordSession {
  /**
   * Reads the buckets asked, and files their records (and the domain
   * entries given) in the session's own index. Lookups then see these
   * buckets only. Call once, first.
   */
  prepareDetached(buckets: Iterable<number>, domains: readonly (readonly [domain: string, id: string, account: string])[]): Promise<void> {
    const numbers = new Set(buckets);
    for (const [, , account] of domains) numbers.add(accountBucketOf(account));
    return this.loadBuckets(numbers).then(() => {
      this.detached = true;
      buildIndex(this.buckets.values()).forEach((part, number) => this.index.set(number, part));
      for (const [domain, id, account] of domains) {
        const part = this.index.get(indexPartOfDomain(domain))!;
        part.domains[domain] ??= [id, account];
      }
    });
  }

  /** The buckets this session read or wrote, by number. Treat as read-only. */
  loadedBuckets(): ReadonlyMap<number, Bucket> {
    return this.buckets;
  }

  /**
   * Stores a record known to be new to its account's entry, and its account
   * not to hold it anywhere else (the snapshot writer's fresh accounts):
   * no lookups. Its bucket must be read; the index is not touched (the
   * snapshot files it at the end).
   */
  putNew(kind: AccountKind, record: Row): void {
    const number = accountBucketOf(accountOf(kind, record));
    appendToBucket(this.bucket(number), kind, record);
    this.dirtyBuckets.add(number);
  }

}
