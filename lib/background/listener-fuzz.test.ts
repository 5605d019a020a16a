import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fullProtocol } from '../messaging/full-protocol';
import { receivers, type MessageType } from '../messaging/messages';
import { createMessageListener, createRouterStats, type Handler, type Handlers, type RouterStats } from '../messaging/router';
import { currentSenderEnvironment } from '../messaging/environment';
import { hostileMessage, MESSAGE_TYPES, validMessage } from '../messaging/testing/message-arbitraries';
import type { SidecarDb } from '../store/db';
import { accountInput, domainInput, stakeholderInput } from '../store/testing/inputs';
import { openTestDb } from '../store/testing/test-db';
import { backgroundHandlers } from './message-handlers';

/**
 * Message protocol fuzzing at the background: the real handler tables over a
 * fake-indexeddb store, behind the router with the full protocol. Whatever a
 * content script or a host page sends that is malformed, or well-formed but
 * not theirs to send, is dropped: no handler runs, no answer, nothing in the
 * store or in extension storage changes, and the drop is counted.
 *
 * Case counts: FUZZ_RUNS (default below) per property; `SIDECAR_FUZZ_RUNS`
 * raises them for a longer local run.
 */
const RUNS = Number(process.env.SIDECAR_FUZZ_RUNS ?? 1500);

const EXTENSION = 'chrome-extension://test-extension-id/';
const senders = {
  gmailContentScript: { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 }, frameId: 0 },
  outlookContentScript: { id: 'test-extension-id', url: 'https://outlook.office.com/mail/', tab: { id: 8 }, frameId: 0 },
  // A host page's own script has no extension id; if it reached runtime messaging at all, it would look like these.
  hostPageNoId: { url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 }, frameId: 0 },
  hostPageOtherExtension: { id: 'someone-else', url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 }, frameId: 0 },
  hostSubFrame: { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 }, frameId: 5 },
  unsupportedSite: { id: 'test-extension-id', url: 'https://evil.example/', tab: { id: 9 }, frameId: 0 },
  spoofedExtensionUrl: { url: `${EXTENSION}panel.html`, tab: { id: 7 }, frameId: 3 },
};
type SenderName = keyof typeof senders;
const contentScripts: SenderName[] = ['gmailContentScript', 'outlookContentScript'];
const pageScripts: SenderName[] = ['hostPageNoId', 'hostPageOtherExtension', 'hostSubFrame', 'unsupportedSite', 'spoofedExtensionUrl'];

let db: SidecarDb;
let stats: RouterStats;
let handlerCalls: number;
let listener: ReturnType<typeof createMessageListener<'background'>>['listener'];

/** Everything the background could change: every store table, both storage areas, messages sent to tabs. */
async function dump() {
  const tables = Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
  return { tables, local: await fakeBrowser.storage.local.get(null), session: await fakeBrowser.storage.session.get(null) };
}

let tabMessages = 0;

