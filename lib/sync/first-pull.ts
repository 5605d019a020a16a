import type { RecordKind } from '../messaging/record-kinds';
import type { AnyRecord } from '../schemas/record-kinds';
import { ACCOUNT_BUCKETS } from '../store/account-buckets';
import type { SidecarDb } from '../store/db';
import { finishSnapshot, newSnapshotProgress, writeSnapshotPart } from '../store/snapshot-writer';
import type { RemoteAnswer, SyncRemote } from './remote';
import type { PullOutcome } from './pull';
import { decodeSnapshotPart } from './snapshot-wire';

/**
 * How many of the 256 account buckets one `pull_snapshot` call asks for: 16
 * calls for the whole organization, ~12 MB each at 20,000 accounts. The
 * server's total hardly moves with it (4.3-4.5 s from 4 to 64 buckets a
 * call); the worker's does (fewer transactions to wait for): the whole
 * first pull in Chromium took 9.27 s with 8 buckets a call, 8.70 s with
 * 16 and 8.82 s with 32 (bench/sync.bench.ts, one run each, load 1-2), and
 * larger parts hold more in the worker's memory at once.
 */
export const BUCKETS_PER_CALL = 16;

/** Calls asked for ahead of the part being written (with one, the first pull took 11.65 s instead of 9.27 s). */
const IN_FLIGHT = 2;

export interface SnapshotOptions {
  organizationId: string;
  bucketsPerCall?: number;
  beforeEach?: () => Promise<void>;
}

/**
 * The first pull of a store with no cursor yet: the organization as it
 * stands, from `pull_snapshot` (supabase/API.md) range of account buckets by
 * range, ending with the earliest cursor of the answers, from which the
 * delta pull (`pull_changes`) goes on.
 *
 * Why not `pull_changes` from the start: at 20,000 accounts that is 700,000
 * named rows, ~400 MB the server writes one by one; the snapshot is half
 * that, positional, and each part fills whole buckets of the store
 * (ARCHITECTURE.md, "Sync with the workspace").
 *
 * While a part is written (its own transaction, lib/store/snapshot-writer.ts)
 * the next is fetched and decoded: the worker's CPU overlaps IndexedDB's
 * work in the browser process, as the delta pull's pages do. No cursor is
 * stored before the last part is written, so a run that stops half-way
 * (network, lease, a killed worker) leaves the store without one, and the
 * next run takes the snapshot again; a part written twice writes the same
 * records again.
 */
export async function pullSnapshot(db: SidecarDb, remote: SyncRemote, options: SnapshotOptions): Promise<PullOutcome> {
  const ranges = bucketRanges(options.bucketsPerCall ?? BUCKETS_PER_CALL);
  const fetchRange = async ([first, last]: readonly [number, number]): Promise<RemoteAnswer> => {
    await options.beforeEach?.();
    return remote.call('pull_snapshot', { organization_id: options.organizationId, first_bucket: first, last_bucket: last });
  };
  const prefetch = (range: readonly [number, number]) => {
    const answer = fetchRange(range);
    answer.catch(() => undefined); // Awaited below; a run that stops first must not leave it unhandled.
    return answer;
  };
  const progress = newSnapshotProgress();
  const rejected: string[] = [];
  let applied = 0;
  let cursor: string | null = null;
  // The previous part's transaction, awaited before the next one starts and on every way out.
  let writing: Promise<void> = Promise.resolve();
  const finish = async (outcome: () => PullOutcome): Promise<PullOutcome> => {
    await writing;
    return outcome();
  };

  // Answers asked for ahead of the part being written: the server's work on
  // them overlaps the worker's decoding and writing.
  const ahead = ranges.slice(0, IN_FLIGHT).map(prefetch);
  for (let i = 0; i < ranges.length; i += 1) {
    const answer = await ahead.shift()!.catch(async (error: unknown) => {
      await writing;
      throw error;
    });
    if (!answer.ok) return finish(() => ({ done: false, applied, rejected, failure: answer.failure }));
    if (i + IN_FLIGHT < ranges.length) ahead.push(prefetch(ranges[i + IN_FLIGHT]!));
    const part = decodeSnapshotPart(answer.data, options.organizationId);
    if (!part.ok) return finish(() => ({ done: false, applied, rejected, failure: { status: 200, code: 'SIDECAR', message: part.message } }));
    cursor = earlierCursor(cursor, part.cursor);
    rejected.push(...part.rejected);
    const count = recordCount(part.records);
    const [firstBucket, lastBucket] = ranges[i]!;
    await writing;
    writing = writeSnapshotPart(db, { organizationId: options.organizationId, firstBucket, lastBucket, records: part.records }, progress).then(() => {
      applied += count;
    });
    writing.catch(() => undefined); // Awaited above or in `finish`.
  }
  await writing;
  await finishSnapshot(db, options.organizationId, cursor!, progress);
  return { done: true, applied, rejected };
}

/**
 * The cursor safe for every part: each answer's cursor says that every change
 * below its transaction's horizon is in it (supabase/API.md); with calls in
 * flight together, the server may have started a later range's transaction
 * first, so the least horizon is the one every part covers.
 */
export function earlierCursor(kept: string | null, answered: string): string {
  if (kept === null) return answered;
  return BigInt(answered.split(':')[0]!) < BigInt(kept.split(':')[0]!) ? answered : kept;
}

/** The 256 account buckets in consecutive ranges of `perCall` (the last one shorter). */
export function bucketRanges(perCall: number): (readonly [number, number])[] {
  if (!Number.isInteger(perCall) || perCall < 1 || perCall > ACCOUNT_BUCKETS) throw new RangeError(`bucketsPerCall must be 1..${ACCOUNT_BUCKETS}, not ${perCall}`);
  const ranges: (readonly [number, number])[] = [];
  for (let first = 0; first < ACCOUNT_BUCKETS; first += perCall) ranges.push([first, Math.min(first + perCall, ACCOUNT_BUCKETS) - 1]);
  return ranges;
}

function recordCount(records: Partial<Record<RecordKind, AnyRecord[]>>): number {
  return Object.values(records).reduce((sum, list) => sum + (list?.length ?? 0), 0);
}
