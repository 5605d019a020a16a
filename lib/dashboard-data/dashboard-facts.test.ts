import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard, indexDashboard, prepareDashboard, type DashboardFiltersInput } from '../dashboard';
import { DashboardInput } from '../dashboard/input';
import { assessWithContext } from '../pipeline/assess';
import { ruleContext } from '../pipeline/evaluate';
import { prepareFacts } from '../pipeline/prepared-facts';
import { STAGE_IDS } from '../pipeline/stages';
import { PROPERTY_NOW } from '../pipeline/testing/facts-arbitrary';
import { bareFacts, goal, outcome, stakeholder, step, uuidFor } from '../pipeline/testing/facts-factory';
import { AccountFactsRow, dashboardFactsOf, DashboardFactsWire, opportunityFactsOf } from './account-facts';
import { createWorkspaceAssembler } from './assemble';
import { decodeDashboardFactsRow } from './dashboard-facts';
import { decodeAccountFactsPage } from './decode-page';
import { DASHBOARD_TABLES } from './stream-messages';
import { storedAccountFactsRowArbitrary } from './testing/account-facts-arbitrary';
import { inIdOrder, mutated, namedRouteEntry, oddValue, preparedEntry, withIdsAgain } from './testing/named-route';

/** The row as the view sends it, through JSON as the page receives it. */
const wireOf = (row: AccountFactsRow): unknown => JSON.parse(JSON.stringify(dashboardFactsOf(row)));

const STAGE_ENTERED = '2026-09-01T10:00:00+00:00';

/** A stored row of one account and one opportunity with the given lists. */
function rowOf(parts: Partial<Parameters<typeof bareFacts>[0]>): AccountFactsRow {
  const facts = bareFacts({ ...parts, opportunity: { account_id: uuidFor(0xa3) } });
  return AccountFactsRow.parse({ ...facts, account_id: uuidFor(0xa3), opportunities: [{ ...facts, stage_entered_at: STAGE_ENTERED }] });
}

