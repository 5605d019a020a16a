import { describe, expect, it, vi } from 'vitest';
import type { DashboardLoaded } from '../dashboard-data/loaded';
import { DASHBOARD_STREAM_PORT, STREAM_CHUNK_CHARS } from '../dashboard-data/stream-messages';
import { portPair } from '../dashboard-data/testing/port-pair';
import type { SidecarDb } from '../store/db';
import type { DashboardRead, ReadOptions, ReadSink } from './dashboard-read';
import { serveDashboardStream } from './dashboard-stream';

const ENV = { extensionId: 'sidecar', extensionOrigin: 'chrome-extension://sidecar/' };
const PAGE = { id: 'sidecar', url: 'chrome-extension://sidecar/dashboard.html' };
const store = () => ({}) as SidecarDb;
const ANSWER: DashboardLoaded = { source: 'solo', organization: null, user: null, members: [], fetched_at: '2026-11-22T12:00:00.000Z', handoff_id: 'h1' };
/** Lets every message and disconnect in flight arrive (each hop of the fake ports is one task). */
async function settle() {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A read that sends what `script` sends, and records whether it was told to stop and whether it was kept. */
function scriptedRead(script: (sink: ReadSink, signal: AbortSignal) => Promise<DashboardRead | 'hang'>) {
  const seen = { signal: null as AbortSignal | null, kept: 0 };
  const read = vi.fn(async (_db: SidecarDb, sink: ReadSink, signal: AbortSignal): Promise<DashboardRead> => {
    seen.signal = signal;
    const result = await script(sink, signal);
    if (result === 'hang') return new Promise(() => undefined);
    return result.ok ? { ...result, keep: async () => void (seen.kept += 1) } : result;
  });
  return { read, seen };
}

function open(read: ReturnType<typeof scriptedRead>['read'], sender: object = PAGE, name = DASHBOARD_STREAM_PORT) {
  const ports = portPair(name, sender);
  const received: unknown[] = [];
  ports.page.onMessage.addListener((m) => void received.push(m));
  const served = serveDashboardStream(ports.background, store, ENV, read);
  return { ...ports, received, served };
}

describe('the dashboard stream, background side', () => {
  it('sends each page as the read hands it over, then the answer; keeps the read only once the page says it is painted', async () => {
    const { read, seen } = scriptedRead(async (sink) => {
      sink.begin(ANSWER.fetched_at);
      sink.page('accounts', 1, 2, '[{"b":1}]');
      sink.page('accounts', 0, 0, '[{"a":1},{"a":2}]');
      return { ok: true, answer: ANSWER, keep: async () => undefined };
    });
    const { page, received } = open(read);
    page.postMessage({ type: 'start' });
    await settle();
    expect(received).toEqual([
      { type: 'begin', now: ANSWER.fetched_at },
      { type: 'text', table: 'accounts', page: 1, offset: 2, text: '[{"b":1}]', end: true },
      { type: 'text', table: 'accounts', page: 0, offset: 0, text: '[{"a":1},{"a":2}]', end: true },
      { type: 'done', answer: ANSWER },
    ]);
    expect(seen.kept).toBe(0);
    page.postMessage({ type: 'painted' });
    page.postMessage({ type: 'painted' });
    await settle();
    expect(seen.kept).toBe(1);
  });

  it('grants a page that can read the workspace itself its read, for as long as the port stays open, and sends no pages', async () => {
    const DIRECT = { path: '/workspace-read/33333333-3333-4333-8333-333333333333/', organization_id: '11111111-1111-4111-8111-111111111111', from_week: '2026-01-01', user: { id: '22222222-2222-4222-8222-222222222222', email: null }, handoff_id: 'h1' };
    let asked: ReadOptions | undefined;
    let grantSignal: AbortSignal | null = null;
    const read = vi.fn(async (_db: SidecarDb, sink: ReadSink, signal: AbortSignal, options?: ReadOptions): Promise<DashboardRead> => {
      asked = options;
      grantSignal = signal;
      sink.begin(ANSWER.fetched_at);
      sink.direct(DIRECT);
      return { ok: true, readByPage: true };
    });
    const { page, received } = open(read);
    page.postMessage({ type: 'start', direct: true });
    await settle();
    expect(asked).toEqual({ direct: true });
    expect(received).toEqual([
      { type: 'begin', now: ANSWER.fetched_at },
      { type: 'direct', read: DIRECT },
    ]);
    page.postMessage({ type: 'painted' });
    await settle();
    expect(page.disconnected).toBe(false);
    expect(grantSignal!.aborted).toBe(false);
    page.disconnect();
    await settle();
    expect(grantSignal!.aborted).toBe(true);
  });

  it('cuts a page longer than a message may carry into pieces, in order', async () => {
    const long = 'x'.repeat(STREAM_CHUNK_CHARS * 2 + 5);
    const { read } = scriptedRead(async (sink) => {
      sink.page('account_facts', 0, 0, long);
      return { ok: true, answer: ANSWER, keep: async () => undefined };
    });
    const { page, received } = open(read);
    page.postMessage({ type: 'start' });
    await vi.waitFor(() => expect(received.at(-1)).toMatchObject({ type: 'done' }));
    const pieces = received.filter((m): m is { text: string; end: boolean } => (m as { type: string }).type === 'text');
    expect(pieces.map((p) => [p.text.length, p.end])).toEqual([
      [STREAM_CHUNK_CHARS, false],
      [STREAM_CHUNK_CHARS, false],
      [5, true],
    ]);
  });

  it('says why a read failed, in a sentence', async () => {
    const { read } = scriptedRead(async (sink) => {
      sink.page('accounts', 0, 0, '[]');
      return { ok: false, message: 'The workspace refused to read accounts (503): busy' };
    });
    const { page, received } = open(read);
    page.postMessage({ type: 'start' });
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received.at(-1)).toEqual({ type: 'error', message: 'The workspace refused to read accounts (503): busy' });
  });

  it('stops the read when the page closes mid-stream: nothing more is sent and nothing is kept', async () => {
    let sinkOf: ReadSink | null = null;
    const { read, seen } = scriptedRead(async (sink, signal) => {
      sinkOf = sink;
      sink.page('accounts', 0, 0, '[]');
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      sink.page('accounts', 1, 0, '[]');
      return { ok: true, answer: ANSWER, keep: async () => undefined };
    });
    const { page, background, received } = open(read);
    page.postMessage({ type: 'start' });
    await settle();
    expect(received).toHaveLength(1);
    page.disconnect();
    await settle();
    expect(seen.signal?.aborted).toBe(true);
    expect(sinkOf).not.toBeNull();
    expect(background.posted).toHaveLength(1);
    expect(seen.kept).toBe(0);
  });

  it('refuses a port opened by anything but Sidecar’s own pages, and a malformed request', async () => {
    for (const sender of [{ id: 'other-extension', url: 'chrome-extension://other/x.html' }, { id: 'sidecar', url: 'https://mail.google.com/', tab: { id: 1 }, frameId: 0 }]) {
      const { read } = scriptedRead(async () => ({ ok: true, answer: ANSWER, keep: async () => undefined }));
      const { page, served } = open(read, sender);
      expect(served).toBe(false);
      await settle();
      expect(page.disconnected).toBe(true);
      expect(read).not.toHaveBeenCalled();
    }
    const { read } = scriptedRead(async () => ({ ok: true, answer: ANSWER, keep: async () => undefined }));
    const { page, received } = open(read);
    page.postMessage({ type: 'start', table: 'accounts' });
    await settle();
    expect(page.disconnected).toBe(true);
    expect(read).not.toHaveBeenCalled();
    expect(received).toEqual([]);
  });

  it('leaves other ports alone', () => {
    const { read } = scriptedRead(async () => 'hang');
    const { page, served } = open(read, PAGE, 'something-else');
    expect(served).toBe(false);
    expect(page.disconnected).toBe(false);
  });
});
