import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImport } from './plan-import';
import { aBasis, anAccount, applyWrites, aStakeholder, csvOf, OWNER, sequentialIds } from './testing/import-factory';
import type { ImportBasis, ImportKind } from './plan-types';

/**
 * Files drawn from small pools of good and bad cells, so that duplicates,
 * matches with stored records and every kind of rejection come up often.
 */
const names = fc.constantFrom('Acme', 'acme', 'Globex', 'Initech', ' Umbrella ', '', 'Hooli  Inc', 'x'.repeat(201));
const domainCells = fc.constantFrom('', 'acme.com', 'ACME.com, acme.de', 'globex.com', 'www.initech.io', 'vendor.example', 'not a domain', 'localhost', 'eu.acme.com', 'a.b.co.uk');
const owners = fc.constantFrom('', OWNER.email, 'DANA@vendor.example', 'ghost@vendor.example', 'not-an-email');
const arrs = fc.constantFrom('', '0', '1000', '1000.5', '12k', '-1', '1e5', '9999999999999');
const days = fc.constantFrom('', '2027-01-31', '2027-02-30', '31/01/2027');
const accountRow = fc.tuple(names, domainCells, owners, arrs, days).map((cells) => [...cells]);

const accountRefs = fc.constantFrom('', 'acme.com', 'eu.acme.com', 'Globex', 'globex.com', 'unknown.example', 'Twin');
const emails = fc.constantFrom('', 'ann@acme.com', 'ANN@acme.com', 'bo@globex.com', 'bad-email');
const roles = fc.constantFrom('', 'approver', 'Executive sponsor; budget_owner', 'boss');
const positions = fc.constantFrom('', 'sponsor', 'Needs education', 'fan');
const influences = fc.constantFrom('', 'high', 'LOW', 'huge');
const stakeholderRow = fc.tuple(accountRefs, names, emails, fc.constantFrom('', 'CTO'), roles, positions, influences).map((cells) => [...cells]);

const acme = anAccount({ name: 'Acme', arr: 1000 });
const globex = anAccount({ name: 'Globex' });
const twins = [anAccount({ name: 'Twin' }), anAccount({ name: 'twin' })];
const storedBases = fc.constantFrom<ImportBasis>(
  aBasis(),
  aBasis({
    accounts: [acme, globex, ...twins],
    account_domains: [{ account_id: acme.id, domain: 'acme.com' }, { account_id: globex.id, domain: 'globex.com' }],
    stakeholders: [aStakeholder({ account_id: acme.id, name: 'Acme', email: 'ann@acme.com' }), aStakeholder({ account_id: globex.id, name: 'Globex' })],
  }),
);

const HEADERS: Record<ImportKind, string[]> = {
  accounts: ['name', 'domains', 'owner_email', 'arr', 'renewal_date'],
  stakeholders: ['account', 'name', 'email', 'title', 'roles', 'position', 'influence'],
};

function planned(kind: ImportKind, rows: string[][], basis: ImportBasis) {
  const result = planImport(kind, csvOf(HEADERS[kind], rows), basis, sequentialIds());
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

describe.each([
  ['accounts', accountRow],
  ['stakeholders', stakeholderRow],
] as const)('planning a %s file', (kind, row) => {
  it('gives every row but blank ones exactly one outcome, with reasons exactly when rejected and a write exactly when created or updated', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), storedBases, (rows, basis) => {
        fc.pre(rows.some((cells) => cells.some((cell) => cell.trim() !== '')));
        const { report, writes } = planned(kind, rows, basis);
        const filled = rows.flatMap((cells, i) => (cells.every((cell) => cell.trim() === '') ? [] : [i + 2]));
        expect(report.rows.map((r) => r.row)).toEqual(filled);
        for (const r of report.rows) {
          expect(r.reasons.length > 0).toBe(r.outcome === 'rejected');
          expect(r.changes.length > 0).toBe(r.outcome === 'create' || r.outcome === 'update');
        }
        const writing = report.rows.filter((r) => r.outcome === 'create' || r.outcome === 'update').map((r) => r.row);
        expect(writes.map((w) => w.row)).toEqual(writing);
        const counts = report.counts;
        expect(counts.create + counts.update + counts.unchanged + counts.rejected).toBe(filled.length);
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing to create or update when the file is planned again after its writes', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), storedBases, (rows, basis) => {
        fc.pre(rows.some((cells) => cells.some((cell) => cell.trim() !== '')));
        const first = planned(kind, rows, basis);
        const second = planned(kind, rows, applyWrites(basis, first.writes));
        expect(second.report.rows.filter((r) => r.outcome === 'create' || r.outcome === 'update')).toEqual([]);
        expect(second.writes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