describe('dashboard facts decoded straight into assessable facts', () => {
  it('gives what prepareFacts gives the named row with its lists in id order, without the ids, for any row the database can hold', () => {
    fc.assert(
      fc.property(storedAccountFactsRowArbitrary, (row) => {
        const decoded = decodeDashboardFactsRow(wireOf(row));
        expect(decoded).toEqual({ ok: true, entry: namedRouteEntry(AccountFactsRow.parse(row)) });
        // The account's lists are made once and shared, as the named route's batch preparer shares them.
        if (decoded.ok) for (const o of decoded.entry.opportunities) expect(o.facts.account).toBe(decoded.entry.lists);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses exactly what the named decoding refuses, with its path and reason, and reads what it accepts as prepareFacts would', () => {
    let refused = 0;
    fc.assert(
      fc.property(storedAccountFactsRowArbitrary, fc.nat(), fc.constantFrom('replace' as const, 'delete' as const), oddValue, (row, at, kind, value) => {
        const wire = wireOf(row);
        mutated(wire, at, kind, value);
        const named = DashboardFactsWire.decode(wire);
        const direct = decodeDashboardFactsRow(wire);
        if (named.ok) expect(direct).toEqual({ ok: true, entry: preparedEntry(withIdsAgain(named.value)) });
        else {
          refused += 1;
          expect(direct).toEqual(named);
        }
      }),
      { numRuns: 3000 },
    );
    // Most changes land on a value the schema refuses: the comparison above is mostly about refusals.
    expect(refused).toBeGreaterThan(1500);
  });

  it('refuses a link past the end of its list, naming the record, and takes -1 as no link', () => {
    const goals = [goal('2026-11-01'), goal(null)];
    const person = stakeholder('detractor');
    const row = rowOf({ goals, outcomes: [outcome(goals[0]!.id)], stakeholders: [person], communication_steps: [step(person.id), step(uuidFor(0xbad))] });
    const wire = wireOf(row) as unknown[][];
    expect(wire[2]).toEqual([[goals[0]!.id < goals[1]!.id ? 0 : 1]]);
    expect((wire[7] as unknown[][]).map((s) => s[0])).toEqual([0, -1]);
    expect(decodeDashboardFactsRow(wire).ok).toBe(true);

    (wire[2] as unknown[][])[0]![0] = 2;
    expect(decodeDashboardFactsRow(wire)).toEqual({ ok: false, path: ['outcomes'], message: "outcome 0 links to position 2, past the end of the account's 2 goals" });
    (wire[2] as unknown[][])[0]![0] = -2;
    expect(decodeDashboardFactsRow(wire)).toEqual({ ok: false, path: ['outcomes', 0, 'goal'], message: expect.stringContaining('>=-1') });
    (wire[2] as unknown[][])[0]![0] = -1;
    (wire[7] as unknown[][])[1]![0] = 1;
    expect(decodeDashboardFactsRow(wire)).toEqual({
      ok: false,
      path: ['communication_steps'],
      message: "communication step 1 links to position 1, past the end of the account's 1 stakeholders",
    });
  });

  it('makes the stage decisions the ids made, whether a link finds its record or not', () => {
    const linked = fc
      .tuple(storedAccountFactsRowArbitrary, fc.array(fc.tuple(fc.boolean(), fc.nat()), { minLength: 1, maxLength: 12 }))
      .map(([row, picks]) => {
        // Each outcome and step points at a record of its target list, or at none the account has.
        const pick = (i: number, targets: readonly { id: string }[]) => {
          const [present, n] = picks[i % picks.length]!;
          return present && targets.length > 0 ? targets[n % targets.length]!.id : uuidFor(0xdead00 + i);
        };
        return {
          ...row,
          outcomes: row.outcomes.map((o, i) => ({ ...o, goal_id: pick(i, row.goals) })),
          communication_steps: row.communication_steps.map((s, i) => ({ ...s, stakeholder_id: pick(i + 5, row.stakeholders) })),
        };
      });
    fc.assert(
      fc.property(linked, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), (row, goalDays, insightDays) => {
        const ctx = ruleContext(PROPERTY_NOW, { freshness_days: { goal_current: goalDays, insight_shared: insightDays } });
        const decoded = decodeDashboardFactsRow(wireOf(row));
        if (!decoded.ok) throw new Error(decoded.message);
        const byIds = new Map(opportunityFactsOf(row).map(({ facts }) => [facts.opportunity.id, assessWithContext(prepareFacts(facts), ctx)]));
        expect(decoded.entry.opportunities).toHaveLength(byIds.size);
        for (const o of decoded.entry.opportunities) expect(assessWithContext(o.facts, ctx)).toEqual(byIds.get(o.record.id));
      }),
      { numRuns: 400 },
    );
  });
});

describe('a page of dashboard_account_facts', () => {
  it('decodes every row, and names the first that does not fit with its row number across pages and its account', () => {
    const rows = fc.sample(storedAccountFactsRowArbitrary, 5);
    const page = JSON.stringify(rows.map((row) => ({ facts: dashboardFactsOf(row) })));
    expect(decodeAccountFactsPage(page)).toEqual({ ok: true, rows: rows.map((row) => namedRouteEntry(AccountFactsRow.parse(row))) });

    const broken = wireOf(rowOf({ goals: [goal(null)], outcomes: [outcome(uuidFor(0x1))] })) as unknown[][];
    (broken[2] as unknown[][])[0]![0] = 1;
    const misfit = JSON.stringify([{ facts: dashboardFactsOf(rows[1]!) }, { facts: broken }]);
    expect(decodeAccountFactsPage(misfit, 10_000)).toEqual({
      ok: false,
      message: `The workspace's data is not as expected at account_facts.10001.facts.outcomes (account ${uuidFor(0xa3)}): outcome 0 links to position 1, past the end of the account's 1 goals`,
    });
    expect(decodeAccountFactsPage('[{"facts": {}}]')).toEqual({ ok: false, message: expect.stringContaining('account_facts.0.facts: expected the 9 fields account_id') });
    expect(decodeAccountFactsPage('{"rows": []}')).toEqual({ ok: false, message: 'The workspace answered account_facts with something other than rows.' });
    expect(decodeAccountFactsPage('[{"facts"')).toEqual({ ok: false, message: expect.stringContaining('could not be read') });
  });
});

/** Rows of distinct accounts, each with its name, ARR and renewal. */
const accountsArbitrary = fc.array(fc.tuple(storedAccountFactsRowArbitrary, fc.constantFrom(null, '2027-03-01'), fc.integer({ min: 0, max: 4 })), { maxLength: 6 }).map((items) =>
  items.map(([row, renewal, arr], i) => {
    const accountId = uuidFor(0x1000 + i);
    const facts: AccountFactsRow = { ...row, account_id: accountId, opportunities: row.opportunities.map((o) => ({ ...o, opportunity: { ...o.opportunity, account_id: accountId } })) };
    return { facts, account: { id: accountId, name: `Account ${i}`, owner_id: i % 2 ? uuidFor(0xc5) : null, arr: arr * 1000, renewal_on: renewal } };
  }),
);

describe('the dashboard from dashboard_account_facts pages', () => {
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
          account_facts: items.map((x) => ({ facts: dashboardFactsOf(x.facts) })),
        };
        for (const table of DASHBOARD_TABLES) expect(assembler.add(table, 0, 0, JSON.stringify(tables[table] ?? []))).not.toBeNull();
        const direct = assembler.finish(PROPERTY_NOW);
        if (!direct.ok) throw new Error(direct.message);

        // The same organization as a named input, with ids: each account's lists, each opportunity's joined facts,
        // the opportunities in the order the view sends them (by id), as tables list them in input order.
        const named = DashboardInput.parse({
          now: PROPERTY_NOW,
          settings: { pipeline: { freshness_days: { goal_current: 90, insight_shared: 60 } } },
          accounts: items.map((x) => ({ ...x.account, stakeholders: x.facts.stakeholders, insights: x.facts.insights })),
          opportunities: items.flatMap((x) => opportunityFactsOf(inIdOrder(x.facts)).map((o) => ({ ...o, title: null }))),
        });
        expect(computeDashboard(indexDashboard(direct.source, direct.preassessed), filter)).toEqual(computeDashboard(prepareDashboard(named), filter));
      }),
      { numRuns: 200 },
    );
  });
});
