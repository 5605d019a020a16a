/**
 * Runs inside a plain Chromium page (bundled by bench/sync/layout-experiment.ts):
 * writes the scale organization's shape straight into IndexedDB, without
 * Dexie or validation, in three layouts, to learn what the layout alone costs.
 * Rows go in pages of 5,000 (as the pull's pages), one transaction each.
 */
const KINDS: readonly (readonly [string, number, string[]])[] = [
  ['accounts', 1, []],
  ['account_domains', 2, ['account_id', 'domain']],
  ['stakeholders', 5, ['account_id', 'email']],
  ['opportunities', 2, ['account_id']],
  ['opportunity_stage_changes', 2, ['account_id', 'opportunity_id']],
  ['goals', 2, ['account_id']],
  ['outcomes', 2, ['account_id', 'goal_id']],
  ['use_cases', 2, ['account_id']],
  ['insights', 4, ['account_id', 'opportunity_id']],
  ['meetings', 2, ['account_id', 'opportunity_id']],
  ['communication_steps', 2, ['account_id', 'opportunity_id', 'stakeholder_id']],
  ['business_cases', 2, ['account_id', 'opportunity_id']],
  ['intent_signals', 8, ['account_id', 'opportunity_id']],
  ['close_records', -1, ['account_id', 'opportunity_id']],
] as const;

type Row = Record<string, unknown>;
const STAMP = '2026-11-01T09:00:00.000Z';

function rowOf(kind: string, accountId: string, i: number): Row {
  return {
    id: crypto.randomUUID(),
    organization_id: '0b0e4a6e-0000-4000-8000-0000000000aa',
    account_id: accountId,
    opportunity_id: kind === 'accounts' ? undefined : crypto.randomUUID(),
    name: `${kind} ${i}`,
    domain: `d${i}.example.com`,
    email: null,
    status: 'active',
    summary: 'A short summary of what was said in the meeting.',
    created_by: '0b0e4a6e-0000-4000-8000-000000000001',
    created_at: STAMP,
    updated_at: STAMP,
  };
}

/** The organization, account by account: ~35 rows each (close records on every other account). */
function accountRows(index: number): { kind: string; row: Row }[] {
  const accountId = crypto.randomUUID();
  const rows: { kind: string; row: Row }[] = [];
  for (const [kind, count] of KINDS) {
    const n = count === -1 ? index % 2 : count;
    for (let k = 0; k < n; k += 1) rows.push({ kind, row: { ...rowOf(kind, accountId, index * 40 + k), id: kind === 'accounts' ? accountId : crypto.randomUUID() } });
  }
  return rows;
}

function open(name: string, upgrade: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = () => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => upgrade(request.result);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    };
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/**
 * per-row: one record per row, a store per kind with the v1 layout's indexes
 * (-no-index: none; -few-indexes: account_id, email, domain only; -add: `add`
 * instead of `put`). per-account: one record per account holding all its
 * rows (-json: as one JSON string; -columns: field names once per kind and
 * the ids the account implies left out; -ids: with multiEntry indexes of the
 * rows' ids and the domains). per-account-kind: one record per account and
 * kind. per-page: one record per page of rows (~5,000 rows, well over the
 * 64 KB from which Blink wraps a value in a blob stored beside LevelDB);
 * -json: the page as one JSON string. generate-only: makes the rows and
 * writes nothing (the baseline).
 */
export type LayoutMode =
  | 'per-row'
  | 'per-row-no-index'
  | 'per-row-few-indexes'
  | 'per-row-add'
  | 'per-account'
  | 'per-account-json'
  | 'per-account-columns'
  | 'per-account-ids'
  | 'per-account-kind'
  | 'per-page'
  | 'per-page-json'
  | 'generate-only';

