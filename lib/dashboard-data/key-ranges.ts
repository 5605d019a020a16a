/**
 * Splitting a table read by ranges of its UUID key, and running requests a
 * few at a time in order of priority: the two pieces `fetch-workspace.ts`
 * builds the facts read from.
 *
 * Why ranges and not offsets: each `offset` page makes the server walk every
 * row before it again, so few large pages were cheaper than many small ones,
 * and few large pages arrive last and whole (the dashboard page cannot start
 * decoding until one is in). A range `account_id >= a and account_id < b` is
 * found through the key's index, costs the same wherever it lies, and many
 * of them can be read at once.
 *
 * Ids are random (v4: `gen_random_uuid()`, and `crypto.randomUUID()` on the
 * clients), so equal slices of the key space hold about equal numbers of rows.
 * Nothing depends on that for correctness: the ranges cover every key exactly
 * once whatever the ids are, and a range the server caps is paged further.
 */

/** One range of keys: `gte` (from, inclusive) and `lt` (to, exclusive); the first has no lower bound and the last no upper one. */
export interface KeyRange {
  gte?: string;
  lt?: string;
}

/**
 * `count` ranges covering every UUID, in key order, split on the first 32
 * bits. PostgreSQL orders `uuid` by its bytes, which is the order of the
 * lowercase hex text, so `00000000-…` to `ffffffff-…` is the key order.
 */
export function uuidKeyRanges(count: number): KeyRange[] {
  const n = Math.max(1, Math.min(Math.floor(count), 2 ** 16));
  const bound = (i: number) =>
    `${Math.floor((i * 2 ** 32) / n)
      .toString(16)
      .padStart(8, '0')}-0000-0000-0000-000000000000`;
  return Array.from({ length: n }, (_, i) => ({
    ...(i > 0 ? { gte: bound(i) } : {}),
    ...(i < n - 1 ? { lt: bound(i + 1) } : {}),
  }));
}

/** The range as PostgREST filters on `column` (`&column=gte.a&column=lt.b`, both applied). */
export function rangeFilter(column: string, range: KeyRange): string {
  return `${range.gte ? `&${column}=gte.${range.gte}` : ''}${range.lt ? `&${column}=lt.${range.lt}` : ''}`;
}

/** Lower sorts first: compared element by element, a shorter list first on a tie. */
export type Priority = readonly number[];

function before(a: Priority, b: Priority): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
}

/**
 * Runs at most `slots` tasks at a time; when one ends, the waiting task of
 * lowest priority starts next (among equals, the one asked first). The facts
 * are read first so the dashboard page decodes them while the rest comes.
 */
export class PriorityPool {
  private running = 0;
  private readonly waiting: { priority: Priority; start: () => void }[] = [];

  constructor(private readonly slots: number) {}

  run<T>(priority: Priority, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running += 1;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running -= 1;
            this.waiting.shift()?.start();
          });
      };
      if (this.running < this.slots) return start();
      let at = this.waiting.length;
      while (at > 0 && before(priority, this.waiting[at - 1]!.priority)) at -= 1;
      this.waiting.splice(at, 0, { priority, start });
    });
  }
}
