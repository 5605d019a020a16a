import { fileId, type AccountIds } from './account-ids';
import { normaliseConfiguredDomain, registrableDomainOfHost } from './domains';
import type { RecognitionInput } from './input';
import { countWords, type NameMatcher } from './names';
import { StringTable } from './string-table';

/**
 * Everything recognition looks up, keyed so that recognising a thread costs a
 * handful of lookups per participant whatever the number of accounts.
 * Built once from the local store's rows and reused until they change.
 *
 * The build files keys the rows already carry (row-keys.ts derives them when
 * the store caches a row): it makes no string of its own per row, and fills
 * `StringTable`s sized from the row counts rather than growing `Map`s.
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
  const rows = input.accounts;
  const accounts = new StringTable<IndexedAccount>(rows.length);
  const byName = new StringTable<AccountIds>(rows.length * 2);
  let maxWords = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const account = rows[i]!;
    // The first row with an id wins, with only its names (the store keys accounts by id, so a repeat is all but impossible).
    if (!account.id || !accounts.add(account.id, account)) continue;
    const keys = account.nameKeys;
    for (let k = 0; k < keys.length; k += 1) {
      const key = keys[k]!;
      fileId(byName, key, account.id);
      maxWords = Math.max(maxWords, countWords(key));
    }
  }

  const ownDomains = new Set<string>();
  for (const raw of input.ownDomains) {
    const host = normaliseConfiguredDomain(raw);
    const registrable = host && registrableDomainOfHost(host);
    if (registrable) ownDomains.add(registrable);
  }

  const domains = input.accountDomains;
  const byDomain = new StringTable<AccountIds>(domains.length);
  const byRegistrable = new StringTable<AccountIds>(Math.ceil(domains.length / 2));
  for (let i = 0; i < domains.length; i += 1) {
    const { account_id, host, registrable } = domains[i]!;
    // An own domain typed into an account would otherwise claim every
    // internal address: left out, never trusted (free-mail has no keys at all).
    if (!host || !registrable || !account_id || ownDomains.has(registrable)) continue;
    fileId(byDomain, host, account_id);
    if (host !== registrable) fileId(byRegistrable, registrable, account_id);
  }

  const stakeholders = input.stakeholders;
  const byAddress = new StringTable<AccountIds>(stakeholders.length);
  for (let i = 0; i < stakeholders.length; i += 1) {
    const { account_id, addressKey } = stakeholders[i]!;
    if (addressKey && account_id) fileId(byAddress, addressKey, account_id);
  }

  return { accounts, byAddress, byDomain, byRegistrable, names: { byKey: byName, maxWords }, ownDomains };
}