beforeAll(() => {
  // Pre-polluting checks below read this; make sure no earlier test left it behind.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

beforeEach(async () => {
  fakeBrowser.reset();
  db = openTestDb();
  stats = createRouterStats();
  handlerCalls = 0;
  tabMessages = 0;
  fakeBrowser.tabs.sendMessage = (async () => {
    tabMessages += 1;
    return { open: true };
  }) as never;
  const real = backgroundHandlers({ store: () => db, afterWrite: () => undefined }) as unknown as Record<string, Handler<MessageType>>;
  const counted = Object.fromEntries(
    Object.entries(real).map(([type, handler]) => [type, (message: never, sender: never) => ((handlerCalls += 1), handler(message, sender))]),
  ) as unknown as Handlers<'background'>;
  listener = createMessageListener('background', counted, currentSenderEnvironment(), stats, fullProtocol).listener;
  // Something to lose: an account with a domain and a stakeholder, written by the real handlers as the panel would.
  const account = accountInput();
  const panel = { id: 'test-extension-id', url: `${EXTENSION}panel.html?host=gmail`, tab: { id: 7 }, frameId: 3 };
  for (const [kind, record] of [
    ['accounts', account],
    ['account_domains', domainInput(account.id, 'acme.example')],
    ['stakeholders', stakeholderInput(account.id)],
  ] as const) {
    await new Promise((resolve) => listener({ type: 'store.put', kind, record }, panel as never, resolve));
  }
  await fakeBrowser.storage.session.set({ 'tab-context:7': { marker: 'kept' } });
  handlerCalls = 0;
  stats.handled = 0;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Delivers one message and checks, synchronously, that the router refused it. */
function deliverExpectingDrop(message: unknown, sender: SenderName) {
  const before = { ...stats.dropped };
  let answered = false;
  const kept = listener(message, senders[sender] as never, () => (answered = true));
  expect(kept).toBe(false);
  expect(answered).toBe(false);
  expect(handlerCalls).toBe(0);
  const droppedNow = Object.values(stats.dropped).reduce((a, b) => a + b, 0) - Object.values(before).reduce((a, b) => a + b, 0);
  expect(droppedNow).toBe(1);
  return (Object.keys(stats.dropped) as (keyof RouterStats['dropped'])[]).find((reason) => stats.dropped[reason] !== before[reason]);
}

async function expectNoEffect(before: Awaited<ReturnType<typeof dump>>) {
  await settle();
  expect(await dump()).toEqual(before);
  expect(tabMessages).toBe(0);
  expect(stats.handled).toBe(0);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
}

describe('the background drops what a content script or a host page must not send', () => {
  it('drops malformed and hostile messages from content scripts and page scripts as invalid, with no effect', async () => {
    const before = await dump();
    let cases = 0;
    fc.assert(
      fc.property(hostileMessage, fc.constantFrom(...contentScripts, ...pageScripts), (message, sender) => {
        // The one message a content script may send is a well-formed host.context; a mutation can land on one.
        const valid = fullProtocol.message.safeParse(message);
        fc.pre(!(valid.success && valid.data.type === 'host.context' && contentScripts.includes(sender)));
        cases += 1;
        const reason = deliverExpectingDrop(message, sender);
        expect(reason).toBe(valid.success ? (receivers[valid.data.type] === 'background' ? 'wrong-sender' : 'wrong-receiver') : 'invalid');
      }),
      { numRuns: RUNS },
    );
    await expectNoEffect(before);
    expect(stats.dropped.invalid).toBeGreaterThan(RUNS * 0.8);
    console.info(`[fuzz] background, hostile messages: ${cases} cases, ${stats.dropped.invalid} dropped as invalid`);
  });

  it('refuses every well-formed message but host.context from a content script, by the route table', async () => {
    const before = await dump();
    const notTheirs = MESSAGE_TYPES.filter((type) => type !== 'host.context');
    fc.assert(
      fc.property(validMessage(notTheirs), fc.constantFrom(...contentScripts), (message, sender) => {
        expect(fullProtocol.message.safeParse(message).success).toBe(true);
        const reason = deliverExpectingDrop(message, sender);
        expect(reason).toBe(receivers[message.type as MessageType] === 'background' ? 'wrong-sender' : 'wrong-receiver');
      }),
      { numRuns: RUNS },
    );
    await expectNoEffect(before);
  });

  it('refuses every well-formed message from a host page script, another extension, a sub-frame or another site', async () => {
    const before = await dump();
    fc.assert(
      fc.property(validMessage(), fc.constantFrom(...pageScripts), (message, sender) => {
        expect(fullProtocol.message.safeParse(message).success).toBe(true);
        const reason = deliverExpectingDrop(message, sender);
        expect(reason).toBe(receivers[message.type as MessageType] === 'background' ? 'wrong-sender' : 'wrong-receiver');
      }),
      { numRuns: RUNS },
    );
    await expectNoEffect(before);
    expect(stats.dropped['wrong-sender'] + stats.dropped['wrong-receiver']).toBe(RUNS);
  });

  it('drops malformed messages even from Sidecar’s own pages, before any handler', async () => {
    const before = await dump();
    const panel = { id: 'test-extension-id', url: `${EXTENSION}panel.html?host=gmail`, tab: { id: 7 }, frameId: 3 };
    fc.assert(
      fc.property(hostileMessage, (message) => {
        fc.pre(!fullProtocol.message.safeParse(message).success);
        let answered = false;
        expect(listener(message, panel as never, () => (answered = true))).toBe(false);
        expect(answered).toBe(false);
        expect(handlerCalls).toBe(0);
      }),
      { numRuns: RUNS },
    );
    await expectNoEffect(before);
  });
});
