import type { Browser } from 'wxt/browser';
import { getRecord } from '../store/records';
import type { HostId } from '../hosts/supported-hosts';
import { hostIdForUrl } from '../hosts/supported-hosts';
import type { Handler } from '../messaging/router';
import type { TabContext } from '../messaging/messages';
import type { StoreResult } from '../messaging/store-messages';
import { searchAccounts, type AccountMatch } from '../panel/account-search';
import { applyManualChoice, recognise, type RankedCandidate, type UnknownDomain } from '../recognition';
import type { ManualChoice } from '../recognition/manual-choice';
import type { SidecarDb } from '../store/db';
import { storeError } from '../store/issues';
import { forgetManualChoice, readManualChoice, writeManualChoice } from '../store/manual-choices';
import { currentRecognition } from './recognition-memo';
import { announceStoreChange } from './store-version';
import { readTabContext } from './tab-contexts';

export type { AccountMatch };

/** What a manual choice is remembered for: one thread or event, or one unreadable view by its address. */
export interface ChoiceItem {
  host: HostId;
  item_kind: ManualChoice['item_kind'];
  item_id: string;
}

/** The panel's answer to "which account is the page beside me about?". */
export interface PanelRecognition {
  /** `null` when the view has nothing stable to remember a choice for (a draft, nothing open). */
  item: ChoiceItem | null;
  /** Best first; a remembered choice comes first with `chosen: true`. */
  candidates: RankedCandidate[];
  unknownDomains: UnknownDomain[];
  /** The `readAt` of the context recognised, so the panel can ignore an answer about an older read. */
  readAt: number | null;
}

type PanelType = 'panel.recognise' | 'panel.choose-account' | 'panel.search-accounts';

/**
 * The panel's recognition messages. Each takes the tab from the sender,
 * the browser-reported panel frame inside it, and reads that tab's context
 * from `storage.session`, which only the background writes.
 */
export function panelRecognitionHandlers(store: () => SidecarDb, now: () => Date = () => new Date()): { [T in PanelType]: Handler<T> } {
  return {
    'panel.recognise': async (_message, sender) => {
      const entry = await readTabContext(requireTab(sender));
      return ok(await recogniseFor(store(), entry, tabUrl(sender)));
    },

    'panel.choose-account': async ({ account_id }, sender) => {
      const db = store();
      const item = choiceItem(await readTabContext(requireTab(sender)), tabUrl(sender));
      if (!item) return storeError('invalid', 'Nothing is open beside the panel to choose an account for.');
      if (account_id === null) {
        await forgetManualChoice(db, item.host, item.item_id);
        await announceStoreChange();
        return ok({ choice: null });
      }
      if (!(await getRecord(db, 'accounts', account_id))) {
        return storeError('missing-reference', 'That account does not exist.', [{ path: 'account_id', message: `no accounts record ${account_id}` }]);
      }
      const choice = await writeManualChoice(db, { ...item, account_id, chosen_at: now().toISOString() });
      await announceStoreChange();
      return ok({ choice });
    },

    'panel.search-accounts': async ({ query }) => {
      const { input } = await currentRecognition(store());
      return ok({ accounts: searchAccounts(input, query) });
    },
  };
}

async function recogniseFor(db: SidecarDb, entry: TabContext | null, url: string | undefined): Promise<PanelRecognition> {
  const item = choiceItem(entry, url);
  const readAt = entry?.readAt ?? null;
  const context = entry?.result.ok && entry.result.context.view !== 'none' ? entry.result.context : undefined;
  if (!context && !item) return { item, candidates: [], unknownDomains: [], readAt };
  const { index } = await currentRecognition(db);
  const result = context ? recognise(index, context) : { candidates: [], unknownDomains: [] };
  const choice = item ? await readManualChoice(db, item.host, item.item_id) : null;
  const candidates = applyManualChoice(result.candidates, choice ?? undefined, {
    accountExists: (id) => index.accounts.has(id),
    accountName: (id) => index.accounts.get(id)?.name,
  });
  return { item, candidates, unknownDomains: result.unknownDomains, readAt };
}

/**
 * The item a choice is kept for. A read thread or event is its host's id.
 * A view Sidecar cannot read has no id, so its address stands in: the
 * CSM's choice then holds for that page (mail hosts put the thread in the
 * address).
 */
export function choiceItem(entry: TabContext | null, url: string | undefined): ChoiceItem | null {
  if (!entry) return null;
  const result = entry.result;
  if (result.ok) {
    const { context } = result;
    if (context.view === 'none' || !context.id) return null;
    return { host: context.host, item_kind: context.view === 'event' ? 'event' : 'thread', item_id: context.id };
  }
  const host = result.failure.host;
  if (!url || hostIdForUrl(url) !== host) return null;
  return { host, item_kind: host === 'google-calendar' ? 'event' : 'thread', item_id: `url:${url}` };
}

function tabUrl(sender: Browser.runtime.MessageSender): string | undefined {
  return sender.tab?.url;
}

function requireTab(sender: Browser.runtime.MessageSender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('this message must come from inside a tab');
  return tabId;
}

function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}
