/**
 * The one interface every benchmark implements. `npm run bench` runs each
 * `bench/*.bench.ts` (its default export) one after another and writes
 * BENCHMARKS.md: figure, target, machine, date and command.
 *
 * Benchmarks measure; they never fail a build. A figure over its target is
 * reported as such, for a person to judge.
 */
export interface BenchResult {
  /** What was measured, e.g. "evaluate 50,000 opportunities". */
  name: string;
  value: number;
  unit: 'ms' | 's' | 'KB' | 'µs' | 'ratio' | 'count';
  /** The target from the issue, when there is one: value must stay below it. */
  target?: number;
  /** The issue the target comes from. */
  issue?: number;
  /** How it was measured (sample count, median or total, data size). */
  note?: string;
}

export interface Benchmark {
  /** A short title for the report's section. */
  title: string;
  run(): Promise<BenchResult[]>;
}

export function defineBenchmark(benchmark: Benchmark): Benchmark {
  return benchmark;
}

/** Median of `samples` timings of `fn`, in milliseconds, after `warmup` runs. */
export function medianMs(fn: () => unknown, samples = 51, warmup = 5): number {
  for (let i = 0; i < warmup; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
