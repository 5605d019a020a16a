import type { Account } from '../schemas/account';
import type { CsvRow } from './csv';
import { readArr, readDay, readDomain, readEmail, readText, splitList } from './cells';
import { countOutcomes, nameKey, rejected, type FieldChange, type ImportBasis, type ImportPlan, type ImportWrite, type PlannedRow } from './plan-types';

/** The columns of an accounts file; only `name` is required. */
export const ACCOUNT_COLUMNS = ['name', 'domains', 'owner_email', 'arr', 'renewal_date'] as const;
export const ACCOUNT_REQUIRED = ['name'] as const;

/** What a new account holds besides what the file gives it, for planning the rows after it. */
const STORED_DEFAULTS = { organization_id: null, created_by: '', created_at: '', updated_at: '', notes: null } as const;

interface AccountRow {
  name: string;
  domains: string[];
  owner_id: string | null;
  owner_email: string | null;
  arr: number | null;
  renewal_on: string | null;
}

/**
 * Plans an accounts file against the organization's accounts. Pure: same
 * file and basis, same plan (up to the ids `newId` makes for new records).
 *
 * - A row matches the account that owns one of its domains; a row without
 *   domains matches the one account of that name. So importing a file twice
 *   finds every account the first import made, and changes nothing.
 * - An empty cell leaves the stored value as it is; domains are only ever
 *   added (an account may have more domains than the file lists).
 * - The first row naming a domain (or, without domains, a name) wins; a later
 *   row naming it again is a duplicate.
 */
export function planAccounts(rows: readonly CsvRow[], basis: ImportBasis, newId: () => string): ImportPlan {
  const accountsById = new Map(basis.accounts.map((a) => [a.id, a]));
  const ownerOfDomain = new Map(basis.account_domains.map((d) => [d.domain, d.account_id]));
  const ownDomains = new Set(basis.organization_domains.map((d) => d.domain));
  const memberByEmail = new Map(basis.members.filter((m) => m.email).map((m) => [m.email!.toLowerCase(), m.user_id]));
  const emailOfMember = new Map(basis.members.map((m) => [m.user_id, m.email ?? m.user_id]));
  const accountsByName = groupBy(basis.accounts, (a) => nameKey(a.name));
  const domainsOf = groupBy(basis.account_domains, (d) => d.account_id);
  // Rows apply in order: each is planned against the accounts as the rows
  // before it leave them, exactly as a second import of the file will find them.
  const remember = (account: Account, before: Account | undefined, added: string[]) => {
    accountsById.set(account.id, account);
    if (before) accountsByName.set(nameKey(before.name), (accountsByName.get(nameKey(before.name)) ?? []).filter((a) => a.id !== account.id));
    accountsByName.set(nameKey(account.name), [...(accountsByName.get(nameKey(account.name)) ?? []).filter((a) => a.id !== account.id), account]);
    for (const domain of added) ownerOfDomain.set(domain, account.id);
    domainsOf.set(account.id, [...(domainsOf.get(account.id) ?? []), ...added.map((domain) => ({ account_id: account.id, domain }))]);
  };

  const claimed = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const writes: ImportWrite[] = [];

  for (const line of rows) {
    const label = line.cells.name || line.cells.domains || `Row ${line.row}`;
    if (line.malformed) {
      planned.push(rejected(line.row, label, [`Malformed line: it ${line.malformed}`]));
      continue;
    }
    const reasons: string[] = [];
    const read = readAccountRow(line, reasons, ownDomains, memberByEmail);

    // Duplicates: keys are claimed even by rows rejected for other reasons, so
    // the report names both rows of a pair, whichever is fixed first.
    const keys = read.domains.length > 0 ? read.domains.map((d) => `domain:${d}`) : read.name ? [`name:${nameKey(read.name)}`] : [];
    const earlier = keys.map((key) => ({ key, row: claimed.get(key) })).find((hit) => hit.row !== undefined);
    if (earlier) reasons.push(`Duplicate of row ${earlier.row} (same ${earlier.key.replace(/^(domain|name):/, '$1 ')})`);
    for (const key of keys) if (!claimed.has(key)) claimed.set(key, line.row);

    const match = reasons.length === 0 ? findAccount(read, ownerOfDomain, accountsByName, accountsById) : { account: null };
    if ('reason' in match) reasons.push(match.reason);
    if (reasons.length > 0) {
      planned.push(rejected(line.row, label, reasons));
      continue;
    }

    const existing = 'account' in match ? match.account : null;
    const sameAccount = existing ? claimed.get(`account:${existing.id}`) : undefined;
    if (existing && sameAccount !== undefined) {
      planned.push(rejected(line.row, label, [`Duplicate of row ${sameAccount} (same account ${existing.name})`]));
      continue;
    }
    if (existing) claimed.set(`account:${existing.id}`, line.row);
    if (!existing) {
      const id = newId();
      const account = { id, name: read.name, owner_id: read.owner_id, arr: read.arr, renewal_on: read.renewal_on };
      claimed.set(`account:${id}`, line.row);
      remember({ ...STORED_DEFAULTS, ...account }, undefined, read.domains);
      writes.push({ kind: 'accounts', row: line.row, account, domains: read.domains.map((domain) => ({ id: newId(), account_id: id, domain })) });
      planned.push({ row: line.row, label, outcome: 'create', reasons: [], changes: describeNew(read) });
      continue;
    }

    const changes: FieldChange[] = [];
    const next: Record<string, unknown> = { ...existing };
    const change = (field: keyof Account & string, shown: string, to: unknown, show: (v: unknown) => string = String) => {
      if (to === null || to === existing[field]) return;
      changes.push({ field: shown, from: existing[field] === null ? '' : show(existing[field]), to: show(to) });
      next[field] = to;
    };
    change('name', 'name', read.name);
    change('owner_id', 'owner', read.owner_id, (id) => emailOfMember.get(String(id)) ?? String(id));
    change('arr', 'ARR', read.arr);
    change('renewal_on', 'renewal date', read.renewal_on);
    const current = new Set((domainsOf.get(existing.id) ?? []).map((d) => d.domain));
    const added = read.domains.filter((d) => !current.has(d));
    if (added.length > 0) changes.push({ field: 'domains', from: [...current].sort().join(', '), to: [...current, ...added].sort().join(', ') });

    if (changes.length === 0) {
      planned.push({ row: line.row, label, outcome: 'unchanged', reasons: [], changes: [] });
      continue;
    }
    remember(next as Account, existing, added);
    writes.push({ kind: 'accounts', row: line.row, account: next, domains: added.map((domain) => ({ id: newId(), account_id: existing.id, domain })) });
    planned.push({ row: line.row, label, outcome: 'update', reasons: [], changes });
  }
  return { report: { kind: 'accounts', rows: planned, counts: countOutcomes(planned) }, writes };
}

