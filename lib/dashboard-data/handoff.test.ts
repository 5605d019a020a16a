import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { HANDOFF_LAYOUT, hasKeptRead, putHandoff, readHandoff, readLastHandoff } from './handoff';

const DATABASE = 'sidecar-dashboard-handoff';

/** Runs `work` on the raw database at `version`, as another version of Sidecar would. */
function raw(factory: IDBFactory, version: number, upgrade: (db: IDBDatabase) => void, work: (table: IDBObjectStore) => void = () => undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE, version);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('handoffs', 'readwrite');
      work(tx.objectStore('handoffs'));
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    };
  });
}

/** How many records the table holds, whatever their layout. */
function count(factory: IDBFactory): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
    request.onsuccess = () => {
      const db = request.result;
      const counted = db.transaction('handoffs', 'readonly').objectStore('handoffs').count();
      counted.onsuccess = () => (db.close(), resolve(counted.result));
    };
  });
}

const OLD_READ = {
  id: 'kept-by-an-older-version',
  created_at: 1,
  payload: { kind: 'workspace', organization: 'o', now: '2026-11-20T10:00:00Z', pages: { account_facts: ['[{"facts":["…ids…"]}]'] } },
  answer: { source: 'workspace' },
};

describe('a read kept by an older version', () => {
  it('of the first table (account_facts_compact pages) counts as none kept, and is gone once looked at', async () => {
    const factory = new IDBFactory();
    await raw(factory, 1, (db) => db.createObjectStore('handoffs', { keyPath: 'id' }), (table) => table.put(OLD_READ));
    expect(await hasKeptRead(factory)).toBe(false);
    expect(await readLastHandoff(factory)).toBeNull();
    expect(await readHandoff(OLD_READ.id, factory)).toBeNull();
    expect(await count(factory)).toBe(0);
  });

  it('of another layout counts as none kept, is deleted when read, and this version keeps and finds its own', async () => {
    const factory = new IDBFactory();
    await putHandoff('current', { kind: 'input', json: '{}' }, null, factory);
    expect(await hasKeptRead(factory)).toBe(true);
    // A later write by a version of another layout, beside this version's read.
    await raw(factory, 2, () => undefined, (table) => (table.clear(), table.put({ ...OLD_READ, layout: HANDOFF_LAYOUT - 1 })));
    expect(await hasKeptRead(factory)).toBe(false);
    expect(await count(factory)).toBe(1);
    expect(await readHandoff(OLD_READ.id, factory)).toBeNull();
    expect(await count(factory)).toBe(0);

    await raw(factory, 2, () => undefined, (table) => table.put({ ...OLD_READ, layout: HANDOFF_LAYOUT + 1 }));
    expect(await readLastHandoff(factory)).toBeNull();
    expect(await count(factory)).toBe(0);

    await putHandoff('again', { kind: 'input', json: '{"a":1}' }, { source: 'solo' }, factory);
    expect(await hasKeptRead(factory)).toBe(true);
    expect(await readLastHandoff(factory)).toMatchObject({ id: 'again', layout: HANDOFF_LAYOUT, answer: { source: 'solo' } });
  });
});
