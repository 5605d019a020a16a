import { normaliseConfiguredDomain, parseAddress, registrableDomainOfHost } from './domains';
import { isFreeMailDomain } from './free-mail';
import type { RecognitionInput } from './input';
import { nameKeys, type NameMatcher } from './names';

/**
 * Everything recognition looks up, keyed so that recognising a thread costs a
 * handful of Map lookups per participant whatever the number of accounts.
 * Built once from the local store's rows and reused until they change.
 */
export interface RecognitionIndex {
  /** Known accounts by id: the name is used for tie-breaks and display. */
  readonly accounts: ReadonlyMap<string, IndexedAccount>;
  /** Account ids by exact stakeholder address (lower-case, canonical domain). */
  readonly byAddress: ReadonlyMap<string, readonly string[]>;
  /** Account ids by configured domain, as configured (`acme.co.uk`, or `eu.acme.com` for a subsidiary). */
  readonly byDomain: ReadonlyMap<string, readonly string[]>;
  /** Account ids by the registrable domain of each configured domain, for hosts no configured domain covers. */
  readonly byRegistrable: ReadonlyMap<string, readonly string[]>;
  /** Account names and aliases for titles. */
  readonly names: NameMatcher;
  /** Registrable domains of the organization itself. */
  readonly ownDomains: ReadonlySet<string>;
}

export interface IndexedAccount {
  readonly id: string;
  readonly name: string;
  /** Lower-cased name: the deterministic tie-break after score. */
  readonly sortName: string;
}

export function buildRecognitionIndex(input: RecognitionInput): RecognitionIndex {
  const accounts = new Map<string, IndexedAccount>();
  const nameKeysToIds = new Map<string, string[]>();
  let maxWords = 0;
  for (const account of input.accounts) {
    if (!account.id || accounts.has(account.id)) continue;
    const name = typeof account.name === 'string' ? account.name : '';
    accounts.set(account.id, { id: account.id, name, sortName: name.toLowerCase() });
    for (const source of [name, ...(account.aliases ?? [])]) {
      for (const key of nameKeys(source)) {
        if (addToList(nameKeysToIds, key, account.id)) maxWords = Math.max(maxWords, countWords(key));
      }
    }
  }

  const ownDomains = new Set<string>();
  for (const raw of input.ownDomains) {
    const host = normaliseConfiguredDomain(raw);
    const registrable = host && registrableDomainOfHost(host);
    if (registrable) ownDomains.add(registrable);
  }

  const byDomain = new Map<string, string[]>();
  const byRegistrable = new Map<string, string[]>();
  for (const row of input.accountDomains) {
    if (!accounts.has(row.account_id)) continue;
    const host = normaliseConfiguredDomain(row.domain);
    if (!host) continue;
    const registrable = registrableDomainOfHost(host);
    // A free-mail or own domain typed into an account would otherwise claim every
    // personal or internal address: it is left out, never trusted.
    if (!registrable || isFreeMailDomain(registrable) || ownDomains.has(registrable)) continue;
    addToList(byDomain, host, row.account_id);
    addToList(byRegistrable, registrable, row.account_id);
  }

  const byAddress = new Map<string, string[]>();
  for (const stakeholder of input.stakeholders) {
    if (!accounts.has(stakeholder.account_id)) continue;
    const parsed = parseAddress(stakeholder.email);
    if (parsed) addToList(byAddress, parsed.address, stakeholder.account_id);
  }

  return { accounts, byAddress, byDomain, byRegistrable, names: { byKey: nameKeysToIds, maxWords }, ownDomains };
}

/** Adds `id` under `key` once; true when it was new. Lists stay tiny (usually one id). */
function addToList(map: Map<string, string[]>, key: string, id: string): boolean {
  const list = map.get(key);
  if (!list) {
    map.set(key, [id]);
    return true;
  }
  if (list.includes(id)) return false;
  list.push(id);
  return true;
}

function countWords(key: string): number {
  let count = 1;
  for (let i = 0; i < key.length; i += 1) if (key.charCodeAt(i) === 32) count += 1;
  return count;
}
