import { z } from 'zod';
import { dashboardQueries } from '../dashboard-data/fetch-workspace';

/**
 * Lets a dashboard page read the workspace's rows itself, in Chromium, whose
 * extension service worker receives the `fetch` events of its own pages: the
 * page asks `chrome-extension://<id>/workspace-read/<grant>/rest/v1/…`, and
 * the worker answers with the workspace's (PostgREST's) response to
 * `rest/v1/…`, adding the session's token itself. The body goes from the
 * network to the page through a data pipe: no message serialises it, no
 * script of the worker copies or decodes it (over the port, the ~40 MB of an
 * organization of 20,000 accounts were encoded, relayed by the browser
 * process and decoded again, which cost the cold open about a second).
 *
 * A grant is made for one dashboard stream (dashboard-stream.ts) after the
 * session is checked, and ends with that stream's port (its `signal`), which
 * also aborts the requests it still has running. Its path is a random id
 * known only to the page at that port's other end. Only reads (GET) of the
 * dashboard's relations pass; the database's row-level security decides the
 * rows, as for any request with the user's token.
 */
export interface WorkspaceUpstream {
  url: string;
  anonKey: string;
  accessToken: string;
}

/** Where grants are answered (a path no packaged file has). */
export const WORKSPACE_READ_PREFIX = '/workspace-read/';

/** Set on the worker's own answers (not the workspace's): `gone` (grant unknown: ask again), `unreachable` (the body says why). */
export const WORKSPACE_READ_HEADER = 'x-sidecar-read';

/** The dashboard's relations: the only ones a grant reads. */
const RELATIONS = new Set(Object.values(dashboardQueries('00000000-0000-0000-0000-000000000000', '2000-01-01')).map((q) => q.relation));

const GrantedPath = z.object({
  grant: z.guid(),
  relation: z.string().refine((name) => RELATIONS.has(name), 'not a relation the dashboard reads'),
});

interface Grant {
  upstream: WorkspaceUpstream;
  signal: AbortSignal;
}

const grants = new Map<string, Grant>();

/** Makes a grant that lasts until `signal` aborts; returns the path the page reads under (`/workspace-read/<grant>/`). */
export function grantWorkspaceRead(upstream: WorkspaceUpstream, signal: AbortSignal): string {
  const id = crypto.randomUUID();
  grants.set(id, { upstream, signal });
  signal.addEventListener('abort', () => grants.delete(id), { once: true });
  return `${WORKSPACE_READ_PREFIX}${id}/`;
}

/** What the worker needs of a `FetchEvent`. */
export interface ReadRequestEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

/**
 * Answers `event` when it asks under `/workspace-read/` (and only then; every
 * other request of the extension's pages is not the worker's business: the
 * install step routes them past it, `routeOnlyWorkspaceReads`). Returns
 * whether it answered.
 */
export function answerWorkspaceRead(event: ReadRequestEvent, extensionBase: string, doFetch: typeof fetch = fetch): boolean {
  // `extensionBase` is `runtime.getURL('/')`: compared as text, since `URL.origin` of an extension's URL is "null" outside browsers.
  const base = extensionBase.replace(/\/$/, '');
  if (!event.request.url.startsWith(`${base}${WORKSPACE_READ_PREFIX}`)) return false;
  event.respondWith(forward(event.request, new URL(event.request.url), doFetch));
  return true;
}

async function forward(request: Request, url: URL, doFetch: typeof fetch): Promise<Response> {
  // `<grant>/rest/v1/<relation>`, nothing else.
  const [grantId, rest, version, relation, ...more] = url.pathname.slice(WORKSPACE_READ_PREFIX.length).split('/');
  const asked = GrantedPath.safeParse({ grant: grantId, relation });
  if (request.method !== 'GET' || request.mode === 'navigate' || rest !== 'rest' || version !== 'v1' || more.length > 0 || !asked.success) {
    return new Response('Sidecar reads only the dashboard’s own tables here.', { status: 403 });
  }
  const grant = grants.get(asked.data.grant);
  // The worker was stopped and started since the grant (or the page's stream ended): the page asks again.
  if (!grant) return own(410, 'gone', 'The background stopped before all the data came.');
  const target = `${grant.upstream.url}/rest/v1/${asked.data.relation}${url.search}`;
  const headers: Record<string, string> = { apikey: grant.upstream.anonKey, authorization: `Bearer ${grant.upstream.accessToken}`, accept: request.headers.get('accept') ?? 'application/json' };
  if (request.headers.get('prefer') === 'count=exact') headers.prefer = 'count=exact';
  try {
    // The workspace's response itself: its body then goes to the page through a
    // data pipe. Wrapped in a new Response, the same body was pumped chunk by
    // chunk by this worker's script (measured on 40 MB: 140-250 ms of the
    // worker's thread instead of 10-130). Its headers are the workspace's
    // (no token among them: the request's are not echoed).
    return await doFetch(target, { headers, signal: AbortSignal.any([grant.signal, request.signal]) });
  } catch (error) {
    if (grant.signal.aborted) return own(410, 'gone', 'The dashboard’s read was closed.');
    return own(502, 'unreachable', error instanceof Error ? error.message : String(error));
  }
}

function own(status: number, kind: 'gone' | 'unreachable', message: string): Response {
  return new Response(message, { status, headers: { [WORKSPACE_READ_HEADER]: kind, 'content-type': 'text/plain; charset=utf-8' } });
}

/** What the worker needs of its `InstallEvent` (Chromium's static routing). */
export interface RoutableInstallEvent {
  addRoutes?(rules: unknown): Promise<void> | void;
}

/**
 * At install: every request of the extension's pages but the workspace reads
 * goes straight to the packaged files, so a `fetch` listener does not wake
 * the worker for each navigation and script of the panel, the popup or the
 * dashboard (Chromium's static routing; where it is missing the listener
 * passes them on, at the cost of a trip through the worker).
 */
export function routeOnlyWorkspaceReads(event: RoutableInstallEvent): void {
  // Not in TypeScript's DOM library yet.
  const Pattern = (globalThis as { URLPattern?: new (init: { pathname: string }) => unknown }).URLPattern;
  const pattern = Pattern ? new Pattern({ pathname: `${WORKSPACE_READ_PREFIX}*` }) : null;
  if (!pattern || typeof event.addRoutes !== 'function') return;
  void Promise.resolve(event.addRoutes([{ condition: { not: { urlPattern: pattern } }, source: 'network' }])).catch(() => undefined);
}
