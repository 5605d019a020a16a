import type { StringTable } from './string-table';

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
  else {
    const merged = withId(existing, id);
    if (merged !== existing) map.set(key, merged);
  }
}

/** Adds `id` under `key` once: one probe for a new key, the common case. */
export function fileId(table: StringTable<AccountIds>, key: string, id: string): void {
  if (table.add(key, id)) return;
  const existing = table.get(key)!;
  const merged = withId(existing, id);
  if (merged !== existing) table.replace(key, merged);
}

/** `ids` with `id` last, or `ids` itself when it has it already. */
function withId(ids: AccountIds, id: string): AccountIds {
  if (typeof ids === 'string') return ids === id ? ids : [ids, id];
  return ids.includes(id) ? ids : [...ids, id];
}

/** The ids under a key, as a list. */
export function idList(ids: AccountIds | undefined): readonly string[] {
  if (ids === undefined) return [];
  return typeof ids === 'string' ? [ids] : ids;
}
