import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DOCK_OPEN_KEY, readDockOpen, writeDockOpen } from './dock-state';

describe('the remembered open state of the dock', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts open on every host, so a new user sees the panel once', async () => {
    expect(await readDockOpen('gmail')).toBe(true);
    expect(await readDockOpen('google-calendar')).toBe(true);
  });

  it('remembers each host on its own', async () => {
    await writeDockOpen('gmail', false);
    expect(await readDockOpen('gmail')).toBe(false);
    expect(await readDockOpen('outlook')).toBe(true);
    await writeDockOpen('outlook', false);
    await writeDockOpen('gmail', true);
    expect(await readDockOpen('gmail')).toBe(true);
    expect(await readDockOpen('outlook')).toBe(false);
  });

  it('treats an unreadable stored value as nothing remembered, and recovers on the next write', async () => {
    await fakeBrowser.storage.local.set({ [DOCK_OPEN_KEY]: { gmail: 'closed', intruder: true } });
    expect(await readDockOpen('gmail')).toBe(true);
    await writeDockOpen('gmail', false);
    expect(await fakeBrowser.storage.local.get(DOCK_OPEN_KEY)).toEqual({ [DOCK_OPEN_KEY]: { gmail: false } });
  });
});
