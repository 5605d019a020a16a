/**
 * Retry delays: exponential, capped, with full jitter (a uniformly random
 * delay between zero and the exponential bound), so many CSMs coming back
 * online after the same outage do not retry in step.
 */
export interface BackoffPolicy {
  /** Bound of the first retry, in ms. */
  baseMs: number;
  /** No delay exceeds this, however many failures. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 15 * 60_000 };

/** The delay before retry number `failures` (1 = after the first failure). `random` returns [0, 1). */
export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const bound = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.floor(random() * bound);
}
