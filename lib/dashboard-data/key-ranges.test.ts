import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PriorityPool, rangeFilter, uuidKeyRanges, type KeyRange } from './key-ranges';

/** Where PostgreSQL would put `id` (uuid order is the lowercase hex text's). */
const holds = (range: KeyRange, id: string) => (range.gte === undefined || id >= range.gte) && (range.lt === undefined || id < range.lt);

describe('uuidKeyRanges', () => {
  it('puts every id in exactly one range, the ranges in key order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.uuid(), { maxLength: 50 }), (count, ids) => {
        const ranges = uuidKeyRanges(count);
        expect(ranges).toHaveLength(count);
        for (const id of [...ids, '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']) {
          expect(ranges.filter((r) => holds(r, id))).toHaveLength(1);
        }
        const homes = [...ids].sort().map((id) => ranges.findIndex((r) => holds(r, id)));
        expect(homes).toEqual([...homes].sort((a, b) => a - b));
      }),
    );
  });

  it('splits random ids into ranges of about equal size', () => {
    const ranges = uuidKeyRanges(8);
    const ids = Array.from({ length: 8000 }, () => crypto.randomUUID());
    for (const range of ranges) {
      const inside = ids.filter((id) => holds(range, id)).length;
      // 1,000 expected; 5 standard deviations either side.
      expect(inside).toBeGreaterThan(850);
      expect(inside).toBeLessThan(1150);
    }
  });

  it('is one unbounded range for one, or for none', () => {
    expect(uuidKeyRanges(1)).toEqual([{}]);
    expect(uuidKeyRanges(0)).toEqual([{}]);
    expect(rangeFilter('account_id', {})).toBe('');
    expect(rangeFilter('account_id', uuidKeyRanges(2)[1]!)).toBe('&account_id=gte.80000000-0000-0000-0000-000000000000');
  });
});

describe('PriorityPool', () => {
  it('runs at most its slots at once, then the waiting task of lowest priority first', async () => {
    const pool = new PriorityPool(2);
    const started: string[] = [];
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const task = (name: string) => () => {
      started.push(name);
      running += 1;
      most = Math.max(most, running);
      return new Promise<void>((resolve) =>
        releases.push(() => {
          running -= 1;
          resolve();
        }),
      );
    };
    const all = [
      pool.run([3], task('a')),
      pool.run([3], task('b')),
      pool.run([3, 1], task('late page')),
      pool.run([1, 2], task('range 2')),
      pool.run([1, 0], task('range 0')),
      pool.run([1, 2], task('range 2 again')),
    ];
    while (releases.length > 0 || started.length < all.length) {
      await Promise.resolve();
      releases.shift()?.();
    }
    await Promise.all(all);
    expect(most).toBe(2);
    expect(started).toEqual(['a', 'b', 'range 0', 'range 2', 'range 2 again', 'late page']);
  });

  it('passes a task\'s failure to its caller and goes on with the next', async () => {
    const pool = new PriorityPool(1);
    const failed = pool.run([0], () => Promise.reject(new Error('refused')));
    const next = pool.run([0], () => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('next');
  });
});
