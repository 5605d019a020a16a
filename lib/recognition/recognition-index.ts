import { addressKey, normaliseConfiguredDomain, registrableDomainOfHost } from './domains';
import { isFreeMailDomain } from './free-mail';
import type { RecognitionInput } from './input';
import { countWords, nameKeys, type NameMatcher } from './names';
import { addId, type AccountIds } from './account-ids';

/**
 * Everything recognition looks up, keyed so that recognising a thread costs a
 * handful of Map lookups per participant whatever the number of accounts.
 * Built once from the local store's rows and reused until they change.
 *
 * Rows naming an account that is not in `accounts` are indexed anyway and
 * dropped when recognised (`recognise` only returns known accounts): checking
 * 300,000 rows against the accounts at build time costs more than the build's
 * whole budget allows on a slow machine.
 */
export interface RecognitionIndex {
  /** Known accounts by id: the name is used for tie-breaks and display. */
  readonly accounts: ReadonlyMap<string, IndexedAccount>;
  /** Account ids by exact stakeholder address (lower-case, canonical domain). */
  readonly byAddress: ReadonlyMap<string, AccountIds>;
  /** Account ids by configured domain, as configured (`acme.co.uk`, or `eu.acme.com` for a subsidiary). */
  readonly byDomain: ReadonlyMap<string, AccountIds>;
  /**
   * Account ids by the registrable domain of each configured *subdomain*
   * (`acme.com` for `eu.acme.com`), for hosts no configured domain covers. A
   * configured registrable domain is only in `byDomain`, which the lookup
   * walks down to the registrable domain anyway.
   */
  readonly byRegistrable: ReadonlyMap<string, AccountIds>;
  /** Account names and aliases for titles. */
  readonly names: NameMatcher;
  /** Registrable domains of the organization itself. */
  readonly ownDomains: ReadonlySet<string>;
}

/** An account as the index keeps it: the store's row itself, not a copy. */
export type IndexedAccount = Pick<RecognitionInput['accounts'][number], 'id' | 'name'>;

export function buildRecognitionIndex(input: RecognitionInput): RecognitionIndex {
  const accounts = new Map<string, IndexedAccount>();
  const nameKeysToIds = new Map<string, AccountIds>();
  let maxWords = 0;
  // The store keys accounts by id, so a repeated id is all but impossible: each
  // row is `set` without a `has` first, and a repeat (the map not growing) puts
  // the first row with that id back, as skipping the later row would have.
  let firstRows: Map<string, IndexedAccount> | undefined;
  const rows = input.accounts;
  for (let i = 0; i < rows.length; i += 1) {
    const account = rows[i]!;
    if (!account.id) continue;
    const size = accounts.size;
    accounts.set(account.id, account);
    if (accounts.size === size) {
      firstRows ??= firstRowsById(rows, i);
      accounts.set(account.id, firstRows.get(account.id)!);
      continue;
    }
    indexName(account.name, account.id);
    if (Array.isArray(account.aliases)) for (const alias of account.aliases) indexName(alias, account.id);
  }
  function indexName(source: string, accountId: string): void {
    for (const key of nameKeys(source)) {
      addId(nameKeysToIds, key, accountId);
      maxWords = Math.max(maxWords, countWords(key));
    }
  }

  const ownDomains = new Set<string>();
  for (const raw of input.ownDomains) {
    const host = normaliseConfiguredDomain(raw);
    const registrable = host && registrableDomainOfHost(host);
    if (registrable) ownDomains.add(registrable);
  }

  const byDomain = new Map<string, AccountIds>();
  const byRegistrable = new Map<string, AccountIds>();
  for (const row of input.accountDomains) {
    const host = normaliseConfiguredDomain(row.domain);
    if (!host || !row.account_id) continue;
    const registrable = registrableDomainOfHost(host);
    // A free-mail or own domain typed into an account would otherwise claim every
    // personal or internal address: it is left out, never trusted.
    if (!registrable || isFreeMailDomain(registrable) || ownDomains.has(registrable)) continue;
    addId(byDomain, host, row.account_id);
    if (host !== registrable) addId(byRegistrable, registrable, row.account_id);
  }

  const byAddress = indexAddresses(input.stakeholders);

  return { accounts, byAddress, byDomain, byRegistrable, names: { byKey: nameKeysToIds, maxWords }, ownDomains };
}

/** The first of `rows[0..end)` with each id: built once, when a repeated id is first met. */
function firstRowsById(rows: RecognitionInput['accounts'], end: number): Map<string, IndexedAccount> {
  const first = new Map<string, IndexedAccount>();
  for (let i = 0; i < end; i += 1) {
    const row = rows[i]!;
    if (row.id && !first.has(row.id)) first.set(row.id, row);
  }
  return first;
}

/**
 * Account ids by exact stakeholder address. Almost every address belongs to one
 * stakeholder, so each is `set` without a `get` first: one hash probe instead of
 * two per address, a good part of the build at 200,000 addresses. An address met
 * again shows as the map not growing; such addresses (the set overwrote their
 * ids) are then rebuilt from every row that has them, in row order, as `addId`
 * would have built them.
 */
function indexAddresses(stakeholders: RecognitionInput['stakeholders']): Map<string, AccountIds> {
  const byAddress = new Map<string, AccountIds>();
  // Sized once: growing a 200,000-entry array by `push` copies it about 20 times.
  const keys = new Array<string | undefined>(stakeholders.length);
  let repeated: Set<string> | undefined;
  for (let row = 0; row < stakeholders.length; row += 1) {
    const stakeholder = stakeholders[row]!;
    const key = stakeholder.account_id ? addressKey(stakeholder.email) : undefined;
    keys[row] = key;
    if (!key) continue;
    const size = byAddress.size;
    byAddress.set(key, stakeholder.account_id);
    if (byAddress.size === size) (repeated ??= new Set()).add(key);
  }
  if (repeated) {
    for (const key of repeated) byAddress.delete(key);
    keys.forEach((key, row) => {
      if (key && repeated.has(key)) addId(byAddress, key, stakeholders[row]!.account_id);
    });
  }
  return byAddress;
}
