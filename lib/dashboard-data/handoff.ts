/**
 * The dashboard's last read, kept in an IndexedDB table that the extension's
 * pages and its worker share (same origin): one record, the read's text as
 * the workspace sent it (IndexedDB copies text far faster than the same data
 * as objects) and the answer that came with it. Whoever read the pages
 * writes it once the page has painted that read, so it is never on the
 * first paint's path: the background when it sent them over the stream
 * (lib/background/dashboard-stream.ts), the page when it read them itself
 * through the worker (stream-client.ts, direct-read.ts).
 *
 * It stays until the next read replaces it (writing one clears any other, so
 * one organization's data at most is kept here) or sign-out clears it. A
 * later open paints from it at once, validated again like fresh data and
 * labelled with its age, while the background reads the workspace again
 * (stale-while-revalidate).
 *
 * A read kept by an older version of Sidecar holds pages of a layout this
 * one no longer reads (the facts of `account_facts_compact`, before
 * `dashboard_account_facts`): each record says its layout, and one of
 * another layout counts as no kept read at all (it is deleted; the page
 * reads the workspace as on a first open, and shows no error).
 */
const DATABASE = 'sidecar-dashboard-handoff';
/** 2: the records carry their layout (an index on it); the version 1 table held `account_facts_compact` pages. */
const DATABASE_VERSION = 2;
const TABLE = 'handoffs';
const BY_LAYOUT = 'layout';

/**
 * The layout of the pages this version keeps and reads. Change it whenever
 * the kept text would no longer decode as it did (a relation or its form
 * changes): 1 was `account_facts_compact` (never written in a record);
 * 2 is `dashboard_account_facts`, without evidence ids.
 */
export const HANDOFF_LAYOUT = 2;

export type HandoffPayload =
  /** A whole `DashboardInput` as JSON (the local store's data). */
  | { kind: 'input'; json: string }
  /** Pages of rows as PostgREST answered them, per table (lib/dashboard-data/workspace-rows.ts). */
  | { kind: 'workspace'; organization: string; now: string; pages: Record<string, string[]> };

export interface Handoff {
  id: string;
  /** `HANDOFF_LAYOUT` of the version that kept it. */
  layout: number;
  created_at: number;
  payload: HandoffPayload;
  /**
   * The background's answer that came with this data, without the handoff id:
   * a later open shows whose figures they are before the new answer arrives.
   * Unchecked here; the page validates it (`DashboardLoaded`).
   */
  answer?: unknown;
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE, DATABASE_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      // A table of an older version holds only reads of older layouts: nothing in it can be shown.
      if (db.objectStoreNames.contains(TABLE)) db.deleteObjectStore(TABLE);
      db.createObjectStore(TABLE, { keyPath: 'id' }).createIndex(BY_LAYOUT, 'layout');
    };
    request.onsuccess = () => {
      // Another page or the worker opening a newer version must not wait on this one.
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error ?? new Error('Could not open the dashboard handoff'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('Dashboard handoff failed'));
    tx.onabort = () => reject(tx.error ?? new Error('Dashboard handoff aborted'));
  });
}

/** Leaves `payload` (and the answer that goes with it) for the page under `id`; any earlier handoff is removed. */
export async function putHandoff(id: string, payload: HandoffPayload, answer: unknown, factory: IDBFactory = indexedDB): Promise<void> {
  const db = await open(factory);
  try {
    const tx = db.transaction(TABLE, 'readwrite');
    const table = tx.objectStore(TABLE);
    table.clear();
    table.put({ id, layout: HANDOFF_LAYOUT, created_at: Date.now(), payload, answer } satisfies Handoff);
    await done(tx);
  } finally {
    db.close();
  }
}

/** The handoff `id`; `null` when a newer read or sign-out replaced it (or an older version kept it). */
export async function readHandoff(id: string, factory: IDBFactory = indexedDB): Promise<Handoff | null> {
  return readOne((table) => table.get(id), factory);
}

/** The last read kept (there is one at most); `null` before the first read, after sign-out, or when an older version kept it. */
export async function readLastHandoff(factory: IDBFactory = indexedDB): Promise<Handoff | null> {
  return readOne((table) => table.index(BY_LAYOUT).getAll(HANDOFF_LAYOUT, 1), factory);
}

async function readOne(ask: (table: IDBObjectStore) => IDBRequest, factory: IDBFactory): Promise<Handoff | null> {
  const db = await open(factory);
  try {
    // Read and write: a read of another layout found on the way is deleted.
    const tx = db.transaction(TABLE, 'readwrite');
    const table = tx.objectStore(TABLE);
    dropOtherLayouts(table);
    const request = ask(table);
    await done(tx);
    const result = request.result as Handoff | Handoff[] | undefined;
    const found = (Array.isArray(result) ? result[0] : result) ?? null;
    return found?.layout === HANDOFF_LAYOUT ? found : null;
  } finally {
    db.close();
  }
}

/** Deletes every record kept in another layout, by key: their pages are never read. */
function dropOtherLayouts(table: IDBObjectStore): void {
  const cursor = table.index(BY_LAYOUT).openKeyCursor();
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) return;
    if (at.key !== HANDOFF_LAYOUT) table.delete(at.primaryKey);
    at.continue();
  };
}

/** Whether a read this version can show is kept, without reading it: the page asks for a new read at once when none is. */
export async function hasKeptRead(factory: IDBFactory = indexedDB): Promise<boolean> {
  const db = await open(factory);
  try {
    const tx = db.transaction(TABLE, 'readonly');
    const request = tx.objectStore(TABLE).index(BY_LAYOUT).count(HANDOFF_LAYOUT);
    await done(tx);
    return request.result > 0;
  } finally {
    db.close();
  }
}

/** Removes the kept data: signing out leaves no organization data here. */
export async function clearHandoffs(factory: IDBFactory = indexedDB): Promise<void> {
  const db = await open(factory);
  try {
    const tx = db.transaction(TABLE, 'readwrite');
    tx.objectStore(TABLE).clear();
    await done(tx);
  } finally {
    db.close();
  }
}
