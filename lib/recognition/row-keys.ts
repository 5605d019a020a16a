import { addressKey, normaliseConfiguredDomain, registrableDomainOfHost } from './domains';
import { isFreeMailDomain } from './free-mail';
import type { RecognitionAccount, RecognitionAccountDomain, RecognitionInput, RecognitionRows, RecognitionStakeholder } from './input';
import { nameKeys } from './names';

/**
 * The keys each stored row is filed under in the recognition index. They
 * depend on the row alone (and on this code: the public suffix list, the
 * free-mail list, the name folding), so the store derives them once, when a
 * row enters its recognition cache, instead of on every index build.
 *
 * Whoever keeps derived keys must drop them when this code changes (the
 * background drops the store's cache on every extension update).
 */

/** The title keys of an account's name and aliases, each once, name first. */
export function accountNameKeys(name: string, aliases: readonly string[] | undefined): string[] {
  const keys = nameKeys(name);
  if (!Array.isArray(aliases)) return keys;
  for (const alias of aliases) {
    for (const key of nameKeys(alias)) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

export interface AccountDomainKeys {
  /** The domain as a host (`eu.acme.com`): the key of the exact domain match. */
  host: string;
  /** Its registrable domain (`acme.com`): equal to `host` unless a subdomain was configured. */
  registrable: string;
}

/**
 * The keys of a configured account domain, or `null` when it can never
 * identify an account: not a host, no registrable domain, or a free-mail
 * provider (typed in by mistake, it would otherwise claim every personal
 * address). Own domains are left to the index build: they change apart from
 * the row.
 */
export function accountDomainKeys(domain: string): AccountDomainKeys | null {
  const host = normaliseConfiguredDomain(domain);
  if (!host) return null;
  const registrable = registrableDomainOfHost(host);
  if (!registrable || isFreeMailDomain(registrable)) return null;
  return { host, registrable };
}

/** The exact-match key of a stakeholder's address, or `null` when it is not an address. */
export function stakeholderAddressKey(email: string): string | null {
  return addressKey(email) ?? null;
}

export function withAccountKeys(row: RecognitionRows['accounts'][number]): RecognitionAccount {
  return { ...row, nameKeys: accountNameKeys(row.name, row.aliases) };
}

export function withDomainKeys(row: RecognitionRows['accountDomains'][number]): RecognitionAccountDomain {
  const keys = accountDomainKeys(row.domain);
  return { ...row, host: keys?.host ?? null, registrable: keys?.registrable ?? null };
}

export function withAddressKey(row: RecognitionRows['stakeholders'][number]): RecognitionStakeholder {
  return { ...row, addressKey: stakeholderAddressKey(row.email) };
}

/** Every row with its keys: what a full rebuild of the store's cache derives. */
export function withRecognitionKeys(rows: RecognitionRows): RecognitionInput {
  return {
    accounts: rows.accounts.map(withAccountKeys),
    accountDomains: rows.accountDomains.map(withDomainKeys),
    stakeholders: rows.stakeholders.map(withAddressKey),
    ownDomains: rows.ownDomains,
  };
}
