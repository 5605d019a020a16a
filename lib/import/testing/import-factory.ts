import type { Account } from '../../schemas/account';
import type { Stakeholder } from '../../schemas/stakeholder';
import type { ImportBasis, ImportWrite } from '../plan-types';

/** Small factories for planner tests: an organization's records as the store holds them. */

const STAMP = '2026-11-01T09:00:00.000Z';
const ORG = '00000000-0000-4000-8000-00000000000a';
const AUTHOR = '00000000-0000-4000-8000-0000000000a0';

let counter = 0;
/** Deterministic UUIDs, so a failing case prints the same ids every run. */
export function sequentialIds(prefix = 'f'): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8${prefix.padStart(3, '0').slice(-3)}-${(n++).toString(16).padStart(12, '0')}`;
}

export function anAccount(fields: Partial<Account> & { name: string }): Account {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`,
    organization_id: ORG,
    created_by: AUTHOR,
    created_at: STAMP,
    updated_at: STAMP,
    owner_id: null,
    arr: null,
    renewal_on: null,
    notes: null,
    ...fields,
  };
}

export function aStakeholder(fields: Partial<Stakeholder> & { account_id: string; name: string }): Stakeholder {
  counter += 1;
  return {
    id: `00000000-0000-4000-9000-${counter.toString(16).padStart(12, '0')}`,
    organization_id: ORG,
    created_by: AUTHOR,
    created_at: STAMP,
    updated_at: STAMP,
    email: null,
    title: null,
    roles: [],
    position: 'unknown',
    influence: null,
    belief_needed: null,
    notes: null,
    ...fields,
  };
}

export const OWNER = { user_id: '00000000-0000-4000-8000-0000000000b1', email: 'dana@vendor.example' };

export function aBasis(parts: Partial<ImportBasis> = {}): ImportBasis {
  return {
    accounts: [],
    account_domains: [],
    organization_domains: [{ domain: 'vendor.example' }],
    members: [OWNER],
    stakeholders: [],
    ...parts,
  };
}

/**
 * The basis after the plan's writes, as the store would hold them: what the
 * "import the same file twice" tests plan against the second time.
 */
export function applyWrites(basis: ImportBasis, writes: readonly ImportWrite[]): ImportBasis {
  const accounts = new Map(basis.accounts.map((a) => [a.id, a]));
  const stakeholders = new Map(basis.stakeholders.map((s) => [s.id, s]));
  const domains = [...basis.account_domains];
  for (const write of writes) {
    if (write.kind === 'accounts') {
      const before = accounts.get(write.account.id as string);
      accounts.set(write.account.id as string, { ...(before ?? anAccount({ name: '' })), ...write.account } as Account);
      domains.push(...write.domains.map(({ account_id, domain }) => ({ account_id, domain })));
    } else {
      const before = stakeholders.get(write.stakeholder.id as string);
      const base = before ?? aStakeholder({ account_id: write.stakeholder.account_id as string, name: '' });
      stakeholders.set(write.stakeholder.id as string, { ...base, ...write.stakeholder } as Stakeholder);
    }
  }
  return { ...basis, accounts: [...accounts.values()], account_domains: domains, stakeholders: [...stakeholders.values()] };
}

/** A CSV text from rows of cells, quoting what needs it. */
export function csvOf(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[",\n\r;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n');
}
