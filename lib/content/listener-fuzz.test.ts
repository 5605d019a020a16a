import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentSenderEnvironment } from '../messaging/environment';
import { coreProtocol } from '../messaging/messages';
import { createMessageListener, createRouterStats, type RouterStats } from '../messaging/router';
import { hostileMessage, validMessage } from '../messaging/testing/message-arbitraries';

/**
 * Message protocol fuzzing at the content script's listener (the one
 * `startContentScript` registers): only the background may toggle the dock.
 * A malformed message, or a well-formed one from anyone else, reaches no
 * handler and gets no answer. `SIDECAR_FUZZ_RUNS` raises the case count.
 */
const RUNS = Number(process.env.SIDECAR_FUZZ_RUNS ?? 1000);

const senders = [
  // Another tab's content script, a host page (no extension id), another extension, a host sub-frame.
  { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/', tab: { id: 8 }, frameId: 0 },
  { url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 }, frameId: 0 },
  { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' },
  { id: 'test-extension-id', url: 'https://calendar.google.com/calendar/r', tab: { id: 7 }, frameId: 2 },
];

let stats: RouterStats;
let dockChanges: number;
let listener: ReturnType<typeof createMessageListener<'content-script'>>['listener'];

beforeEach(() => {
  fakeBrowser.reset();
  stats = createRouterStats();
  dockChanges = 0;
  listener = createMessageListener(
    'content-script',
    { 'dock.toggle': () => ({ open: (dockChanges += 1) > 0 }), 'dock.set-open': ({ open }) => ((dockChanges += 1), { open }) },
    currentSenderEnvironment(),
    stats,
  ).listener;
});

function expectDropped(message: unknown, sender: object) {
  let answered = false;
  expect(listener(message, sender as never, () => (answered = true))).toBe(false);
  expect(answered).toBe(false);
  expect(dockChanges).toBe(0);
}

describe('the content script obeys the background only', () => {
  it('drops malformed and hostile messages from any sender, the background included', () => {
    fc.assert(
      fc.property(hostileMessage, fc.constantFrom(...senders, { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/background.js' }), (message, sender) => {
        fc.pre(!coreProtocol.message.safeParse(message).success);
        expectDropped(message, sender);
      }),
      { numRuns: RUNS },
    );
    expect(stats.dropped.invalid).toBe(RUNS);
  });

  it('refuses well-formed dock commands from anyone but the extension, and ignores messages meant for the background', () => {
    fc.assert(
      fc.property(validMessage(['dock.toggle', 'dock.set-open', 'host.context', 'panel.set-open', 'panel.get-context']), fc.constantFrom(...senders), (message, sender) => {
        expectDropped(message, sender);
      }),
      { numRuns: RUNS },
    );
    expect(stats.dropped['wrong-sender'] + stats.dropped['wrong-receiver']).toBe(RUNS);
    expect(stats.dropped['wrong-sender']).toBeGreaterThan(0);
  });
});
