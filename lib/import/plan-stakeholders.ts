import { STAKEHOLDER_INFLUENCES, STAKEHOLDER_POSITIONS, STAKEHOLDER_ROLES } from '../pipeline/facts';
import { STAKEHOLDER_INFLUENCE_LABELS, STAKEHOLDER_POSITION_LABELS, STAKEHOLDER_ROLE_LABELS } from '../forms/labels';
import { hostAndParents, registrableDomainOfHost } from '../recognition/domains';
import type { Account } from '../schemas/account';
import type { Stakeholder } from '../schemas/stakeholder';
import type { CsvRow } from './csv';
import { readDomain, readEmail, readEnum, readEnumList, readText } from './cells';
import { countOutcomes, nameKey, rejected, type FieldChange, type ImportBasis, type ImportPlan, type ImportWrite, type PlannedRow } from './plan-types';

/** The columns of a stakeholders file; `account` and `name` are required. */
export const STAKEHOLDER_COLUMNS = ['account', 'name', 'email', 'title', 'roles', 'position', 'influence'] as const;
export const STAKEHOLDER_REQUIRED = ['account', 'name'] as const;

type Row = Record<string, unknown>;

/** What a new stakeholder holds besides what the file gives it, for planning the rows after it. */
const STORED_DEFAULTS = { organization_id: null, created_by: '', created_at: '', updated_at: '', email: null, title: null, roles: [], position: 'unknown', influence: null, belief_needed: null, notes: null };

/**
 * Plans a stakeholders file against the organization's accounts and
 * stakeholders. Pure, like `planAccounts`.
 *
 * - `account` names an existing account by one of its domains (a subdomain
 *   finds its parent's account) or by its exact name. Import accounts first.
 * - Within the account, a row matches the stakeholder with the same email; a
 *   row without email (or whose email is new) matches the one stakeholder of
 *   that name who has no email yet.
 * - An empty cell keeps the stored value; a `roles` cell replaces the roles.
 */
