import { describe, expect, it } from 'vitest';
import { planImport } from './plan-import';
import { aBasis, anAccount, applyWrites, aStakeholder, csvOf, sequentialIds } from './testing/import-factory';
import type { ImportBasis } from './plan-types';

const HEADER = ['account', 'name', 'email', 'title', 'roles', 'position', 'influence'];
const acme = anAccount({ name: 'Acme' });
const globex = anAccount({ name: 'Globex' });
const BASIS = aBasis({
  accounts: [acme, globex],
  account_domains: [{ account_id: acme.id, domain: 'acme.com' }, { account_id: globex.id, domain: 'globex.com' }],
});

function plan(rows: string[][], basis: ImportBasis = BASIS) {
  const planned = planImport('stakeholders', csvOf(HEADER, rows), basis, sequentialIds());
  if (!planned.ok) throw new Error(planned.message);
  return planned.plan;
}
const outcomes = (rows: string[][], basis?: ImportBasis) => plan(rows, basis).report.rows.map((r) => [r.row, r.outcome, ...r.reasons]);

describe('planStakeholders', () => {
  it('creates stakeholders on the account named by domain (a subdomain too) or by name, reading labels and values alike', () => {
    const { report, writes } = plan([
      ['eu.acme.com', 'Ann Lee', 'Ann@Acme.com', 'VP Ops', 'Executive sponsor; budget_owner', 'Needs education', 'HIGH'],
      ['globex', 'Bo Chen', '', '', '', '', ''],
    ]);
    expect(report.counts).toEqual({ create: 2, update: 0, unchanged: 0, rejected: 0 });
    expect(writes.map((w) => (w.kind === 'stakeholders' ? w.stakeholder : null))).toMatchObject([
      { account_id: acme.id, name: 'Ann Lee', email: 'ann@acme.com', title: 'VP Ops', roles: ['executive_sponsor', 'budget_owner'], position: 'needs_education', influence: 'high' },
      { account_id: globex.id, name: 'Bo Chen' },
    ]);
  });

  it('names each problem of a rejected row', () => {
    expect(outcomes([
      ['unknown.com', 'Ann', '', '', '', '', ''],
      ['', 'Ann', '', '', '', '', ''],
      ['acme.com', '', 'not-an-email', '', 'boss', 'fan', 'huge'],
    ])).toEqual([
      [2, 'rejected', 'Unknown account: no account has the domain or name "unknown.com" (import the accounts first)'],
      [3, 'rejected', 'Missing account (a domain of the account, or its name)'],
      [4, 'rejected', 'Missing name', 'Email "not-an-email" is not an email address',
        'Role "boss" is not one of: executive_sponsor, budget_owner, approver, influencer, steering_committee, champion_user, end_user, procurement, legal, security, finance',
        'Position "fan" is not one of: sponsor, supporter, needs_education, detractor, unknown',
        'Influence "huge" is not one of: high, medium, low'],
    ]);
  });

  it('rejects a later row for the same person of the same account', () => {
    expect(outcomes([
      ['acme.com', 'Ann', 'ann@acme.com', '', '', '', ''],
      ['Acme', 'Ann L.', 'ANN@acme.com', '', '', '', ''],
      ['globex.com', 'Ann', 'ann@acme.com', '', '', '', ''],
    ])).toEqual([
      [2, 'create'],
      [3, 'rejected', 'Duplicate of row 2 (same account and email ann@acme.com)'],
      [4, 'create'],
    ]);
  });

  it('matches by email within the account, or by name when the stored person has no email yet', () => {
    const ann = aStakeholder({ account_id: acme.id, name: 'Ann', email: 'ann@acme.com', roles: ['budget_owner', 'approver'] });
    const bo = aStakeholder({ account_id: acme.id, name: 'Bo', title: 'CTO' });
    const basis = { ...BASIS, stakeholders: [ann, bo] };
    const { report, writes } = plan([
      ['acme.com', 'Ann', 'ann@acme.com', '', 'approver, budget owner', '', ''],
      ['acme.com', 'bo', 'bo@acme.com', '', '', 'sponsor', ''],
    ], basis);
    expect(report.rows.map((r) => [r.outcome, r.changes])).toEqual([
      ['unchanged', []],
      ['update', [{ field: 'name', from: 'Bo', to: 'bo' }, { field: 'email', from: '', to: 'bo@acme.com' }, { field: 'position', from: 'unknown', to: 'sponsor' }]],
    ]);
    expect(writes[0]).toMatchObject({ stakeholder: { id: bo.id, title: 'CTO', email: 'bo@acme.com' } });
  });

  it('changes nothing when the same file is planned again after its writes', () => {
    const rows = [
      ['acme.com', 'Ann', 'ann@acme.com', 'VP', 'approver', 'supporter', 'low'],
      ['Globex', 'Bo', '', '', '', '', ''],
      ['nowhere.example', 'Cy', '', '', '', '', ''],
    ];
    const first = plan(rows);
    const second = plan(rows, applyWrites(BASIS, first.writes));
    expect(second.report.counts).toEqual({ create: 0, update: 0, unchanged: 2, rejected: 1 });
  });
});
