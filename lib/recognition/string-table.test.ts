import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringTable } from './string-table';

describe('a string table', () => {
  it('answers like a Map of the same additions, whatever keys collide and however small it was sized', () => {
    // Few distinct keys (so repeats are common) beside arbitrary ones, including '' and astral characters.
    const keyArb = fc.oneof(fc.constantFrom('', 'a', 'ann@acme.com', 'ann@acme.con', 'acme.co.uk'), fc.string({ unit: 'binary', maxLength: 6 }));
    const stepArb = fc.record({ op: fc.constantFrom('add' as const, 'add' as const, 'replace' as const), key: keyArb, value: fc.integer() });
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), fc.nat({ max: 40 }), fc.array(keyArb, { maxLength: 10 }), (steps, expected, probes) => {
        const table = new StringTable<number>(expected);
        const model = new Map<string, number>();
        for (const { op, key, value } of steps) {
          const fresh = !model.has(key);
          if (op === 'add') {
            expect(table.add(key, value)).toBe(fresh);
            if (fresh) model.set(key, value);
          } else {
            table.replace(key, value);
            if (!fresh) model.set(key, value);
          }
        }
        expect([...table]).toEqual([...model]);
        expect(table.size).toBe(model.size);
        for (const key of [...probes, ...model.keys()]) {
          expect(table.has(key)).toBe(model.has(key));
          expect(table.get(key)).toBe(model.get(key));
        }
      }),
    );
  });

  it('says whether a key was new, and keeps the first value of a repeated one', () => {
    const table = new StringTable<string>(1);
    expect(table.add('acme.com', 'acc-1')).toBe(true);
    expect(table.add('acme.com', 'acc-2')).toBe(false);
    expect(table.get('acme.com')).toBe('acc-1');
    table.replace('acme.com', 'acc-3');
    table.replace('globex.com', 'acc-4');
    expect([...table.entries()]).toEqual([['acme.com', 'acc-3']]);
  });
});
