import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccountFactsRow } from './dashboard-data/account-facts';
import { mutated, oddValue } from './dashboard-data/testing/named-route';
import { accountFactsRowArbitrary } from './dashboard-data/testing/account-facts-arbitrary';
import { uuidFor } from './pipeline/testing/facts-factory';
import { positionalOf } from './zod-positional';

/** A schema with every kind the positional form knows (ids, days, enums, nested lists, nullables, a refinement). */
const AccountFactsWire = positionalOf(AccountFactsRow);

describe('the compact form of a schema (zod-positional)', () => {
  it('gives back exactly the named row, for any valid account facts row', () => {
    fc.assert(
      fc.property(accountFactsRowArbitrary, (row) => {
        const wire = JSON.parse(JSON.stringify(AccountFactsWire.encode(row)));
        expect(AccountFactsWire.decode(wire)).toEqual({ ok: true, value: AccountFactsRow.parse(row) });
      }),
      { numRuns: 300 },
    );
  });

  it('never lets through what the schema refuses: any change it accepts decodes to a row zod accepts as it is', () => {
    fc.assert(
      fc.property(accountFactsRowArbitrary, fc.nat(), fc.constantFrom('replace', 'delete'), oddValue, (row, at, kind, value) => {
        const wire = JSON.parse(JSON.stringify(AccountFactsWire.encode(row)));
        mutated(wire, at, kind, value);
        const decoded = AccountFactsWire.decode(wire);
        if (decoded.ok) expect(AccountFactsRow.parse(decoded.value)).toStrictEqual(decoded.value);
        else expect(decoded.message).not.toBe('');
        // The check that builds nothing answers as the decoding does, but for the row's refinement (its reader checks that).
        const refinedAway = !decoded.ok && decoded.message === 'an opportunity of another account is listed under this one';
        expect(AccountFactsWire.fitsExceptRefinements(wire)).toBe(decoded.ok || refinedAway);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes enums as their index, days as day numbers, objects as lists in key order', () => {
    const Sample = z.object({ id: z.guid(), on: z.iso.date().nullable(), status: z.enum(['open', 'won', 'lost']), tags: z.array(z.enum(['a', 'b'])) });
    const sample = positionalOf(Sample);
    const value = { id: uuidFor(1), on: '2026-11-22', status: 'won' as const, tags: ['b' as const] };
    expect(sample.encode(value)).toEqual([uuidFor(1), 20779, 1, [1]]);
    expect(sample.decode([uuidFor(1), 20779, 1, [1]])).toEqual({ ok: true, value });
    expect(sample.decode([uuidFor(1), -719528, 2, []])).toEqual({ ok: true, value: { id: uuidFor(1), on: '0000-01-01', status: 'lost', tags: [] } });
    // A newer writer may append fields; this reader ignores them.
    expect(sample.decode([uuidFor(1), null, 0, [], 'later field'])).toEqual({ ok: true, value: { id: uuidFor(1), on: null, status: 'open', tags: [] } });
  });

  it('names the place and the problem of a value that does not fit', () => {
    const Sample = z.object({ id: z.guid(), on: z.iso.date(), status: z.enum(['open', 'won']), amount: z.number().nonnegative(), list: z.array(z.object({ ok: z.boolean() })) });
    const sample = positionalOf(Sample);
    const good = [uuidFor(1), 20779, 1, 5, [[true]]];
    const bad = (at: number, value: unknown) => sample.decode(good.map((v, i) => (i === at ? value : v)));
    expect(bad(0, 'not-a-uuid')).toEqual({ ok: false, path: ['id'], message: 'Invalid GUID' });
    expect(bad(1, 2932897)).toEqual({ ok: false, path: ['on'], message: expect.stringContaining('expected a day') });
    expect(bad(1, '2026-11-22')).toEqual({ ok: false, path: ['on'], message: expect.stringContaining('expected a day') });
    expect(bad(2, 2)).toEqual({ ok: false, path: ['status'], message: 'expected the index of one of open, won (0 to 1), got 2' });
    expect(bad(3, -1)).toEqual({ ok: false, path: ['amount'], message: expect.stringContaining('>=0') });
    expect(bad(4, [[true], ['yes']])).toEqual({ ok: false, path: ['list', 1, 'ok'], message: expect.stringContaining('boolean') });
    expect(sample.decode(good.slice(0, 4))).toEqual({ ok: false, path: [], message: 'expected the 5 fields id, on, status, amount, list, got 4' });
    expect(sample.decode({ id: uuidFor(1) })).toEqual({ ok: false, path: [], message: expect.stringContaining('as a list, got an object') });
  });
});
