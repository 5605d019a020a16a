import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerWorkspaceRead, grantWorkspaceRead } from '../background/workspace-proxy';
import type { DashboardLoaded } from './loaded';
import { readDashboardStream, StreamInterrupted, type StreamReceiver } from './stream-client';
import { chunksOf, DASHBOARD_STREAM_PORT } from './stream-messages';
import { openDashboardStream } from './stream-port';
import { portPair } from './testing/port-pair';

const ANSWER: DashboardLoaded = { source: 'solo', organization: null, user: null, members: [], fetched_at: '2026-11-22T12:00:00.000Z', handoff_id: 'h1' };

/** The page's end of a stream whose background end the test drives by hand. */
function stream(receiver: Partial<StreamReceiver> = {}, controller = new AbortController()) {
  const ports = portPair(DASHBOARD_STREAM_PORT, { id: 'sidecar', url: 'chrome-extension://sidecar/dashboard.html' });
  const pages: (string | number)[][] = [];
  const asked: unknown[] = [];
  ports.background.onMessage.addListener((m) => void asked.push(m));
  const done = readDashboardStream({ begin: (now) => void pages.push(['begin', now]), page: (...args) => void pages.push(args), input: () => undefined, ...receiver }, controller.signal, openDashboardStream(() => ports.page));
  return { ...ports, pages, asked, done, controller };
}

describe('the dashboard stream, page side', () => {
  it('asks once, joins each page’s pieces, hands whole pages over as they come, and says when painted', async () => {
    const { background, pages, asked, done } = stream();
    background.postMessage({ type: 'begin', now: ANSWER.fetched_at });
    background.postMessage({ type: 'text', table: 'account_facts', page: 1, offset: 3, text: '[{"a":', end: false });
    background.postMessage({ type: 'text', table: 'account_facts', page: 1, offset: 3, text: '1}]', end: true });
    background.postMessage({ type: 'text', table: 'account_facts', page: 0, offset: 0, text: '[]', end: true });
    background.postMessage({ type: 'done', answer: ANSWER });
    const result = await done;
    expect(result.answer).toEqual(ANSWER);
    expect(pages).toEqual([
      ['begin', ANSWER.fetched_at],
      ['account_facts', 1, 3, '[{"a":1}]'],
      ['account_facts', 0, 0, '[]'],
    ]);
    result.painted();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([{ type: 'start', direct: false }, { type: 'painted' }]);
  });

  it('rejects a message that is not of the stream, closing the port so the background stops', async () => {
    const { background, page, done } = stream();
    background.postMessage({ type: 'text', table: 'secrets', page: 0, offset: 0, text: '[]', end: true });
    await expect(done).rejects.toThrow('The background sent something the dashboard does not understand.');
    expect(page.disconnected).toBe(true);
  });

  it('shows the background’s reason when the read fails mid-stream', async () => {
    const { background, done, pages } = stream();
    background.postMessage({ type: 'text', table: 'accounts', page: 0, offset: 0, text: '[]', end: true });
    background.postMessage({ type: 'error', message: 'The workspace refused to read accounts (503): busy' });
    await expect(done).rejects.toThrow('The workspace refused to read accounts (503): busy');
    expect(pages).toHaveLength(1);
  });

  it('tells a background stopped mid-stream apart, so the page can ask again', async () => {
    const { background, done } = stream();
    background.postMessage({ type: 'text', table: 'accounts', page: 0, offset: 0, text: '[', end: false });
    background.disconnect();
    await expect(done).rejects.toBeInstanceOf(StreamInterrupted);
  });

  it('refuses an answer that comes before the page it was cutting is complete', async () => {
    const { background, done } = stream();
    background.postMessage({ type: 'text', table: 'accounts', page: 0, offset: 0, text: '[', end: false });
    background.postMessage({ type: 'done', answer: ANSWER });
    await expect(done).rejects.toThrow('in the middle of a page');
  });

  it('closes the port when the page gives up (closed, reloaded) or cannot use a page', async () => {
    const closed = stream();
    closed.controller.abort(new Error('page closed'));
    await expect(closed.done).rejects.toThrow('page closed');
    expect(closed.page.disconnected).toBe(true);

    const misfit = stream({
      page: () => {
        throw new Error('The workspace’s data is not as expected at accounts.0.id');
      },
    });
    misfit.background.postMessage({ type: 'text', table: 'accounts', page: 0, offset: 0, text: '[]', end: true });
    await expect(misfit.done).rejects.toThrow('accounts.0.id');
    expect(misfit.page.disconnected).toBe(true);
  });
});

