import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf, StringTable } from './string-table';

/** Two addresses with the same hash (found by search): the table must still tell them apart. */
const SAME_HASH = ['ann.cct@acme.example', 'ann.19hg@acme.example'] as const;

describe('a string table', () => {
  it('answers like a Map of the same additions, whatever keys collide and however small it was sized', () => {
    // Few distinct keys (so repeats are common) beside arbitrary ones, including '' and astral characters.
    const keyArb = fc.oneof(fc.constantFrom('', 'a', 'ann@acme.com', 'ann@acme.con', 'acme.co.uk', ...SAME_HASH), fc.string({ unit: 'binary', maxLength: 6 }));
    const stepArb = fc.record({ op: fc.constantFrom('add' as const, 'add' as const, 'replace' as const), key: keyArb, value: fc.integer() });
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), fc.nat({ max: 40 }), fc.array(keyArb, { maxLength: 10 }), (steps, expected, probes) => {
        const table = new StringTable<number>(expected);
        const model = new Map<string, number>();
        const added: boolean[] = [];
        const wasNew: boolean[] = [];
        for (const { op, key, value } of steps) {
          const fresh = !model.has(key);
          if (op === 'add') {
            added.push(table.add(key, value));
            wasNew.push(fresh);
            if (fresh) model.set(key, value);
          } else {
            table.replace(key, value);
            if (!fresh) model.set(key, value);
          }
        }
        expect(added).toEqual(wasNew);
        expect([...table]).toEqual([...model]);
        expect(table.size).toBe(model.size);
        const looked = [...probes, ...model.keys()];
        expect(looked.map((key) => [table.has(key), table.get(key)])).toEqual(looked.map((key) => [model.has(key), model.get(key)]));
      }),
    );
  });

  it('keeps two keys of the same hash apart', () => {
    expect(hashOf(SAME_HASH[0])).toBe(hashOf(SAME_HASH[1]));
    const table = new StringTable<string>(2);
    expect(table.add(SAME_HASH[0], 'acc-1')).toBe(true);
    expect(table.add(SAME_HASH[1], 'acc-2')).toBe(true);
    expect(SAME_HASH.map((key) => table.get(key))).toEqual(['acc-1', 'acc-2']);
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
