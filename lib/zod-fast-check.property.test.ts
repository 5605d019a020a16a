import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccountFactsRow } from './dashboard-data/account-facts';
import { accountFactsRowArbitrary } from './dashboard-data/testing/account-facts-arbitrary';
import { DashboardStageChange } from './dashboard/input';
import { OpportunityFacts } from './pipeline/facts';
import { opportunityFactsArbitrary } from './pipeline/testing/facts-arbitrary';
import { RECORD_KINDS } from './messaging/record-kinds';
import { specOf } from './schemas/record-kinds';
import { recordArbitrary } from './sync/snapshot-wire-arbitrary';
import { fastCheckOf } from './zod-fast-check';

/**
 * The fast check may only skip work: whenever it says yes, zod accepts the
 * value and gives it back unchanged; whenever zod would give back the value
 * unchanged, it says yes (so real data takes the fast path).
 */
function agrees(schema: z.ZodType, value: unknown): void {
  const fast = fastCheckOf(schema)!;
  const parsed = schema.safeParse(value);
  const unchanged = parsed.success && isDeepStrictEqual(parsed.data, value);
  expect(fast(value), JSON.stringify(value)?.slice(0, 400)).toBe(unchanged);
}

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toStrictEqual(b);
    return true;
  } catch {
    return false;
  }
}

/** Every place in a JSON-like value: the parent and the key of each node. */
function places(value: unknown, out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push({ parent: value, key: i }), places(item, out)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push({ parent: value as Record<string, unknown>, key: k }), places(v, out);
  return out;
}

/** Values that break one rule or another: bad ids and days, out-of-range numbers, wrong types. */
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(
    null, undefined, '', 'x', 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, true, [], {},
    '2026-02-30', '2026-2-3', '2026-11-22T10:00:00', '2026-11-22T10:00:00+00:00', '2026-11-22',
    '00000000-0000-0000-0000-00000000000g', 'ABCDEF01-2345-6789-abcd-ef0123456789', 'open', 'renewal', 'sponsor', 'high',
  ),
  fc.jsonValue(),
);

type Mutation = { at: number; kind: 'replace' | 'delete' | 'add-key'; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'delete', 'add-key'), value: oddValue });

function mutate<T>(base: T, m: Mutation): T {
  const copy = structuredClone(base);
  const all = places(copy);
  if (all.length === 0) return copy;
  const { parent, key } = all[m.at % all.length]!;
  if (m.kind === 'replace') (parent as Record<string | number, unknown>)[key] = m.value;
  else if (m.kind === 'delete' && Array.isArray(parent)) parent.splice(key as number, 1);
  else if (m.kind === 'delete') delete (parent as Record<string, unknown>)[key];
  else if (!Array.isArray(parent)) (parent as Record<string, unknown>).unexpected_key = m.value;
  return copy;
}

/** An `account_facts` row as the named view `account_facts` answers it. */
const AccountFactsViewRow = z.object({ facts: AccountFactsRow });
const accountRowArbitrary = accountFactsRowArbitrary.map((facts) => ({ facts }));

describe('the fast check of a zod schema', () => {
  it('says yes to every valid fact record, as zod does', () => {
    fc.assert(fc.property(opportunityFactsArbitrary, (facts) => {
      expect(fastCheckOf(OpportunityFacts)!(facts)).toBe(true);
    }), { numRuns: 200 });
    fc.assert(fc.property(accountRowArbitrary, (row) => {
      expect(fastCheckOf(AccountFactsViewRow)!(row)).toBe(true);
    }), { numRuns: 100 });
  });

  it('agrees with zod on broken facts: wrong values, missing and unexpected keys', () => {
    fc.assert(fc.property(opportunityFactsArbitrary, mutation, (facts, m) => {
      agrees(OpportunityFacts, mutate(facts, m));
    }), { numRuns: 1500 });
  });

  it('keeps refinements: an opportunity filed under another account is refused', () => {
    fc.assert(fc.property(accountRowArbitrary, mutation, (row, m) => {
      agrees(AccountFactsViewRow, mutate(row, m));
    }), { numRuns: 800 });
    const row = fc.sample(accountRowArbitrary.filter((r) => r.facts.opportunities.length > 0), 1)[0]!;
    row.facts.opportunities[0]!.opportunity.account_id = '3f0c8e4a-7b1d-4c2e-9a5f-0123456789ac';
    expect(fastCheckOf(AccountFactsViewRow)!(row)).toBe(false);
  });

  it('leaves a default to zod: an absent value that zod would fill in is not a fast yes', () => {
    const change = { opportunity_id: '3f0c8e4a-7b1d-4c2e-9a5f-0123456789ab', stage: 'align', changed_at: '2026-09-01T10:00:00+00:00' };
    expect(fastCheckOf(DashboardStageChange)!(change)).toBe(false);
    expect(fastCheckOf(DashboardStageChange)!({ ...change, status: 'won' })).toBe(true);
    agrees(DashboardStageChange, change);
  });

  it('agrees with zod on every kind of record, valid or broken (text caps, patterns, prefixes, amounts)', () => {
    const kinds = fc.constantFrom(...RECORD_KINDS);
    fc.assert(fc.property(kinds.chain((kind) => fc.tuple(fc.constant(kind), recordArbitrary(kind), mutation)), ([kind, record, m]) => {
      expect(fastCheckOf(specOf(kind).schema)!(record)).toBe(true);
      agrees(specOf(kind).schema, mutate(record, m));
    }), { numRuns: 800 });
  });

  it('measures text as zod does, in code points, right at the cap', () => {
    const capped = z.string().min(2).max(4);
    for (const text of ['a', 'ab', 'abcd', 'abcde', '😀', '😀😀', '😀😀😀😀', '😀😀😀😀😀', 'a😀b😀', 'https://x', '']) agrees(capped, text);
    const prefixed = z.string().startsWith('https://').regex(/^[a-z:/.]+$/);
    for (const text of ['https://a.b', 'http://a.b', 'https://A.b', 'xhttps://a']) agrees(prefixed, text);
  });

  it('has no fast path for a schema that transforms', () => {
    expect(fastCheckOf(z.string().transform((s) => s.length))).toBeNull();
    expect(fastCheckOf(z.object({ a: z.string().trim() }))).toBeNull();
  });
});
