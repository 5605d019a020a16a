import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccountFactsRow, AccountFactsWire, decodeAccountFactsPage } from './dashboard-data/account-facts';
import { accountFactsRowArbitrary } from './dashboard-data/testing/account-facts-arbitrary';
import { uuidFor } from './pipeline/testing/facts-factory';
import { positionalOf } from './zod-positional';

/** Every place in a JSON-like value: the parent and the key of each node. */
function places(value: unknown, out: { parent: unknown[] | Record<string, unknown>; key: string | number }[] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push({ parent: value, key: i }), places(item, out)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push({ parent: value as Record<string, unknown>, key: k }), places(v, out);
  return out;
}

/** Values of every kind the compact form holds, most of them wrong where they land. */
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(
    null, '', 'x', 0, 1, 2, 5, 14, 15, 99, -1, 1.5, Number.NaN, 2 ** 60, -1e7, 3e6, true, false, [], [[]], {},
    '2026-11-22', '2026-02-30', '2026-11-22T10:00:00', '2026-11-22T10:00:00+00:00',
    '00000000-0000-0000-0000-00000000000g', 'ABCDEF01-2345-6789-abcd-ef0123456789', uuidFor(7), 'open', 'renewal',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

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
        const all = places(wire);
        if (all.length > 0) {
          const { parent, key } = all[at % all.length]!;
          if (kind === 'delete' && Array.isArray(parent)) parent.splice(key as number, 1);
          else (parent as Record<string | number, unknown>)[key] = value;
        }
        const decoded = AccountFactsWire.decode(wire);
        if (decoded.ok) expect(AccountFactsRow.parse(decoded.value)).toStrictEqual(decoded.value);
        else expect(decoded.message).not.toBe('');
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

describe('a page of account_facts_compact', () => {
  it('decodes every row, and names the first that does not fit with its row number across pages and its account', () => {
    const rows = fc.sample(accountFactsRowArbitrary, 5);
    const page = JSON.stringify(rows.map((row) => ({ facts: AccountFactsWire.encode(row) })));
    expect(decodeAccountFactsPage(page)).toEqual({ ok: true, rows: rows.map((row) => AccountFactsRow.parse(row)) });

    const foreign = { ...rows[0]!, account_id: uuidFor(0xf0), opportunities: [{ ...fc.sample(accountFactsRowArbitrary.filter((r) => r.opportunities.length > 0), 1)[0]!.opportunities[0]! }] };
    foreign.opportunities[0]!.opportunity = { ...foreign.opportunities[0]!.opportunity, account_id: uuidFor(0xf1) };
    const misfiled = JSON.stringify([{ facts: AccountFactsWire.encode(rows[1]!) }, { facts: AccountFactsWire.encode(foreign) }]);
    expect(decodeAccountFactsPage(misfiled, 10_000)).toEqual({
      ok: false,
      message: `The workspace's data is not as expected at account_facts.10001.facts.opportunities (account ${uuidFor(0xf0)}): an opportunity of another account is listed under this one`,
    });
    expect(decodeAccountFactsPage('[{"facts": {}}]')).toEqual({ ok: false, message: expect.stringContaining('account_facts.0.facts: expected the 9 fields account_id') });
    expect(decodeAccountFactsPage('{"rows": []}')).toEqual({ ok: false, message: 'The workspace answered account_facts with something other than rows.' });
    expect(decodeAccountFactsPage('[{"facts"')).toEqual({ ok: false, message: expect.stringContaining('could not be read') });
  });
});
