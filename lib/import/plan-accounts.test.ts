import { describe, expect, it } from 'vitest';
import { planImport } from './plan-import';
import { aBasis, anAccount, applyWrites, csvOf, OWNER, sequentialIds } from './testing/import-factory';
import type { ImportBasis } from './plan-types';

const HEADER = ['name', 'domains', 'owner_email', 'arr', 'renewal_date'];

function plan(rows: string[][], basis: ImportBasis = aBasis(), header = HEADER) {
  const planned = planImport('accounts', csvOf(header, rows), basis, sequentialIds());
  if (!planned.ok) throw new Error(planned.message);
  return planned.plan;
}

function outcomeOf(rows: string[][], basis?: ImportBasis) {
  return plan(rows, basis).report.rows.map((r) => [r.row, r.outcome, ...r.reasons]);
}

describe('planAccounts', () => {
  it('creates new accounts with their domains, owner, ARR and renewal date', () => {
    const { report, writes } = plan([['Acme', 'acme.com; www.acme.de', 'Dana@Vendor.example', '120000.50', '2027-03-31']]);
    expect(report.rows[0]).toMatchObject({ row: 2, outcome: 'create', label: 'Acme' });
    expect(writes).toHaveLength(1);
    const write = writes[0]!;
    if (write.kind !== 'accounts') throw new Error('expected an account write');
    expect(write.account).toMatchObject({ name: 'Acme', owner_id: OWNER.user_id, arr: 120000.5, renewal_on: '2027-03-31' });
    expect(write.domains.map((d) => d.domain)).toEqual(['acme.com', 'acme.de']);
    expect(write.domains.every((d) => d.account_id === write.account.id)).toBe(true);
  });

  it('names each problem of a rejected row', () => {
    const rows = outcomeOf([
      ['', 'acme.com', '', '', ''],
      ['Globex', 'not a domain', '', '', ''],
      ['Initech', 'initech.com', 'nobody@vendor.example', '', ''],
      ['Umbrella', 'umbrella.com', '', '12k', '31/12/2026'],
      ['Hooli', 'vendor.example', '', '', ''],
      ['Stark', 'localhost', '', '-5', '2026-02-30'],
    ]);
    expect(rows).toEqual([
      [2, 'rejected', 'Missing name'],
      [3, 'rejected', 'Bad domain: "not" is not a domain name such as acme.com', 'Bad domain: "a" is not a domain name such as acme.com', 'Bad domain: "domain" is not a domain name such as acme.com'],
      [4, 'rejected', 'Unknown owner: no member of the organization has the email nobody@vendor.example'],
      [5, 'rejected', 'ARR "12k" is not a number (write digits only, such as 120000 or 120000.50)', 'Renewal date "31/12/2026" is not a date written YYYY-MM-DD'],
      [6, 'rejected', "Bad domain: vendor.example is one of your organization's own domains, never a customer's"],
      [7, 'rejected', 'Bad domain: "localhost" is not a domain name such as acme.com', 'ARR "-5" is not a number (write digits only, such as 120000 or 120000.50)', 'Renewal date "2026-02-30" is not a date written YYYY-MM-DD'],
    ]);
  });

  it('rejects a later row that repeats a domain or, without domains, a name', () => {
    expect(outcomeOf([
      ['Acme', 'acme.com', '', '', ''],
      ['Acme again', 'ACME.com', '', '', ''],
      ['Solo', '', '', '', ''],
      ['solo ', '', '', '', ''],
    ])).toEqual([
      [2, 'create'],
      [3, 'rejected', 'Duplicate of row 2 (same domain acme.com)'],
      [4, 'create'],
      [5, 'rejected', 'Duplicate of row 4 (same name solo)'],
    ]);
  });

  it('reports a malformed line without reading its cells', () => {
    const text = `${HEADER.join(',')}\nAcme,acme.com,,,\nBroken,broken.com\nGlobex,globex.com,,,`;
    const planned = planImport('accounts', text, aBasis(), sequentialIds());
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.plan.report.rows.map((r) => [r.row, r.outcome, ...r.reasons])).toEqual([
      [2, 'create'],
      [3, 'rejected', 'Malformed line: it has 2 cells where the header has 5'],
      [4, 'create'],
    ]);
  });

  it('matches existing accounts by domain, reports changed fields, and adds domains without removing any', () => {
    const acme = anAccount({ name: 'Acme', arr: 1000 });
    const basis = aBasis({ accounts: [acme], account_domains: [{ account_id: acme.id, domain: 'acme.com' }, { account_id: acme.id, domain: 'acme.fr' }] });
    const { report, writes } = plan([['Acme', 'acme.com, acme.de', OWNER.email, '2000', '']], basis);
    expect(report.rows[0]).toMatchObject({
      outcome: 'update',
      changes: [
        { field: 'owner', from: '', to: OWNER.email },
        { field: 'ARR', from: '1000', to: '2000' },
        { field: 'domains', from: 'acme.com, acme.fr', to: 'acme.com, acme.de, acme.fr' },
      ],
    });
    const write = writes[0]!;
    if (write.kind !== 'accounts') throw new Error('expected an account write');
    expect(write.account).toMatchObject({ id: acme.id, owner_id: OWNER.user_id, arr: 2000 });
    expect(write.domains.map((d) => d.domain)).toEqual(['acme.de']);
  });

  it('leaves an account unchanged when the row says what is stored, and empty cells keep stored values', () => {
    const acme = anAccount({ name: 'Acme', arr: 1000, renewal_on: '2027-01-01' });
    const basis = aBasis({ accounts: [acme], account_domains: [{ account_id: acme.id, domain: 'acme.com' }] });
    expect(outcomeOf([['Acme', 'acme.com', '', '', '']], basis)).toEqual([[2, 'unchanged']]);
  });

  it('refuses a row whose domains belong to two accounts, and a second row for the same account', () => {
    const acme = anAccount({ name: 'Acme' });
    const globex = anAccount({ name: 'Globex' });
    const basis = aBasis({
      accounts: [acme, globex],
      account_domains: [
        { account_id: acme.id, domain: 'acme.com' },
        { account_id: acme.id, domain: 'acme.de' },
        { account_id: acme.id, domain: 'acme.io' },
        { account_id: globex.id, domain: 'globex.com' },
      ],
    });
    expect(outcomeOf([
      ['Merged', 'acme.com, globex.com', '', '', ''],
      ['Acme', 'acme.de', '', '5', ''],
      ['Acme IO', 'acme.io', '', '6', ''],
    ], basis)).toEqual([
      [2, 'rejected', 'Domain owned by another account: acme.com to Acme and globex.com to Globex; one row cannot join two accounts'],
      [3, 'update'],
      [4, 'rejected', 'Duplicate of row 3 (same account Acme)'],
    ]);
  });

  it('matches by name only without domains, and refuses an ambiguous name', () => {
    const basis = aBasis({ accounts: [anAccount({ name: 'Twin' }), anAccount({ name: 'twin' }), anAccount({ name: 'Single', arr: 5 })] });
    expect(outcomeOf([['Twin', '', '', '1', ''], ['Single', '', '', '5', '']], basis)).toEqual([
      [2, 'rejected', '2 accounts are named "Twin": add a domain to say which one'],
      [3, 'unchanged'],
    ]);
  });

  it('changes nothing when the same file is planned again after its writes', () => {
    const rows = [
      ['Acme', 'acme.com', OWNER.email, '100', '2027-01-01'],
      ['Globex', '', '', '', ''],
      ['Bad', 'bad domain', '', '', ''],
    ];
    const first = plan(rows);
    const second = plan(rows, applyWrites(aBasis(), first.writes));
    expect(second.report.counts).toEqual({ create: 0, update: 0, unchanged: 2, rejected: 1 });
    expect(second.writes).toEqual([]);
  });
});
