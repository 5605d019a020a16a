import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard, indexDashboard } from '../dashboard';
import { uuidFor } from '../pipeline/testing/facts-factory';
import { dashboardFactsOf, type AccountFactsRow } from './account-facts';
import { createWorkspaceAssembler } from './assemble';
import { DASHBOARD_TABLES, type DashboardTable } from './stream-messages';
import { storedAccountFactsRowArbitrary } from './testing/account-facts-arbitrary';

const ORG = uuidFor(0xabc);

/** Rows of distinct accounts (the arbitrary files every row under one account). */
const accountsArbitrary = fc.array(storedAccountFactsRowArbitrary, { maxLength: 8 }).map((rows) =>
  rows.map((row, i): AccountFactsRow => {
    const accountId = uuidFor(0x1000 + i);
    return { ...row, account_id: accountId, opportunities: row.opportunities.map((o) => ({ ...o, opportunity: { ...o.opportunity, account_id: accountId } })) };
  }),
);

interface Arrival {
  table: DashboardTable;
  page: number;
  offset: number;
  text: string;
}

/** Every table of the workspace as pages of `size` rows (an empty table is one empty page). */
function pagesOf(facts: AccountFactsRow[], organization: object, size: number): Arrival[] {
  const tables: Record<DashboardTable, unknown[]> = {
    organization: [organization],
    members: [],
    accounts: facts.map((f, i) => ({ id: f.account_id, name: `Account ${i}`, owner_id: null, arr: 1000 * i, renewal_on: null })),
    account_facts: facts.map((f) => ({ facts: dashboardFactsOf(f) })),
    titles: [],
    milestones: [],
    stage_changes: [],
    snapshots: [],
    snapshot_lines: [],
  };
  return DASHBOARD_TABLES.flatMap((table) => {
    const rows = tables[table];
    const count = Math.max(1, Math.ceil(rows.length / size));
    return Array.from({ length: count }, (_, page) => ({ table, page, offset: page * size, text: JSON.stringify(rows.slice(page * size, (page + 1) * size)) }));
  });
}

describe('assessing each page of facts as it arrives', () => {
  it('gives the figures assessing everything at the end gives, whatever the order of the pages and of the moment', () => {
    fc.assert(
      fc.property(
        accountsArbitrary,
        fc.record({ goal_current_days: fc.integer({ min: 1, max: 3650 }), insight_shared_days: fc.integer({ min: 1, max: 3650 }) }),
        fc.constantFrom('2026-11-22T12:00:00Z', '2026-08-01T00:00:00+00:00', '2027-02-10T23:59:59.999Z'),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(),
        fc.nat(),
        (facts, windows, now, size, seed, beginAt) => {
          const arrivals = pagesOf(facts, { id: ORG, name: 'Brightpath', ...windows }, size);
          // Pages in any order, the moment (the stream's `begin`) anywhere among them.
          const shuffled = [...arrivals].sort((a, b) => ((hash(a.text + a.table + a.page) ^ seed) >>> 0) - ((hash(b.text + b.table + b.page) ^ seed) >>> 0));
          const incremental = createWorkspaceAssembler();
          shuffled.forEach((p, i) => {
            if (i === beginAt % (shuffled.length + 1)) incremental.begin(now);
            expect(incremental.add(p.table, p.page, p.offset, p.text)).not.toBeNull();
          });
          incremental.begin(now);
          const atOnce = createWorkspaceAssembler();
          arrivals.forEach((p) => atOnce.add(p.table, p.page, p.offset, p.text));

          const ahead = incremental.finish(now);
          const whole = atOnce.finish(now);
          if (!ahead.ok || !whole.ok) throw new Error('the pages should fit');
          const preparedAhead = indexDashboard(ahead.source, ahead.preassessed);
          const preparedWhole = indexDashboard(whole.source);
          // Nothing was left to assess at the end...
          const entryOf = new Map(ahead.source.opportunities.map((entry) => [entry.record, entry]));
          for (const o of preparedAhead.opportunities) expect(ahead.preassessed?.get(entryOf.get(o.record)!)).toBe(o.assessment);
          // ...and every figure is the same.
          expect(preparedAhead.opportunities.map((o) => o.assessment)).toEqual(preparedWhole.opportunities.map((o) => o.assessment));
          expect(computeDashboard(preparedAhead)).toEqual(computeDashboard(preparedWhole));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps nothing of a read with a page that does not fit, whenever it comes', () => {
    const assembler = createWorkspaceAssembler();
    assembler.begin('2026-11-22T12:00:00Z');
    expect(assembler.add('organization', 0, 0, JSON.stringify([{ id: ORG, name: 'Brightpath' }]))).toBe(1);
    expect(assembler.add('account_facts', 1, 10_000, '[{"facts": ["not-an-account"]}]')).toBeNull();
    expect(assembler.failure).toMatch(/account_facts\.10000\.facts/);
    expect(assembler.finish('2026-11-22T12:00:00Z')).toEqual({ ok: false, message: assembler.failure });
  });
});

/** A stable number from a text, to order the pages differently for each seed. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}
