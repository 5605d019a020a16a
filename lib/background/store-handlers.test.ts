import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouterStats, type RouterStats } from '../messaging/router';
import { receivers, type MessageType } from '../messaging/messages';
import { askStore } from '../messaging/ask-store';
import type { SidecarDb } from '../store/db';
import { exportStore } from '../store/export-import';
import { accountInput, domainInput, goalInput, opportunityInput, stakeholderInput } from '../store/testing/inputs';
import { openTestDb } from '../store/testing/test-db';
import { createBackgroundListener } from './message-handlers';
import { countStored, storedById } from '../store/testing/stored';

const EXTENSION = 'chrome-extension://test-extension-id/';
const senders = {
  panel: { id: 'test-extension-id', url: `${EXTENSION}panel.html?host=gmail`, tab: { id: 7 }, frameId: 3 },
  dashboard: { id: 'test-extension-id', url: `${EXTENSION}dashboard.html` },
  gmailContentScript: { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 }, frameId: 0 },
  gmailSubFrame: { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 }, frameId: 4 },
  otherExtension: { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' },
};

let db: SidecarDb;
let stats: RouterStats;
let sender: object;

/**
 * fakeBrowser delivers `sendMessage` with an empty sender; a real browser
 * fills in who sent it. This stands in for the browser: each test says which
 * context is sending.
 */
beforeEach(() => {
  fakeBrowser.reset();
  db = openTestDb();
  stats = createRouterStats();
  sender = senders.panel;
  const listener = createBackgroundListener({ store: () => db, stats });
  fakeBrowser.runtime.onMessage.addListener((message, _ignored, respond) => listener(message, sender as never, respond));
});

async function seedAccount() {
  const account = accountInput();
  await askStore({ type: 'store.put', kind: 'accounts', record: account });
  return account;
}

/** One round trip per data message: sent as a page sends it, answered by the store. */
const roundTrips: Partial<Record<MessageType, () => Promise<void>>> = {
  'store.put': async () => {
    const account = accountInput({ arr: 50000 });
    const answer = await askStore({ type: 'store.put', kind: 'accounts', record: account });
    expect(answer).toMatchObject({ ok: true, value: { id: account.id, name: 'Acme Corp', arr: 50000 } });
    const invalid = await askStore({ type: 'store.put', kind: 'accounts', record: { ...account, arr: 'lots' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ path: 'arr' }] } });
  },
  'store.get': async () => {
    const account = await seedAccount();
    expect(await askStore({ type: 'store.get', kind: 'accounts', id: account.id })).toMatchObject({ ok: true, value: { name: 'Acme Corp' } });
    expect(await askStore({ type: 'store.get', kind: 'accounts', id: crypto.randomUUID() })).toEqual({ ok: true, value: null });
  },
  'store.delete': async () => {
    const account = await seedAccount();
    expect(await askStore({ type: 'store.delete', kind: 'accounts', id: account.id })).toEqual({ ok: true, value: { deleted: true } });
    expect(await countStored(db, 'accounts')).toBe(0);
  },
  'store.recognition-input': async () => {
    const account = await seedAccount();
    await askStore({ type: 'store.put', kind: 'account_domains', record: domainInput(account.id, 'acme.example') });
    await askStore({ type: 'store.put', kind: 'stakeholders', record: stakeholderInput(account.id) });
    await askStore({ type: 'store.put', kind: 'organization_domains', record: { id: crypto.randomUUID(), domain: 'vendor.example' } });
    const answer = await askStore({ type: 'store.recognition-input' });
    expect(answer).toMatchObject({
      ok: true,
      value: {
        accounts: [{ id: account.id, name: 'Acme Corp', aliases: [] }],
        accountDomains: [{ account_id: account.id, domain: 'acme.example' }],
        stakeholders: [{ account_id: account.id, email: 'dana@acme.example', name: 'Dana Reyes' }],
        ownDomains: ['vendor.example'],
      },
    });
  },
  'store.account-detail': async () => {
    const account = await seedAccount();
    await askStore({ type: 'store.put', kind: 'goals', record: goalInput(account.id) });
    const answer = await askStore({ type: 'store.account-detail', account_id: account.id });
    expect(answer).toMatchObject({ ok: true, value: { account: { id: account.id }, goals: [{ statement: 'Cut onboarding time in half' }] } });
  },
  'store.opportunity-facts': async () => {
    const account = await seedAccount();
    const opportunity = opportunityInput(account.id, { source: 'future_need' });
    await askStore({ type: 'store.put', kind: 'opportunities', record: opportunity });
    const answer = await askStore({ type: 'store.opportunity-facts', opportunity_id: opportunity.id });
    expect(answer).toMatchObject({ ok: true, value: { opportunity: { id: opportunity.id, source: 'future_need', declared_stage: 'identify' }, goals: [] } });
  },
  'store.dashboard': async () => {
    const account = await seedAccount();
    await askStore({ type: 'store.put', kind: 'opportunities', record: opportunityInput(account.id) });
    const answer = await askStore({ type: 'store.dashboard' });
    expect(answer).toMatchObject({ ok: true, value: { accounts: [{ id: account.id, open_opportunities: 1 }], opportunities: [{ account_name: 'Acme Corp' }] } });
  },
  'store.export': async () => {
    const account = await seedAccount();
    const answer = await askStore({ type: 'store.export' });
    expect(answer).toMatchObject({ ok: true, value: { format: 'sidecar-export', version: 1, records: { accounts: [{ id: account.id }] } } });
  },
  'store.import': async () => {
    const account = await seedAccount();
    const exported = await exportStore(db);
    db = openTestDb();
    expect(await askStore({ type: 'store.import', document: exported })).toMatchObject({ ok: true, value: { records: { accounts: 1 }, outbox: 1 } });
    expect(await storedById(db, 'accounts', account.id)).toMatchObject({ name: 'Acme Corp' });
    expect(await askStore({ type: 'store.import', document: exported })).toMatchObject({ ok: false, error: { code: 'not-empty' } });
  },
  'identity.get': async () => {
    const first = await askStore({ type: 'identity.get' });
    expect(first).toMatchObject({ ok: true, value: { display_name: null } });
    expect(await askStore({ type: 'identity.get' })).toEqual(first);
  },
  'identity.set-name': async () => {
    expect(await askStore({ type: 'identity.set-name', display_name: ' Sam CSM ' })).toMatchObject({ ok: true, value: { display_name: 'Sam CSM' } });
    expect(await askStore({ type: 'identity.get' })).toMatchObject({ ok: true, value: { display_name: 'Sam CSM' } });
  },
};

