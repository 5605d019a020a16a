import { addId, type AccountIds } from '../account-ids';
import { addressKey, normaliseConfiguredDomain, registrableDomainOfHost } from '../domains';
import { isFreeMailDomain } from '../free-mail';
import type { RecognitionRows } from '../input';
import { countWords, nameKeys } from '../names';
import type { IndexedAccount, RecognitionIndex } from '../recognition-index';

/**
 * The recognition index built the plain way, for tests only: straight from
 * the store's rows, every key derived during the build, plain `Map`s. The
 * real build (`buildRecognitionIndex`) files keys the store derived in
 * advance into `StringTable`s; the property test holds it to this one.
 */
export function referenceRecognitionIndex(rows: RecognitionRows): RecognitionIndex {
  const accounts = new Map<string, IndexedAccount>();
  const byName = new Map<string, AccountIds>();
  let maxWords = 0;
  for (const account of rows.accounts) {
    if (!account.id || accounts.has(account.id)) continue;
    accounts.set(account.id, account);
    for (const source of [account.name, ...(Array.isArray(account.aliases) ? account.aliases : [])]) {
      for (const key of nameKeys(source)) {
        addId(byName, key, account.id);
        maxWords = Math.max(maxWords, countWords(key));
      }
    }
  }

  const ownDomains = new Set<string>();
  for (const raw of rows.ownDomains) {
    const host = normaliseConfiguredDomain(raw);
    const registrable = host && registrableDomainOfHost(host);
    if (registrable) ownDomains.add(registrable);
  }

  const byDomain = new Map<string, AccountIds>();
  const byRegistrable = new Map<string, AccountIds>();
  for (const row of rows.accountDomains) {
    const host = normaliseConfiguredDomain(row.domain);
    if (!host || !row.account_id) continue;
    const registrable = registrableDomainOfHost(host);
    if (!registrable || isFreeMailDomain(registrable) || ownDomains.has(registrable)) continue;
    addId(byDomain, host, row.account_id);
    if (host !== registrable) addId(byRegistrable, registrable, row.account_id);
  }

  const byAddress = new Map<string, AccountIds>();
  for (const stakeholder of rows.stakeholders) {
    const key = stakeholder.account_id ? addressKey(stakeholder.email) : undefined;
    if (key) addId(byAddress, key, stakeholder.account_id);
  }

  return { accounts, byAddress, byDomain, byRegistrable, names: { byKey: byName, maxWords }, ownDomains };
}
