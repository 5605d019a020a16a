/**
 * How the background hands the dashboard page its data: one record in an
 * IndexedDB table that the extension's pages and its worker share (same
 * origin). Runtime messages carry the small answer; the bulk (tens of
 * megabytes of facts at 20,000 accounts, more than a runtime message takes
 * reliably) waits here as JSON text, which IndexedDB copies far faster than
 * the same data as objects, and the page parses once.
 *
 * A handoff is taken once: reading it deletes it, and writing one clears any
 * other, so the organization's data never piles up here (the local store
 * already keeps the records; this is only a passage).
 */
const DATABASE = 'sidecar-dashboard-handoff';
const TABLE = 'handoffs';

export type HandoffPayload =
  /** A whole `DashboardInput` as JSON (the local store's data). */
  | { kind: 'input'; json: string }
  /** Pages of rows as PostgREST answered them, per table (lib/dashboard-data/workspace-rows.ts). */
  | { kind: 'workspace'; organization: string; now: string; pages: Record<string, string[]> };

export interface Handoff {
  id: string;
  created_at: number;
  payload: HandoffPayload;
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(TABLE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
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

/** Leaves `payload` for the page and answers its id; any earlier handoff is removed. */
export async function putHandoff(payload: HandoffPayload, factory: IDBFactory = indexedDB): Promise<string> {
  const db = await open(factory);
  try {
    const id = crypto.randomUUID();
    const tx = db.transaction(TABLE, 'readwrite');
    const table = tx.objectStore(TABLE);
    table.clear();
    table.put({ id, created_at: Date.now(), payload } satisfies Handoff);
    await done(tx);
    return id;
  } finally {
    db.close();
  }
}

/** Takes the handoff `id` (reading deletes it); `null` when it is gone. */
export async function takeHandoff(id: string, factory: IDBFactory = indexedDB): Promise<Handoff | null> {
  const db = await open(factory);
  try {
    const tx = db.transaction(TABLE, 'readwrite');
    const table = tx.objectStore(TABLE);
    const request = table.get(id);
    table.delete(id);
    await done(tx);
    return (request.result as Handoff | undefined) ?? null;
  } finally {
    db.close();
  }
}

/** Removes any handoff left unread (a dashboard closed mid-load): signing out leaves no organization data here. */
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
