import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askAdmin } from '../admin/ask-admin';
import { createRouterStats, type RouterStats } from '../messaging/router';
import { openTestDb } from '../store/testing/test-db';
import { createBackgroundListener } from './message-handlers';

const pages = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/admin.html' };
const gmailContentScript = { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 }, frameId: 0 };

let stats: RouterStats;
let sender: object;

beforeEach(() => {
  fakeBrowser.reset();
  const db = openTestDb();
  stats = createRouterStats();
  sender = pages;
  const listener = createBackgroundListener({ store: () => db, stats, afterWrite: () => undefined });
  fakeBrowser.runtime.onMessage.addListener((message, _ignored, respond) => listener(message, sender as never, respond));
});

describe('admin messages', () => {
  it('tell the admin page what to do first when no workspace is set up', async () => {
    expect(await askAdmin({ type: 'admin.overview' })).toEqual({
      ok: false,
      error: { code: 'not-signed-in', message: 'Set up the team workspace first, on Sidecar’s options page.', field: null, server_code: null },
    });
  });

  it('are never answered for a content script, whatever it sends', async () => {
    sender = gmailContentScript;
    const answer = await askAdmin({ type: 'admin.set-role', member_id: '00000000-0000-4000-8000-000000000001', role: 'admin' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(stats.dropped['wrong-sender']).toBe(1);
    expect(stats.handled).toBe(0);
  });

  it('drop a message with a field the protocol does not know', async () => {
    const answer = await askAdmin({ type: 'admin.overview', organization_id: 'someone-else' } as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(stats.dropped.invalid).toBe(1);
  });
});