describe('a stream asked for before the page is ready', () => {
  it('holds what came meanwhile, the port closing included, and hands it over in order', async () => {
    const ports = portPair(DASHBOARD_STREAM_PORT, { id: 'sidecar', url: 'chrome-extension://sidecar/dashboard.html' });
    const asked: unknown[] = [];
    ports.background.onMessage.addListener((m) => void asked.push(m));
    const opened = openDashboardStream(() => ports.page);
    ports.background.postMessage({ type: 'text', table: 'accounts', page: 0, offset: 0, text: '[]', end: true });
    ports.background.postMessage({ type: 'done', answer: ANSWER });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([{ type: 'start', direct: false }]);
    const pages: unknown[] = [];
    const result = await readDashboardStream({ begin: () => undefined, page: (...args) => void pages.push(args), input: () => undefined }, new AbortController().signal, opened);
    expect(pages).toEqual([['accounts', 0, 0, '[]']]);
    expect(result.answer).toEqual(ANSWER);

    const early = portPair(DASHBOARD_STREAM_PORT, { id: 'sidecar', url: 'chrome-extension://sidecar/dashboard.html' });
    const stopped = openDashboardStream(() => early.page);
    early.background.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(readDashboardStream({ begin: () => undefined, page: () => undefined, input: () => undefined }, new AbortController().signal, stopped)).rejects.toBeInstanceOf(StreamInterrupted);
  });
});

describe('cutting text into pieces', () => {
  it('gives back the text when joined, never splitting a surrogate pair', () => {
    const text = 'ab😀cd😀😀e';
    for (let size = 2; size <= text.length + 1; size += 1) {
      const pieces = chunksOf(text, size);
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(size);
        expect(piece.length).toBeGreaterThan(0);
        expect(piece.isWellFormed()).toBe(true);
      }
    }
    expect(chunksOf('')).toEqual(['']);
  });
});

describe('a stream whose pages the page reads itself (direct, Chromium)', () => {
  const ORG = '11111111-1111-4111-8111-111111111111';
  const ME = '22222222-2222-4222-8222-222222222222';
  /**
   * The page's `fetch` as the worker answers it (workspace-proxy.ts), in front
   * of a workspace with one organization and its one member; `hold` keeps the
   * facts' requests waiting until they are aborted.
   */
  function workerFetch(hold: boolean) {
    const aborted: string[] = [];
    const held: string[] = [];
    const server = (async (input: string | URL | Request, init?: RequestInit) => {
      const relation = new URL(String(input)).pathname.split('/').at(-1)!;
      if (hold && relation === 'dashboard_account_facts') {
        held.push(relation);
        await new Promise((_, reject) => init!.signal!.addEventListener('abort', () => (aborted.push(relation), reject(init!.signal!.reason))));
      }
      const rows = relation === 'organizations' ? [{ id: ORG, name: 'Brightpath' }] : relation === 'members' ? [{ user_id: ME, role: 'csm', email: 'me@vendor.example', display_name: null }] : [];
      return new Response(JSON.stringify(rows), { headers: { 'content-range': rows.length ? `0-${rows.length - 1}/${rows.length}` : '*/0' } });
    }) as typeof fetch;
    const page = (async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(String(input), init);
      let answer: Promise<Response> | null = null;
      if (!answerWorkspaceRead({ request, respondWith: (r) => void (answer = r) }, `${location.origin}/`, server)) throw new TypeError('Failed to fetch');
      return answer!;
    }) as typeof fetch;
    return { page, aborted, held };
  }
  afterEach(() => vi.unstubAllGlobals());

  it('reads every table through the worker and builds the answer; the port only carries the grant', async () => {
    const { page } = workerFetch(false);
    vi.stubGlobal('fetch', page);
    const { background, pages, done } = stream();
    const grant = grantWorkspaceRead({ url: 'https://project.example', anonKey: 'anon', accessToken: 'token' }, new AbortController().signal);
    background.postMessage({ type: 'begin', now: ANSWER.fetched_at });
    background.postMessage({ type: 'direct', read: { path: grant, organization_id: ORG, from_week: '2026-01-01', user: { id: ME, email: 'me@vendor.example' }, handoff_id: 'h2' } });
    const result = await done;
    expect(result.answer).toMatchObject({ source: 'workspace', organization: { id: ORG, name: 'Brightpath' }, user: { email: 'me@vendor.example', role: 'csm' }, handoff_id: 'h2' });
    expect(pages[0]).toEqual(['begin', ANSWER.fetched_at]);
    expect(pages.some(([table]) => table === 'organization')).toBe(true);
  });

  it('the port closing mid-read (the worker stopped) stops the page’s requests and asks again', async () => {
    const { page, aborted, held } = workerFetch(true);
    vi.stubGlobal('fetch', page);
    const { background, done } = stream();
    const grant = grantWorkspaceRead({ url: 'https://project.example', anonKey: 'anon', accessToken: 'token' }, new AbortController().signal);
    background.postMessage({ type: 'begin', now: ANSWER.fetched_at });
    background.postMessage({ type: 'direct', read: { path: grant, organization_id: ORG, from_week: '2026-01-01', user: { id: ME, email: null }, handoff_id: 'h3' } });
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(0));
    expect(aborted).toEqual([]);
    background.disconnect();
    await expect(done).rejects.toBeInstanceOf(StreamInterrupted);
    await vi.waitFor(() => expect(aborted.length).toBeGreaterThan(0));
  });

  it('a grant before the read’s moment is refused', async () => {
    const { background, done, page } = stream();
    background.postMessage({ type: 'direct', read: { path: '/workspace-read/33333333-3333-4333-8333-333333333333/', organization_id: ORG, from_week: '2026-01-01', user: { id: ME, email: null }, handoff_id: 'h4' } });
    await expect(done).rejects.toThrow('The background granted a read before saying its moment.');
    expect(page.disconnected).toBe(true);
  });
});
