import type { Handler } from '../messaging/router';
import type { StoreResult } from '../messaging/store-messages';
import type { SidecarDb } from '../store/db';
import { exportStore, importStore } from '../store/export-import';
import { ensureIdentity, setDisplayName } from '../store/identity';
import { readAccountDetail, readDashboardLists, readOpportunityFacts, readRecognitionInput } from '../store/reads';
import { deleteRecord, getRecord, putRecord } from '../store/records';
import { announceStoreChange } from './store-version';

type StoreMessageType =
  | 'store.put'
  | 'store.delete'
  | 'store.get'
  | 'store.recognition-input'
  | 'store.account-detail'
  | 'store.opportunity-facts'
  | 'store.dashboard'
  | 'store.export'
  | 'store.import'
  | 'identity.get'
  | 'identity.set-name';

/**
 * The background's answers to the data messages. The router has already
 * checked the envelope and that the sender is one of Sidecar's own pages;
 * each record is validated here by the store with the full schemas, and a
 * record that does not fit gets a typed error, not silence.
 *
 * `store` opens the database on first use after each wake: nothing here is
 * kept in memory between messages.
 */
export function storeHandlers(store: () => SidecarDb, afterWrite: () => void = () => undefined): { [T in StoreMessageType]: Handler<T> } {
  /** A successful write tells open panels to read again (see store-version.ts) and lets the sync know. */
  const announcing = async <T,>(write: Promise<StoreResult<T>>): Promise<StoreResult<T>> => {
    const result = await write;
    if (result.ok) {
      await announceStoreChange();
      afterWrite();
    }
    return result;
  };
  return {
    'store.put': ({ kind, record }) => announcing(putRecord(store(), kind, record)),
    'store.delete': ({ kind, id }) => announcing(deleteRecord(store(), kind, id)),
    'store.get': async ({ kind, id }) => ok(await getRecord(store(), kind, id)),
    'store.recognition-input': async () => ok(await readRecognitionInput(store())),
    'store.account-detail': async ({ account_id }) => ok(await readAccountDetail(store(), account_id)),
    'store.opportunity-facts': async ({ opportunity_id }) => ok(await readOpportunityFacts(store(), opportunity_id)),
    'store.dashboard': async () => ok(await readDashboardLists(store())),
    'store.export': async () => ok(await exportStore(store())),
    'store.import': ({ document }) => announcing(importStore(store(), document)),
    'identity.get': async () => {
      const db = store();
      return ok(await db.transaction('rw', db.meta, () => ensureIdentity(db)));
    },
    // A blank name clears it.
    'identity.set-name': async ({ display_name }) => ok(await setDisplayName(store(), display_name)),
  };
}

function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}