const dataMessages = (Object.keys(receivers) as MessageType[]).filter((type) => type.startsWith('store.') || type.startsWith('identity.'));

describe('the data messages, from the panel to the store and back', () => {
  it('has a round trip below for every data message of the protocol', () => {
    expect(dataMessages.filter((type) => !roundTrips[type])).toEqual([]);
  });

  it.each(dataMessages)('%s round-trips', async (type) => {
    await roundTrips[type]!();
    expect(stats.dropped).toEqual({ invalid: 0, 'wrong-receiver': 0, 'wrong-sender': 0, 'handler-failed': 0 });
  });

  it('answers the dashboard too, which is another of Sidecar\'s own pages', async () => {
    sender = senders.dashboard;
    expect(await askStore({ type: 'store.put', kind: 'accounts', record: accountInput() })).toMatchObject({ ok: true });
  });
});

describe('messages the store must not act on', () => {
  const account = accountInput();

  it.each([
    ['an unknown message type', { type: 'store.drop-everything' }],
    ['an unknown record kind', { type: 'store.put', kind: 'secrets', record: account }],
    ['a missing record kind', { type: 'store.put', record: account }],
    ['an extra envelope field', { type: 'store.put', kind: 'accounts', record: account, as_user: 'admin' }],
    ['an id that is not text', { type: 'store.delete', kind: 'accounts', id: 42 }],
    ['not an object', 'store.put'],
  ])('drops %s without effect', async (_label, message) => {
    await expect(fakeBrowser.runtime.sendMessage(message)).resolves.toBeUndefined();
    expect(stats.dropped.invalid).toBe(1);
    await expectEmptyStore();
  });

  it.each([
    ['our content script in the top frame of Gmail', senders.gmailContentScript],
    ['our content script in a sub-frame', senders.gmailSubFrame],
    ['another extension', senders.otherExtension],
    ['a sender the browser did not identify', {}],
  ])('drops a write from %s without effect', async (_label, from) => {
    sender = from;
    await expect(fakeBrowser.runtime.sendMessage({ type: 'store.put', kind: 'accounts', record: account })).resolves.toBeUndefined();
    await expect(fakeBrowser.runtime.sendMessage({ type: 'store.export' })).resolves.toBeUndefined();
    expect(stats.dropped['wrong-sender']).toBe(2);
    await expectEmptyStore();
  });
});

async function expectEmptyStore() {
  const exported = await exportStore(db);
  expect(Object.values(exported.records).flat()).toEqual([]);
  expect(exported.outbox).toEqual([]);
}
