import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerWorkspaceRead, grantWorkspaceRead, routeOnlyWorkspaceReads, type ReadRequestEvent } from './workspace-proxy';

const ORIGIN = 'chrome-extension://sidecar';
const BASE = `${ORIGIN}/`;
const UPSTREAM = { url: 'https://project.example', anonKey: 'anon-key', accessToken: 'user-token' };

/** A workspace that records what it was asked and answers `body` (or waits for the request's abort). */
function workspace(body = '[{"id":1}]', hold = false) {
  const asked: { url: string; headers: Headers; signal: AbortSignal }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    asked.push({ url: String(input), headers: new Headers(init?.headers), signal: init!.signal! });
    if (hold) await new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)));
    return new Response(body, { status: 206, headers: { 'content-range': '0-0/1', 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { asked, fetch };
}

/** Sends `request` through the worker's fetch listener; `null` when it did not answer. */
async function ask(request: Request, doFetch: typeof fetch): Promise<Response | null> {
  let answer: Promise<Response> | null = null;
  const event: ReadRequestEvent = { request, respondWith: (response) => void (answer = response) };
  return answerWorkspaceRead(event, BASE, doFetch) ? await answer! : null;
}

describe('the worker answers the dashboard page’s own reads of the workspace', () => {
  it('asks the workspace with the session’s token, which the page never sends, and gives back its answer', async () => {
    const server = workspace();
    const path = grantWorkspaceRead(UPSTREAM, new AbortController().signal);
    const response = await ask(new Request(`${ORIGIN}${path}rest/v1/dashboard_account_facts?select=account_id&limit=1`, { headers: { prefer: 'count=exact', accept: 'application/json' } }), server.fetch);
    expect(response?.status).toBe(206);
    expect(await response!.text()).toBe('[{"id":1}]');
    expect(response!.headers.get('content-range')).toBe('0-0/1');
    expect(server.asked.map((a) => a.url)).toEqual(['https://project.example/rest/v1/dashboard_account_facts?select=account_id&limit=1']);
    expect(server.asked[0]!.headers.get('authorization')).toBe('Bearer user-token');
    expect(server.asked[0]!.headers.get('apikey')).toBe('anon-key');
    expect(server.asked[0]!.headers.get('prefer')).toBe('count=exact');
  });

  it('reads only the dashboard’s tables, only by GET, only under a grant', async () => {
    const server = workspace();
    const path = grantWorkspaceRead(UPSTREAM, new AbortController().signal);
    const refused = [
      new Request(`${ORIGIN}${path}rest/v1/profiles`),
      // The facts with their evidence ids (read by the panel's sync, not by the dashboard).
      new Request(`${ORIGIN}${path}rest/v1/opportunity_facts`),
      new Request(`${ORIGIN}${path}rest/v1/rpc/take_forecast_snapshot`, { method: 'POST', body: '{}' }),
      new Request(`${ORIGIN}${path}rest/v1/accounts`, { method: 'POST', body: '{}' }),
      new Request(`${ORIGIN}${path}auth/v1/user`),
      new Request(`${ORIGIN}/workspace-read/not-a-grant/rest/v1/accounts`),
    ];
    for (const request of refused) expect((await ask(request, server.fetch))?.status).toBe(403);
    expect(server.asked).toEqual([]);
    // Everything else of the extension's is not the worker's to answer.
    expect(await ask(new Request(`${ORIGIN}/dashboard.html`), server.fetch)).toBeNull();
    expect(await ask(new Request(`https://project.example${path}rest/v1/accounts`), server.fetch)).toBeNull();
  });

  it('ends a grant with its stream: the reads still running stop, and later ones are told to ask again', async () => {
    const server = workspace('[]', true);
    const stream = new AbortController();
    const path = grantWorkspaceRead(UPSTREAM, stream.signal);
    const running = ask(new Request(`${ORIGIN}${path}rest/v1/accounts`), server.fetch);
    await new Promise((resolve) => setTimeout(resolve, 0));
    stream.abort();
    expect(server.asked[0]!.signal.aborted).toBe(true);
    const stopped = (await running)!;
    expect(stopped.status).toBe(410);
    expect(stopped.headers.get('x-sidecar-read')).toBe('gone');
    const later = (await ask(new Request(`${ORIGIN}${path}rest/v1/accounts`), server.fetch))!;
    expect(later.headers.get('x-sidecar-read')).toBe('gone');
    expect(server.asked).toHaveLength(1);
  });

  it('says why when the workspace cannot be reached', async () => {
    const path = grantWorkspaceRead(UPSTREAM, new AbortController().signal);
    const down = (async () => {
      throw new TypeError('connection refused');
    }) as typeof fetch;
    const response = (await ask(new Request(`${ORIGIN}${path}rest/v1/accounts`), down))!;
    expect(response.status).toBe(502);
    expect(response.headers.get('x-sidecar-read')).toBe('unreachable');
    expect(await response.text()).toBe('connection refused');
  });

  afterEach(() => vi.unstubAllGlobals());

  it('routes every other request of the extension past the worker at install, where the browser can', () => {
    vi.stubGlobal('URLPattern', class {
      constructor(readonly init: { pathname: string }) {}
    });
    const rules: unknown[] = [];
    routeOnlyWorkspaceReads({ addRoutes: (r) => void rules.push(r) });
    expect(rules).toEqual([[{ condition: { not: { urlPattern: { init: { pathname: '/workspace-read/*' } } } }, source: 'network' }]]);
    // A browser without static routing: nothing to do, nothing thrown.
    expect(() => routeOnlyWorkspaceReads({})).not.toThrow();
  });
});
