/**
 * A distribution of whole-day durations, summarised for a table: percentiles by the
 * nearest-rank method (the smallest value with at least p% of values at or below
 * it: always one of the observed values, easy to check by hand) and counts in fixed
 * buckets of days.
 */
export interface Distribution {
  count: number;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  buckets: DayBucket[];
}

/** Days from `from` (inclusive) to `to` (exclusive); `to` null is open-ended. */
export interface DayBucket {
  from: number;
  to: number | null;
  count: number;
}

export const BUCKET_EDGES = [0, 7, 14, 30, 60, 90, 180, 365] as const;

export function distributionOf(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => (sorted.length === 0 ? null : sorted[Math.ceil(p * sorted.length) - 1]!);
  const buckets: DayBucket[] = BUCKET_EDGES.map((from, i) => ({ from, to: BUCKET_EDGES[i + 1] ?? null, count: 0 }));
  for (const v of sorted) {
    let i = buckets.length - 1;
    while (i > 0 && v < buckets[i]!.from) i -= 1;
    buckets[i]!.count += 1;
  }
  return { count: sorted.length, p25: rank(0.25), p50: rank(0.5), p75: rank(0.75), p90: rank(0.9), buckets };
}