export function planStakeholders(rows: readonly CsvRow[], basis: ImportBasis, newId: () => string): ImportPlan {
  const accountsById = new Map(basis.accounts.map((a) => [a.id, a]));
  const accountByDomain = new Map(basis.account_domains.map((d) => [d.domain, d.account_id]));
  const accountsByName = new Map<string, Account[]>();
  for (const account of basis.accounts) accountsByName.set(nameKey(account.name), [...(accountsByName.get(nameKey(account.name)) ?? []), account]);
  const stakeholdersOf = new Map<string, Stakeholder[]>();
  for (const s of basis.stakeholders) stakeholdersOf.set(s.account_id, [...(stakeholdersOf.get(s.account_id) ?? []), s]);

  // Rows apply in order: each is planned against the stakeholders as the rows
  // before it leave them, exactly as a second import of the file will find them.
  const remember = (s: Stakeholder) => stakeholdersOf.set(s.account_id, [...(stakeholdersOf.get(s.account_id) ?? []).filter((o) => o.id !== s.id), s]);

  const claimed = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const writes: ImportWrite[] = [];

  for (const line of rows) {
    const cell = (column: string) => line.cells[column] ?? '';
    const label = cell('name') || cell('email') || `Row ${line.row}`;
    if (line.malformed) {
      planned.push(rejected(line.row, label, [`Malformed line: it ${line.malformed}`]));
      continue;
    }
    const reasons: string[] = [];
    const account = findAccount(cell('account'), accountByDomain, accountsById, accountsByName);
    if ('reason' in account) reasons.push(account.reason);
    const name = readText(cell('name'), 'Name', 200);
    if (!name.ok) reasons.push(name.reason);
    else if (name.value === null) reasons.push('Missing name');
    const email = readEmail(cell('email'), 'Email');
    if (!email.ok) reasons.push(email.reason);
    const title = readText(cell('title'), 'Title', 200);
    if (!title.ok) reasons.push(title.reason);
    const roles = readEnumList(cell('roles'), 'Role', STAKEHOLDER_ROLES, STAKEHOLDER_ROLE_LABELS);
    if (!roles.ok) reasons.push(roles.reason);
    const position = readEnum(cell('position'), 'Position', STAKEHOLDER_POSITIONS, STAKEHOLDER_POSITION_LABELS);
    if (!position.ok) reasons.push(position.reason);
    const influence = readEnum(cell('influence'), 'Influence', STAKEHOLDER_INFLUENCES, STAKEHOLDER_INFLUENCE_LABELS);
    if (!influence.ok) reasons.push(influence.reason);

    const accountId = 'account' in account ? account.account.id : null;
    const personName = name.ok ? (name.value ?? '') : '';
    const address = email.ok ? email.value : null;
    const key = accountId && (address ? `${accountId}|email:${address}` : personName ? `${accountId}|name:${nameKey(personName)}` : null);
    const earlier = key ? claimed.get(key) : undefined;
    if (earlier !== undefined) reasons.push(`Duplicate of row ${earlier} (same account and ${address ? `email ${address}` : `name ${personName}`})`);
    else if (key) claimed.set(key, line.row);

    if (reasons.length > 0 || !accountId || !name.ok || !email.ok || !title.ok || !roles.ok || !position.ok || !influence.ok) {
      planned.push(rejected(line.row, label, reasons));
      continue;
    }

    const candidates = stakeholdersOf.get(accountId) ?? [];
    const byEmail = address ? candidates.find((s) => s.email === address) : undefined;
    const byName = byEmail ? [] : candidates.filter((s) => s.email === null && nameKey(s.name) === nameKey(personName));
    if (byName.length > 1) {
      planned.push(rejected(line.row, label, [`${byName.length} stakeholders of this account are named "${personName}" with no email: add the email to say which one`]));
      continue;
    }
    const existing = byEmail ?? byName[0];
    const wanted: Row = { name: personName, email: address, title: title.value, roles: roles.value, position: position.value, influence: influence.value };

    if (!existing) {
      const stakeholder: Row = { id: newId(), account_id: accountId, ...withoutNulls(wanted) };
      claimed.set(`stakeholder:${String(stakeholder.id)}`, line.row);
      remember({ ...STORED_DEFAULTS, ...stakeholder } as unknown as Stakeholder);
      writes.push({ kind: 'stakeholders', row: line.row, stakeholder });
      const changes = Object.entries(withoutNulls(wanted)).map(([field, value]) => ({ field, from: '', to: show(value) }));
      planned.push({ row: line.row, label, outcome: 'create', reasons: [], changes });
      continue;
    }
    const sameKey = claimed.get(`stakeholder:${existing.id}`);
    if (sameKey !== undefined) {
      planned.push(rejected(line.row, label, [`Duplicate of row ${sameKey} (same stakeholder ${existing.name})`]));
      continue;
    }
    claimed.set(`stakeholder:${existing.id}`, line.row);

    const changes: FieldChange[] = [];
    const next: Row = { ...existing };
    for (const [field, value] of Object.entries(wanted)) {
      if (value === null) continue;
      const before = (existing as Row)[field];
      if (show(before) === show(value)) continue;
      changes.push({ field, from: show(before), to: show(value) });
      next[field] = value;
    }
    if (changes.length === 0) {
      planned.push({ row: line.row, label, outcome: 'unchanged', reasons: [], changes: [] });
      continue;
    }
    remember(next as Stakeholder);
    writes.push({ kind: 'stakeholders', row: line.row, stakeholder: next });
    planned.push({ row: line.row, label, outcome: 'update', reasons: [], changes });
  }
  return { report: { kind: 'stakeholders', rows: planned, counts: countOutcomes(planned) }, writes };
}

type AccountFound = { account: Account } | { reason: string };

function findAccount(
  written: string,
  accountByDomain: ReadonlyMap<string, string>,
  accountsById: ReadonlyMap<string, Account>,
  accountsByName: ReadonlyMap<string, Account[]>,
): AccountFound {
  if (written === '') return { reason: 'Missing account (a domain of the account, or its name)' };
  const domain = written.includes('.') && !written.includes(' ') ? readDomain(written) : null;
  if (domain?.ok) {
    const registrable = registrableDomainOfHost(domain.value);
    for (const host of registrable ? hostAndParents(domain.value, registrable) : [domain.value]) {
      const id = accountByDomain.get(host);
      const account = id ? accountsById.get(id) : undefined;
      if (account) return { account };
    }
  }
  const named = accountsByName.get(nameKey(written)) ?? [];
  if (named.length === 1) return { account: named[0]! };
  if (named.length > 1) return { reason: `Unknown account: ${named.length} accounts are named "${written}"; use one of its domains instead` };
  return { reason: `Unknown account: no account has the domain or name "${written}" (import the accounts first)` };
}

function withoutNulls(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));
}

/** Lists keep their order (the roles cell is a set, but the stored order is what was written). */
function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return [...value].sort().join(', ');
  return String(value);
}
