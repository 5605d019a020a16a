/**
 * The account ids stored under one index key. Almost every key (an address,
 * a domain, a name) belongs to one account, so a single id is stored as the
 * string itself and only a shared key gets an array: at 350,000 keys, one
 * array each was most of the index build's garbage.
 */
export type AccountIds = string | readonly string[];

/** Adds `id` under `key` once. */
export function addId(map: Map<string, AccountIds>, key: string, id: string): void {
  const existing = map.get(key);
  if (existing === undefined) map.set(key, id);
  else if (typeof existing === 'string') {
    if (existing !== id) map.set(key, [existing, id]);
  } else if (!existing.includes(id)) map.set(key, [...existing, id]);
}

/** The ids under a key, as a list. */
export function idList(ids: AccountIds | undefined): readonly string[] {
  if (ids === undefined) return [];
  return typeof ids === 'string' ? [ids] : ids;
}
