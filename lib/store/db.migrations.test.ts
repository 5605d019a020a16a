import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../messaging/record-kinds';
import { recordKinds } from '../schemas/record-kinds';
import { OutboxEntry } from '../schemas/outbox';
import { isAccountKind } from './account-buckets';
import { SidecarDb } from './db';
import { exportStore } from './export-import';
import { STORE_LAYOUTS, CURRENT_STORE_VERSION } from './schema-history';
import { V1_META, V1_OUTBOX, V1_RECORDS } from './testing/snapshots/v1';
import { V2_META, V2_OUTBOX, V2_RECORDS, V2_TABLES } from './testing/snapshots/v2';

/**
 * For every layout the store ever had: a database written by that version
 * (its own layout, its own records) is opened by the current code, and
 * every record must still be there and still valid. A new version adds its
 * snapshot here; the `expected` function says what its upgrade changes.
 */
const SNAPSHOTS: Record<number, { tables: Record<string, object[]>; records: Record<string, object[]>; outbox: object[]; meta: object[] }> = {
  1: { tables: V1_RECORDS, records: V1_RECORDS, outbox: V1_OUTBOX, meta: V1_META },
  2: { tables: V2_TABLES, records: V2_RECORDS, outbox: V2_OUTBOX, meta: V2_META },
};

describe('store migrations', () => {
  it('has a snapshot of what every version wrote, covering every record kind it had', () => {
    for (const layout of STORE_LAYOUTS) {
      const snapshot = SNAPSHOTS[layout.version];
      expect(snapshot, `snapshot of v${layout.version}`).toBeDefined();
      const tables = Object.keys(layout.stores).filter((name) => name !== 'outbox' && name !== 'meta' && layout.stores[name] !== null);
      for (const table of tables) expect(snapshot!.tables[table]?.length ?? 0, `${table} in v${layout.version}`).toBeGreaterThan(0);
      for (const kind of RECORD_KINDS) expect(snapshot!.records[kind]?.length ?? 0, `${kind} in v${layout.version}`).toBeGreaterThan(0);
    }
  });

  it.each(STORE_LAYOUTS.map((layout) => layout.version))('opening a v%i database keeps every record', async (version) => {
    const factory = new IDBFactory();
    const layout = STORE_LAYOUTS.find((l) => l.version === version)!;
    const snapshot = SNAPSHOTS[version]!;

    // Written as that version wrote it: its layout only, raw Dexie, no current code.
    const old = new Dexie('sidecar-migration', { indexedDB: factory, IDBKeyRange });
    old.version(layout.version).stores(layout.stores);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(snapshot.tables)) await old.table(table).bulkAdd(rows);
      await old.table('outbox').bulkAdd(snapshot.outbox);
      await old.table('meta').bulkAdd(snapshot.meta);
    });
    old.close();

    const current = new SidecarDb('sidecar-migration', { indexedDB: factory, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(CURRENT_STORE_VERSION);
    const exported = await exportStore(current);
    for (const kind of RECORD_KINDS) {
      const expected = snapshot.records[kind] ?? [];
      expect(exported.records[kind], kind).toEqual(expected);
      for (const record of exported.records[kind]) expect(recordKinds[kind].schema.safeParse(record).success, `${kind} still valid`).toBe(true);
    }
    expect(exported.outbox).toEqual(snapshot.outbox);
    for (const entry of exported.outbox) expect(OutboxEntry.safeParse(entry).success).toBe(true);
    expect(exported.identity).toEqual((snapshot.meta[0] as { value: unknown }).value);
    current.close();
  });

  it('indexes every field the store looks records up by (references and unique fields) in the kinds kept in tables', () => {
    const current = STORE_LAYOUTS.at(-1)!.stores;
    for (const kind of RECORD_KINDS) {
      const layout = current[kind];
      // The account-scoped kinds live in account buckets, looked up through the record index (record-index.ts).
      if (isAccountKind(kind)) {
        expect(layout ?? null, kind).toBeNull();
        continue;
      }
      const indexed = layout!.split(',').map((part) => part.trim());
      const spec = recordKinds[kind];
      for (const field of Object.keys(spec.references)) expect(indexed, `${kind}.${field}`).toContain(field);
      for (const fields of spec.unique) expect(indexed, `${kind}.${fields[0]}`).toContain(fields[0]);
    }
  });
});
