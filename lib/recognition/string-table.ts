/**
 * A string-keyed table that is filled once and then only read: what the
 * recognition index keeps its 450,000 keys in.
 *
 * Why not a `Map`: a `Map` grows by doubling, rehashing and reallocating
 * its store about 18 times on the way to 200,000 entries, and hashes each
 * key V8 has not seen before; filling the index's maps was most of its
 * build. This table is sized once from the row count (it still grows if
 * told too few), and keeps each slot's hash beside its entry number in one
 * `Int32Array` (open addressing, linear probing, at most half full), so
 * filing a key is one pass over its characters and a read or two of
 * neighbouring integers.
 *
 * It reads like a `ReadonlyMap`, insertion order included, so the code that
 * looks keys up does not know which it has.
 */
export class StringTable<V> implements ReadonlyMap<string, V> {
  /** Two integers per slot: the key's hash, then its entry number + 1 (0: a free slot). */
  #slots: Int32Array;
  #mask: number;
  /** Entries in insertion order, sized up front (growing a 200,000-entry array by `push` copies it about 18 times). */
  #keys: string[];
  #values: V[];
  #size = 0;

  /** `expected`: how many distinct keys are likely; a guess too low costs a regrowth, never an error. */
  constructor(expected = 0) {
    const entries = Math.max(0, Math.ceil(expected));
    let capacity = 8;
    while (capacity < entries * 2) capacity *= 2;
    this.#slots = new Int32Array(capacity * 2);
    this.#mask = capacity - 1;
    this.#keys = new Array<string>(entries);
    this.#values = new Array<V>(entries);
  }

  get size(): number {
    return this.#size;
  }

  get(key: string): V | undefined {
    const entry = this.#find(key);
    return entry < 0 ? undefined : this.#values[entry];
  }

  has(key: string): boolean {
    return this.#find(key) >= 0;
  }

  /** Files `value` under `key` unless the key is there already; `false` when it was (its value is kept). */
  add(key: string, value: V): boolean {
    const slots = this.#slots;
    const hash = hashOf(key);
    let slot = hash & this.#mask;
    for (;;) {
      const entry = slots[slot * 2 + 1]!;
      if (entry === 0) break;
      if (slots[slot * 2] === hash && this.#keys[entry - 1] === key) return false;
      slot = (slot + 1) & this.#mask;
    }
    const entry = this.#size;
    this.#keys[entry] = key;
    this.#values[entry] = value;
    this.#size = entry + 1;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = entry + 1;
    if (this.#size * 4 > slots.length) this.#grow();
    return true;
  }

  /** Replaces the value of a key already filed (`add` first); does nothing for a key that is not. */
  replace(key: string, value: V): void {
    const entry = this.#find(key);
    if (entry >= 0) this.#values[entry] = value;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (let entry = 0; entry < this.#size; entry += 1) callback.call(thisArg, this.#values[entry]!, this.#keys[entry]!, this);
  }

  keys(): MapIterator<string> {
    return this.#keys.slice(0, this.#size).values();
  }

  values(): MapIterator<V> {
    return this.#values.slice(0, this.#size).values();
  }

  entries(): MapIterator<[string, V]> {
    return this.#keys.slice(0, this.#size).map((key, entry): [string, V] => [key, this.#values[entry]!]).values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  /** The entry number of `key`, or -1. */
  #find(key: string): number {
    const slots = this.#slots;
    const hash = hashOf(key);
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = slots[slot * 2 + 1]!;
      if (entry === 0) return -1;
      if (slots[slot * 2] === hash && this.#keys[entry - 1] === key) return entry - 1;
    }
  }

  /** Twice the slots, every filed key placed again from its kept hash. */
  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 2 - 1;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from + 1] === 0) continue;
      let slot = old[from]! & mask;
      while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = old[from]!;
      slots[slot * 2 + 1] = old[from + 1]!;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}

/**
 * FNV-1a over the key's UTF-16 code units taken two at a time (half the
 * multiplications of one at a time: hashing is a good part of the build),
 * then a final mix so that the last characters, where numbered addresses
 * differ, reach the low bits the slot is chosen by. Every character counts:
 * hashing only part of a key would pile up keys that share it
 * (`support+1@…`, `support+2@…`) into one long probe.
 */
export function hashOf(key: string): number {
  const last = key.length - 1;
  let hash = 0x811c9dc5 ^ key.length;
  let i = 0;
  for (; i < last; i += 2) hash = Math.imul(hash ^ (key.charCodeAt(i) | (key.charCodeAt(i + 1) << 16)), 0x01000193);
  if (i === last) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  // 30 bits: a small integer to V8 on every platform.
  return (hash ^ (hash >>> 13)) & 0x3fffffff;
}