function readAccountRow(line: CsvRow, reasons: string[], ownDomains: ReadonlySet<string>, memberByEmail: ReadonlyMap<string, string>): AccountRow {
  const cell = (column: string) => line.cells[column] ?? '';
  const name = readText(cell('name'), 'Name', 200);
  if (!name.ok) reasons.push(name.reason);
  else if (name.value === null) reasons.push('Missing name');

  const domains: string[] = [];
  for (const written of splitList(cell('domains'))) {
    const domain = readDomain(written);
    if (!domain.ok) reasons.push(`Bad domain: ${domain.reason}`);
    else if (ownDomains.has(domain.value)) reasons.push(`Bad domain: ${domain.value} is one of your organization's own domains, never a customer's`);
    else if (!domains.includes(domain.value)) domains.push(domain.value);
  }
  if (domains.length > 20) reasons.push(`An account has at most 20 domains; this row lists ${domains.length}`);

  let owner_id: string | null = null;
  const owner = readEmail(cell('owner_email'), 'Owner email');
  if (!owner.ok) reasons.push(owner.reason);
  else if (owner.value !== null) {
    owner_id = memberByEmail.get(owner.value) ?? null;
    if (!owner_id) reasons.push(`Unknown owner: no member of the organization has the email ${owner.value}`);
  }

  const arr = readArr(cell('arr'));
  if (!arr.ok) reasons.push(arr.reason);
  const renewal = readDay(cell('renewal_date'), 'Renewal date');
  if (!renewal.ok) reasons.push(renewal.reason);

  return {
    name: name.ok ? (name.value ?? '') : '',
    domains,
    owner_id,
    owner_email: owner.ok ? owner.value : null,
    arr: arr.ok ? arr.value : null,
    renewal_on: renewal.ok ? renewal.value : null,
  };
}

type AccountMatch = { account: Account | null } | { reason: string };

function findAccount(
  read: AccountRow,
  ownerOfDomain: ReadonlyMap<string, string>,
  accountsByName: ReadonlyMap<string, Account[]>,
  accountsById: ReadonlyMap<string, Account>,
): AccountMatch {
  if (read.domains.length > 0) {
    const owners = new Map<string, string>();
    for (const domain of read.domains) {
      const owner = ownerOfDomain.get(domain);
      if (owner && !owners.has(owner)) owners.set(owner, domain);
    }
    if (owners.size > 1) {
      const which = [...owners].map(([id, domain]) => `${domain} to ${accountsById.get(id)?.name ?? 'another account'}`);
      return { reason: `Domain owned by another account: ${which.join(' and ')}; one row cannot join two accounts` };
    }
    const [owner] = owners.keys();
    return { account: owner ? (accountsById.get(owner) ?? null) : null };
  }
  const named = accountsByName.get(nameKey(read.name)) ?? [];
  if (named.length > 1) return { reason: `${named.length} accounts are named "${read.name}": add a domain to say which one` };
  return { account: named[0] ?? null };
}

function describeNew(read: AccountRow): FieldChange[] {
  const set = (field: string, value: unknown): FieldChange[] => (value === null || value === '' ? [] : [{ field, from: '', to: String(value) }]);
  return [
    ...set('name', read.name),
    ...set('domains', read.domains.join(', ')),
    ...set('owner', read.owner_email),
    ...set('ARR', read.arr),
    ...set('renewal date', read.renewal_on),
  ];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
