import { describe, expect, it, vi } from 'vitest';
import { createMessageListener } from './router';
import type { SenderEnvironment } from './sender';

const env: SenderEnvironment = { extensionId: 'sidecar-id', extensionOrigin: 'chrome-extension://sidecar-id/' };

const fromPanel = { id: 'sidecar-id', url: 'chrome-extension://sidecar-id/panel.html?host=gmail', tab: { id: 7 } as never, frameId: 3 };
const fromGmailContentScript = { id: 'sidecar-id', url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } as never, frameId: 0 };
const fromOtherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

/** Calls the listener as the browser would and resolves with the answer (or `undefined` if none). */
function deliver(listener: ReturnType<typeof createMessageListener>['listener'], message: unknown, sender: object) {
  return new Promise<{ answered: boolean; answer: unknown }>((resolve) => {
    const keepsChannelOpen = listener(message, sender as never, (answer) => resolve({ answered: true, answer }));
    if (!keepsChannelOpen) resolve({ answered: false, answer: undefined });
  });
}

describe('the message router', () => {
  it('hands a valid message from an allowed sender to its handler and returns the checked answer', async () => {
    const handler = vi.fn(async ({ open }: { open: boolean }) => ({ open }));
    const { listener, stats } = createMessageListener('background', { 'panel.set-open': handler }, env);
    const result = await deliver(listener, { type: 'panel.set-open', open: false }, fromPanel);
    expect(result).toEqual({ answered: true, answer: { open: false } });
    expect(handler).toHaveBeenCalledOnce();
    expect(stats.handled).toBe(1);
  });

  it.each([
    ['not an object', 'panel.set-open'],
    ['unknown type', { type: 'panel.delete-everything' }],
    ['missing field', { type: 'panel.set-open' }],
    ['wrong field type', { type: 'panel.set-open', open: 'yes' }],
    ['extra field', { type: 'panel.set-open', open: true, tabId: 99 }],
    ['null', null],
  ])('drops a malformed message (%s) without calling any handler', async (_label, message) => {
    const handler = vi.fn();
    const { listener, stats } = createMessageListener('background', { 'panel.set-open': handler }, env);
    const result = await deliver(listener, message, fromPanel);
    expect(result.answered).toBe(false);
    expect(handler).not.toHaveBeenCalled();
    expect(stats.dropped.invalid).toBe(1);
  });

  it('drops a message from a sender the route does not allow', async () => {
    const handler = vi.fn();
    const { listener, stats } = createMessageListener('background', { 'panel.set-open': handler }, env);
    expect((await deliver(listener, { type: 'panel.set-open', open: true }, fromGmailContentScript)).answered).toBe(false);
    expect((await deliver(listener, { type: 'panel.set-open', open: true }, fromOtherExtension)).answered).toBe(false);
    expect(handler).not.toHaveBeenCalled();
    expect(stats.dropped['wrong-sender']).toBe(2);
  });

  it('ignores messages meant for another receiver', async () => {
    const { listener, stats } = createMessageListener('background', { 'panel.set-open': vi.fn() }, env);
    expect((await deliver(listener, { type: 'dock.toggle' }, fromPanel)).answered).toBe(false);
    expect(stats.dropped['wrong-receiver']).toBe(1);
  });

  it('answers nothing, and throws nothing, when the handler fails or answers in the wrong shape', async () => {
    const { listener, stats } = createMessageListener(
      'content-script',
      {
        'dock.toggle': async () => {
          throw new Error('boom');
        },
        'dock.set-open': async () => ({ open: 'sometimes' }) as never,
      },
      env,
    );
    const extensionSender = { id: 'sidecar-id', url: 'chrome-extension://sidecar-id/background.js' };
    expect(await deliver(listener, { type: 'dock.toggle' }, extensionSender)).toEqual({ answered: true, answer: undefined });
    expect(await deliver(listener, { type: 'dock.set-open', open: true }, extensionSender)).toEqual({ answered: true, answer: undefined });
    expect(stats.dropped['handler-failed']).toBe(2);
  });
});
