import '../forms/testing/setup';
import { act, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundListener } from '@/lib/background/message-handlers';
import { createRouterStats, type RouterStats } from '@/lib/messaging/router';
import { hostileMessage, validMessage } from '@/lib/messaging/testing/message-arbitraries';
import { openTestDb } from '@/lib/store/testing/test-db';
import { PanelShell } from './PanelShell';

/**
 * The panel frame has no window-message listener: the host page can
 * `postMessage` at the frame, but nothing it posts (hostile shapes, or the
 * protocol's own messages) makes the panel ask the background anything or
 * change what it shows. `SIDECAR_FUZZ_RUNS` raises the case count.
 */
const RUNS = Math.ceil(Number(process.env.SIDECAR_FUZZ_RUNS ?? 1000) / 5);

const panelSender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/panel.html?host=gmail', tab: { id: 7 }, frameId: 3 };
let stats: RouterStats;
let requests: number;

beforeEach(() => {
  fakeBrowser.reset();
  const db = openTestDb();
  stats = createRouterStats();
  requests = 0;
  const listener = createBackgroundListener({ store: () => db, stats, afterWrite: () => undefined });
  fakeBrowser.runtime.onMessage.addListener((message, _ignored, respond) => {
    requests += 1;
    return listener(message, panelSender as never, respond);
  });
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('the panel frame and the host page’s window messages', () => {
  it('ignores everything the host page posts at it', async () => {
    const { container } = render(<PanelShell host="gmail" />);
    // Settled: the tab's context and the sync status have been asked for and shown.
    await screen.findByTestId('idle');
    await screen.findByText('Solo mode');
    await settle();
    const shown = container.innerHTML;
    const asked = requests;

    const samples = fc.sample(fc.oneof(hostileMessage, validMessage()), RUNS);
    for (const data of samples) {
      window.dispatchEvent(new MessageEvent('message', { data, origin: 'https://mail.google.com' }));
    }
    await settle();

    expect(requests).toBe(asked);
    expect(stats.handled).toBe(asked);
    expect(container.innerHTML).toBe(shown);
    console.info(`[fuzz] panel frame, window messages: ${samples.length} cases`);
  });
});