async function run(mode: LayoutMode, accounts: number): Promise<{ ms: number; rows: number; records: number; readMs?: number; rewriteMs?: number }> {
  const names = KINDS.map(([kind]) => kind);
  const db = await open(`layout-${mode}`, (db) => {
    if (mode === 'per-row' || mode === 'per-row-no-index' || mode === 'per-row-add' || mode === 'per-row-few-indexes') {
      for (const [kind, , indexes] of KINDS) {
        const store = db.createObjectStore(kind, { keyPath: 'id' });
        if (mode === 'per-row' || mode === 'per-row-add') for (const index of indexes) store.createIndex(index, index);
        if (mode === 'per-row-few-indexes') for (const index of indexes.filter((name) => ['account_id', 'email', 'domain'].includes(name))) store.createIndex(index, index);
      }
    } else if (mode === 'per-account' || mode === 'generate-only' || mode === 'per-account-json' || mode === 'per-account-columns' || mode === 'per-page' || mode === 'per-page-json') {
      db.createObjectStore('bundles', { keyPath: 'id' });
    } else if (mode === 'per-account-ids') {
      const store = db.createObjectStore('bundles', { keyPath: 'id' });
      store.createIndex('ids', 'ids', { multiEntry: true });
      store.createIndex('domains', 'domains', { multiEntry: true });
    } else {
      db.createObjectStore('bundles'); // key [account_id, kind]
    }
  });
  const perPage = Math.round(5000 / 35);
  let rows = 0;
  let records = 0;
  const start = performance.now();
  for (let first = 0; first < accounts; first += perPage) {
    const page: { kind: string; row: Row }[][] = [];
    for (let a = first; a < Math.min(accounts, first + perPage); a += 1) page.push(accountRows(a));
    const storeNames = mode.startsWith('per-row') ? names : ['bundles'];
    const tx = db.transaction(storeNames, 'readwrite');
    if (mode === 'per-page' || mode === 'per-page-json') {
      const all = page.flat().map(({ kind, row }) => ({ ...row, kind }));
      rows += all.length;
      tx.objectStore('bundles').put(mode === 'per-page' ? { id: first, rows: all } : { id: first, json: JSON.stringify(all) });
      records += 1;
      await done(tx);
      continue;
    }
    for (const account of page) {
      rows += account.length;
      if (mode === 'per-row' || mode === 'per-row-no-index' || mode === 'per-row-few-indexes') {
        for (const { kind, row } of account) tx.objectStore(kind).put(row);
        records += account.length;
      } else if (mode === 'per-row-add') {
        for (const { kind, row } of account) tx.objectStore(kind).add(row);
        records += account.length;
      } else if (mode === 'generate-only') {
        records += 0;
      } else if (mode === 'per-account-columns') {
        // Field names once per kind, and the ids the bundle implies left out.
        const bundle: Record<string, unknown> = { id: account[0]!.row.id };
        for (const { kind, row } of account) {
          const { organization_id: _o, account_id: _a, ...rest } = row;
          let table = bundle[kind] as { columns: string[]; rows: unknown[][] } | undefined;
          if (!table) bundle[kind] = table = { columns: Object.keys(rest), rows: [] };
          table.rows.push(table.columns.map((c) => rest[c]));
        }
        tx.objectStore('bundles').put(bundle);
        records += 1;
      } else if (mode === 'per-account-json') {
        const bundle: Record<string, Row[]> = {};
        for (const { kind, row } of account) (bundle[kind] ??= []).push(row);
        tx.objectStore('bundles').put({ id: account[0]!.row.id, json: JSON.stringify(bundle) });
        records += 1;
      } else if (mode === 'per-account' || mode === 'per-account-ids') {
        const bundle: Record<string, unknown> = { id: account[0]!.row.id };
        for (const { kind, row } of account) ((bundle[kind] as Row[] | undefined) ?? (bundle[kind] = [] as Row[]) as Row[]).push(row);
        if (mode === 'per-account-ids') {
          bundle.ids = account.map(({ row }) => row.id);
          bundle.domains = account.filter(({ kind }) => kind === 'account_domains').map(({ row }) => row.domain);
        }
        tx.objectStore('bundles').put(bundle);
        records += 1;
      } else {
        const byKind = new Map<string, Row[]>();
        for (const { kind, row } of account) byKind.set(kind, [...(byKind.get(kind) ?? []), row]);
        for (const [kind, list] of byKind) tx.objectStore('bundles').put(list, [account[0]!.row.id as string, kind]);
        records += byKind.size;
      }
    }
    await done(tx);
  }
  const ms = performance.now() - start;
  const access = mode === 'per-page' || mode === 'per-page-json' ? await timeOneRecord(db, mode) : undefined;
  db.close();
  return { ms, rows, records, ...access };
}

/**
 * What one large record costs to use once written: read one page record
 * back (as a panel opening one account of it would), and read, change and
 * rewrite it in one transaction (as a write to one of its rows would).
 * Medians of 9, each on another record.
 */
async function timeOneRecord(db: IDBDatabase, mode: LayoutMode): Promise<{ readMs: number; rewriteMs: number }> {
  const ids: number[] = [];
  const all = await new Promise<IDBValidKey[]>((resolve, reject) => {
    const request = db.transaction('bundles').objectStore('bundles').getAllKeys();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  for (let i = 0; i < 9; i += 1) ids.push(all[Math.floor((i * all.length) / 9)] as number);
  const get = (tx: IDBTransaction, id: number) =>
    new Promise<{ id: number; rows?: Row[]; json?: string }>((resolve, reject) => {
      const request = tx.objectStore('bundles').get(id);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const reads: number[] = [];
  const rewrites: number[] = [];
  for (const id of ids) {
    let start = performance.now();
    const value = await get(db.transaction('bundles'), id);
    const rowsRead = mode === 'per-page' ? value.rows! : (JSON.parse(value.json!) as Row[]);
    reads.push(performance.now() - start);
    start = performance.now();
    const tx = db.transaction('bundles', 'readwrite');
    const current = await get(tx, id);
    const list = mode === 'per-page' ? current.rows! : (JSON.parse(current.json!) as Row[]);
    list[0] = { ...list[0], summary: `changed ${rowsRead.length}` };
    tx.objectStore('bundles').put(mode === 'per-page' ? { id, rows: list } : { id, json: JSON.stringify(list) });
    await done(tx);
    rewrites.push(performance.now() - start);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { readMs: median(reads), rewriteMs: median(rewrites) };
}

(globalThis as Record<string, unknown>).layoutExperiment = { run };
