import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard, indexDashboard, prepareDashboard, type DashboardFiltersInput } from '../dashboard';
import { DashboardInput } from '../dashboard/input';
import { STAGE_IDS } from '../pipeline/stages';
import { PROPERTY_NOW } from '../pipeline/testing/facts-arbitrary';
import { bareFacts, stakeholder, uuidFor } from '../pipeline/testing/facts-factory';
import { AccountFactsRow, AccountFactsWire, opportunityFactsOf } from './account-facts';
import { createWorkspaceAssembler } from './assemble';
import { decodeCompactRow } from './compact-facts';
import { decodeAccountFactsPage } from './decode-page';
import { DASHBOARD_TABLES } from './stream-messages';
import { accountFactsRowArbitrary } from './testing/account-facts-arbitrary';
import { mutated, namedRouteEntry, oddValue } from './testing/named-route';

const wireOf = (row: AccountFactsRow): unknown => JSON.parse(JSON.stringify(AccountFactsWire.encode(row)));

describe('compact facts decoded straight into prepared facts', () => {
  it('gives what the named decoding, joined and prepared, gives, for any valid row', () => {
    fc.assert(
      fc.property(accountFactsRowArbitrary, (row) => {
        const decoded = decodeCompactRow(wireOf(row));
        expect(decoded).toEqual({ ok: true, entry: namedRouteEntry(AccountFactsRow.parse(row)) });
        // The account's lists are prepared once and shared, as the named route's batch preparer shares them.
        if (decoded.ok) for (const o of decoded.entry.opportunities) expect(o.facts.account).toBe(decoded.entry.lists);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses exactly what the named decoding refuses, with its path and reason', () => {
    fc.assert(
      fc.property(accountFactsRowArbitrary, fc.nat(), fc.constantFrom('replace' as const, 'delete' as const), oddValue, (row, at, kind, value) => {
        const wire = wireOf(row);
        mutated(wire, at, kind, value);
        const named = AccountFactsWire.decode(wire);
        const direct = decodeCompactRow(wire);
        if (named.ok) expect(direct).toEqual({ ok: true, entry: namedRouteEntry(named.value) });
        else expect(direct).toEqual(named);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses an opportunity filed under another account, as the row schema does', () => {
    const row = AccountFactsRow.parse({
      account_id: uuidFor(0xa1),
      goals: [], outcomes: [], use_cases: [], stakeholders: [], insights: [], meetings: [], communication_steps: [],
      opportunities: [{ opportunity: bareFacts({ opportunity: { account_id: uuidFor(0xa1) } }).opportunity, business_case: null, intent_signals: [], close_record: null, stage_entered_at: '2026-09-01T10:00:00+00:00' }],
    });
    expect(decodeCompactRow(wireOf(row)).ok).toBe(true);
    const misfiled = wireOf(row) as unknown[][];
    (misfiled[8]![0] as unknown[][])[0]![1] = uuidFor(0xa2);
    expect(decodeCompactRow(misfiled)).toEqual({ ok: false, path: ['opportunities'], message: 'an opportunity of another account is listed under this one' });
  });

  it('links steps and outcomes by id in long lists too, a person listed twice keeping one identity', () => {
    const people = Array.from({ length: 24 }, (_, i) => ({ ...stakeholder(i % 3 === 0 ? 'sponsor' : 'supporter', ['approver']), id: uuidFor(0x500 + (i % 20)) }));
    const facts = bareFacts({
      opportunity: { account_id: uuidFor(0xa3) },
      stakeholders: people,
      goals: Array.from({ length: 20 }, (_, i) => ({ id: uuidFor(0x600 + (i % 17)), confirmed_current_on: '2026-11-01' })),
      outcomes: [{ id: uuidFor(0x700), goal_id: uuidFor(0x610) }, { id: uuidFor(0x701), goal_id: uuidFor(0x6ff) }],
      communication_steps: [
        { id: uuidFor(0x800), stakeholder_id: uuidFor(0x513), status: 'planned', planned_on: '2026-12-01' },
        { id: uuidFor(0x801), stakeholder_id: uuidFor(0x502), status: 'done', planned_on: null },
        { id: uuidFor(0x802), stakeholder_id: uuidFor(0x5ff), status: 'cancelled', planned_on: null },
      ],
    });
    const row = AccountFactsRow.parse({ ...facts, account_id: uuidFor(0xa3), opportunities: [{ ...facts, stage_entered_at: '2026-09-01T10:00:00+00:00' }] });
    expect(decodeCompactRow(wireOf(row))).toEqual({ ok: true, entry: namedRouteEntry(row) });
  });
});

describe('a page of account_facts_compact', () => {
  it('decodes every row, and names the first that does not fit with its row number across pages and its account', () => {
    const rows = fc.sample(accountFactsRowArbitrary, 5);
    const page = JSON.stringify(rows.map((row) => ({ facts: AccountFactsWire.encode(row) })));
    expect(decodeAccountFactsPage(page)).toEqual({ ok: true, rows: rows.map((row) => namedRouteEntry(AccountFactsRow.parse(row))) });

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

/** Rows of distinct accounts, each with its name, ARR and renewal. */
const accountsArbitrary = fc.array(fc.tuple(accountFactsRowArbitrary, fc.constantFrom(null, '2027-03-01'), fc.integer({ min: 0, max: 4 })), { maxLength: 6 }).map((items) =>
  items.map(([row, renewal, arr], i) => {
    const accountId = uuidFor(0x1000 + i);
    const facts: AccountFactsRow = { ...row, account_id: accountId, opportunities: row.opportunities.map((o) => ({ ...o, opportunity: { ...o.opportunity, account_id: accountId } })) };
    return { facts, account: { id: accountId, name: `Account ${i}`, owner_id: i % 2 ? uuidFor(0xc5) : null, arr: arr * 1000, renewal_on: renewal } };
  }),
);

describe('the dashboard from compact pages', () => {
  it('shows the figures the named input shows, under any filter', () => {
    const filters = fc.record(
      { stages: fc.subarray([...STAGE_IDS, 'complete' as const]), stage_basis: fc.constantFrom('evidence' as const, 'declared' as const), owner_ids: fc.subarray([uuidFor(0xc5)]) },
      { requiredKeys: [] },
    ) as fc.Arbitrary<DashboardFiltersInput>;
    fc.assert(
      fc.property(accountsArbitrary, filters, (items, filter) => {
        const organization = { id: uuidFor(0xabc), name: 'Brightpath', goal_current_days: 90, insight_shared_days: 60 };
        const assembler = createWorkspaceAssembler();
        assembler.begin(PROPERTY_NOW);
        const tables: Record<string, unknown[]> = {
          organization: [organization],
          accounts: items.map((x) => x.account),
          account_facts: items.map((x) => ({ facts: AccountFactsWire.encode(x.facts) })),
        };
        for (const table of DASHBOARD_TABLES) expect(assembler.add(table, 0, 0, JSON.stringify(tables[table] ?? []))).not.toBeNull();
        const direct = assembler.finish(PROPERTY_NOW);
        if (!direct.ok) throw new Error(direct.message);

        // The same organization as a named input: each account's lists, each opportunity's joined facts.
        const named = DashboardInput.parse({
          now: PROPERTY_NOW,
          settings: { pipeline: { freshness_days: { goal_current: 90, insight_shared: 60 } } },
          accounts: items.map((x) => ({ ...x.account, stakeholders: x.facts.stakeholders, insights: x.facts.insights })),
          opportunities: items.flatMap((x) => opportunityFactsOf(x.facts).map((o) => ({ ...o, title: null }))),
        });
        expect(computeDashboard(indexDashboard(direct.source, direct.preassessed), filter)).toEqual(computeDashboard(prepareDashboard(named), filter));
      }),
      { numRuns: 200 },
    );
  });
});
