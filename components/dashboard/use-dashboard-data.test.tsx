import 'fake-indexeddb/auto';
import '../forms/testing/setup';
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveDashboardStream } from '@/lib/background/dashboard-stream';
import type { DashboardRead, ReadSink } from '@/lib/background/dashboard-read';
import { account, dashboardInput, opportunity } from '@/lib/dashboard/testing/dashboard-factory';
import { clearHandoffs, readLastHandoff } from '@/lib/dashboard-data/handoff';
import type { DashboardLoaded } from '@/lib/dashboard-data/loaded';
import { portPair } from '@/lib/dashboard-data/testing/port-pair';
import type { SidecarDb } from '@/lib/store/db';
import { useDashboardData } from './use-dashboard-data';

const ENV = { extensionId: 'sidecar', extensionOrigin: 'chrome-extension://sidecar/' };
const PAGE = { id: 'sidecar', url: 'chrome-extension://sidecar/dashboard.html' };
const ANSWER: DashboardLoaded = { source: 'solo', organization: null, user: null, members: [], fetched_at: '2026-11-22T12:00:00.000Z', handoff_id: 'h1' };
const a = account(1);
const INPUT = JSON.stringify(dashboardInput({ accounts: [a], opportunities: [opportunity(a)] }));

/** Each time the page connects, the background serves it with the next of `reads`. */
function background(reads: ((sink: ReadSink, signal: AbortSignal) => Promise<DashboardRead | 'stop-worker'>)[]) {
  const signals: AbortSignal[] = [];
  let connections = 0;
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info?: { name?: string }) => {
    const ports = portPair(info?.name ?? '', PAGE);
    const script = reads[connections++]!;
    serveDashboardStream(ports.background, () => ({}) as SidecarDb, ENV, async (_db, sink, signal) => {
      signals.push(signal);
      const result = await script(sink, signal);
      if (result !== 'stop-worker') return result;
      // The browser stopped the worker: its end of the port goes away mid-stream.
      ports.background.disconnect();
      return new Promise(() => undefined);
    });
    return ports.page;
  }) as unknown as typeof fakeBrowser.runtime.connect);
  return { signals, connections: () => connections };
}

const fullRead = async (sink: ReadSink): Promise<DashboardRead> => {
  sink.input(INPUT);
  const { keepAs } = await import('@/lib/background/dashboard-read');
  return { ok: true, answer: ANSWER, keep: keepAs(ANSWER, { kind: 'input', json: INPUT }) };
};

afterEach(async () => {
  vi.restoreAllMocks();
  await clearHandoffs();
});

describe('the dashboard’s data over the stream', () => {
  it('asks again when the background was stopped mid-stream, shows the figures, then keeps the read', async () => {
    const bg = background([async () => 'stop-worker', fullRead]);
    const { result } = renderHook(() => useDashboardData());
    await waitFor(() => expect(result.current.data.state).toBe('ready'));
    expect(bg.connections()).toBe(2);
    if (result.current.data.state !== 'ready') throw new Error('not ready');
    expect(result.current.data.prepared.source.accounts.map((x) => x.name)).toEqual([a.name]);
    await waitFor(async () => expect((await readLastHandoff())?.id).toBe('h1'));
  });

  it('shows the reason of an error mid-stream, and keeps nothing', async () => {
    background([
      async (sink) => {
        sink.page('accounts', 0, 0, '[]');
        return { ok: false, message: 'The workspace refused to read account_facts (500): boom' };
      },
    ]);
    const { result } = renderHook(() => useDashboardData());
    await waitFor(() => expect(result.current.data).toEqual({ state: 'error', message: 'The workspace refused to read account_facts (500): boom' }));
    expect(await readLastHandoff()).toBeNull();
  });

  it('stops the background’s read when the page goes away mid-stream', async () => {
    const bg = background([async (_sink, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve({ ok: false, message: 'stopped' })))]);
    const { unmount } = renderHook(() => useDashboardData());
    await waitFor(() => expect(bg.signals).toHaveLength(1));
    unmount();
    await waitFor(() => expect(bg.signals[0]!.aborted).toBe(true));
    expect(await readLastHandoff()).toBeNull();
  });
});
