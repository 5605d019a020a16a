/**
 * The panel's manual search: accounts whose name, alias or one of whose
 * domains contains what the CSM typed. Pure, over the recognition input the
 * background already keeps (one pass over accounts and domains, no index to
 * build), so it answers per keystroke even at 50,000 accounts.
 */
export interface SearchableAccounts {
  accounts: readonly { id: string; name: string; aliases: readonly string[] }[];
  accountDomains: readonly { account_id: string; domain: string }[];
}

export interface AccountMatch {
  id: string;
  name: string;
  /** The account's domains, for telling apart two accounts of one name. */
  domains: string[];
}

/** Best first: a name that starts with the query, then one that contains it, then an alias or domain; then by name. */
export function searchAccounts(source: SearchableAccounts, query: string, limit = 12): AccountMatch[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const domainsOf = new Map<string, string[]>();
  for (const { account_id, domain } of source.accountDomains) {
    const list = domainsOf.get(account_id);
    if (list) list.push(domain);
    else domainsOf.set(account_id, [domain]);
  }
  const ranked: { rank: number; match: AccountMatch }[] = [];
  for (const account of source.accounts) {
    const name = account.name.toLowerCase();
    const domains = domainsOf.get(account.id) ?? [];
    const rank = name.startsWith(needle)
      ? 0
      : name.includes(needle)
        ? 1
        : account.aliases.some((alias) => alias.toLowerCase().includes(needle)) || domains.some((domain) => domain.includes(needle))
          ? 2
          : -1;
    if (rank >= 0) ranked.push({ rank, match: { id: account.id, name: account.name, domains } });
  }
  ranked.sort((a, b) => a.rank - b.rank || compare(a.match.name.toLowerCase(), b.match.name.toLowerCase()) || compare(a.match.id, b.match.id));
  return ranked.slice(0, limit).map((entry) => entry.match);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
