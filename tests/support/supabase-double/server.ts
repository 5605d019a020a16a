import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { AuthError, AuthService, type AuthSettings } from './auth';
import { HttpError, postgrestError } from './errors';
import { JwtKeys, type AccessClaims } from './jwt';
import { asRole, callFunction, JsonText, readRelation, type SchemaCache } from './rest';

/**
 * A test double of a Supabase project's HTTP API, on the real PostgreSQL of
 * the test harness. It implements only what Sidecar calls: the Auth
 * endpoints of the email-code and Google flows and token refresh,
 * `POST /rest/v1/rpc/*`, and `GET` on tables and views with PostgREST's
 * filters, each request in its own transaction as the JWT's role.
 *
 * It never ships and is never offered as a backend: it exists so browser and
 * sync tests can run on machines without Docker, PostgREST or GoTrue.
 */
export interface SupabaseDoubleOptions {
  /** libpq URL of a database prepared with the prelude and migrations. */
  databaseUrl: string;
  jwtSecret?: string;
  port?: number;
  accessTokenSeconds?: number;
  googleEmail?: string;
  /** PostgREST's `db-max-rows`: the most rows one read answers (a Supabase project's default is 1,000); unlimited when absent. */
  maxRows?: number;
}

export interface SupabaseDouble {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  auth: AuthService;
  /** Requests answered, by `METHOD path` without the query; for contract tests. */
  requests: string[];
  close(): Promise<void>;
}

const DEFAULT_SECRET = 'sidecar-test-double-jwt-secret-at-least-32-characters';

export async function startSupabaseDouble(options: SupabaseDoubleOptions): Promise<SupabaseDouble> {
  const keys = new JwtKeys(options.jwtSecret ?? DEFAULT_SECRET);
  const pool = new Pool({ connectionString: options.databaseUrl, max: 8 });
  const settings: AuthSettings = { accessTokenSeconds: options.accessTokenSeconds ?? 3600, ...(options.googleEmail ? { googleEmail: options.googleEmail } : {}) };
  const auth = new AuthService(pool, keys, settings);
  const tenYears = 10 * 365 * 24 * 3600;
  const anonKey = await keys.sign({ role: 'anon', iss: 'supabase-double' }, tenYears);
  const serviceRoleKey = await keys.sign({ role: 'service_role', iss: 'supabase-double' }, tenYears);
  const requests: string[] = [];
  const schemaCache: SchemaCache = new Map();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://double');
    requests.push(`${req.method} ${url.pathname}`);
    handle(req, res, url).catch((error: unknown) => sendError(res, error));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    setCors(res);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const path = url.pathname;
    // The browser opens /authorize as a page, without headers; Supabase's
    // gateway serves it without an API key too.
    if (req.method === 'GET' && path === '/auth/v1/authorize') return handleAuth(req, res, url, 'authorize');
    const apiClaims = await verifyApiKey(req);

    if (path.startsWith('/auth/v1/')) return handleAuth(req, res, url, path.slice('/auth/v1/'.length));
    if (!path.startsWith('/rest/v1/')) throw postgrestError(404, 'PGRST125', `Invalid path specified in request URL`);

    const claims = await requestClaims(req, apiClaims);
    const target = path.slice('/rest/v1/'.length);
    if (target.startsWith('rpc/')) {
      if (req.method !== 'POST' && req.method !== 'GET') throw postgrestError(405, 'PGRST101', 'Only GET and POST are allowed for functions');
      const args = req.method === 'POST' ? ((await readJson(req)) as Record<string, unknown>) : Object.fromEntries(url.searchParams);
      if (args === null || typeof args !== 'object' || Array.isArray(args)) throw postgrestError(400, 'PGRST102', 'Function arguments must be a JSON object');
      const body = await asRole(pool, claims, (client) => callFunction(client, target.slice(4), args, schemaCache));
      return sendJson(res, 200, body);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw postgrestError(405, 'PGRST117', `Sidecar writes through RPC functions only; ${req.method} on tables is not served by this double`);
    }
    const countExact = /count=exact/.test(String(req.headers.prefer ?? ''));
    const answer = await asRole(pool, claims, (client) => readRelation(client, target, url.searchParams, countExact, options.maxRows));
    if (String(req.headers.accept ?? '').includes('application/vnd.pgrst.object+json')) {
      if (answer.count !== 1 || !answer.single) {
        throw postgrestError(406, 'PGRST116', 'JSON object requested, multiple (or no) rows returned', `The result contains ${answer.count} rows`);
      }
      return sendJson(res, 200, answer.single);
    }
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const end = answer.count === 0 ? '*' : `${offset}-${offset + answer.count - 1}`;
    res.setHeader('Content-Range', `${end}/${answer.total ?? '*'}`);
    return sendJson(res, 200, answer.body);
  }

  async function handleAuth(req: IncomingMessage, res: ServerResponse, url: URL, endpoint: string): Promise<void> {
    try {
      if (req.method === 'POST' && endpoint === 'otp') {
        const body = (await readJson(req)) as { email?: string };
        auth.requestEmailCode(String(body.email ?? ''));
        return sendJson(res, 200, {});
      }
      if (req.method === 'POST' && endpoint === 'verify') {
        const body = (await readJson(req)) as { email?: string; token?: string; type?: string };
        if (body.type !== 'email' && body.type !== 'magiclink') throw new AuthError(400, 'validation_failed', 'Verify requires a verification type');
        return sendJson(res, 200, await auth.verifyEmailCode(String(body.email ?? ''), String(body.token ?? '')));
      }
      if (req.method === 'POST' && endpoint === 'token') {
        const grant = url.searchParams.get('grant_type');
        const body = (await readJson(req)) as { refresh_token?: string; auth_code?: string; code_verifier?: string };
        if (grant === 'refresh_token') return sendJson(res, 200, await auth.refresh(String(body.refresh_token ?? '')));
        if (grant === 'pkce') return sendJson(res, 200, await auth.exchangeAuthCode(String(body.auth_code ?? ''), String(body.code_verifier ?? '')));
        throw new AuthError(400, 'unsupported_grant_type', 'unsupported_grant_type');
      }
      if (req.method === 'GET' && endpoint === 'authorize') {
        const redirectTo = url.searchParams.get('redirect_to');
        const challenge = url.searchParams.get('code_challenge');
        if (url.searchParams.get('provider') !== 'google' || !redirectTo || !challenge) {
          throw new AuthError(400, 'validation_failed', 'provider=google, redirect_to and code_challenge are required');
        }
        const code = auth.authorizeGoogle(challenge, url.searchParams.get('code_challenge_method') ?? 's256');
        const target = new URL(redirectTo);
        target.searchParams.set('code', code);
        return void res.writeHead(302, { Location: target.href }).end();
      }
      const claims = await requestClaims(req, undefined);
      if (req.method === 'GET' && endpoint === 'user') {
        if (!claims.sub) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
        return sendJson(res, 200, await auth.userFor(claims.sub));
      }
      if (req.method === 'POST' && endpoint === 'logout') {
        auth.signOut(claims.session_id);
        return void res.writeHead(204).end();
      }
      throw new AuthError(404, 'not_found', `Auth endpoint ${endpoint} is not served by this double`);
    } catch (error) {
      if (error instanceof AuthError) return sendJson(res, error.status, error.body());
      throw error;
    }
  }

  /** The API gateway's check: every request carries a valid project key. */
  async function verifyApiKey(req: IncomingMessage): Promise<AccessClaims> {
    const key = req.headers.apikey;
    if (typeof key !== 'string') throw postgrestError(401, 'PGRST301', 'No API key found in request', null, 'No `apikey` request header or url param was found.');
    try {
      return await keys.verify(key);
    } catch {
      throw postgrestError(401, 'PGRST301', 'Invalid API key');
    }
  }

  async function requestClaims(req: IncomingMessage, fallback: AccessClaims | undefined): Promise<AccessClaims> {
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) {
      if (fallback) return fallback;
      throw postgrestError(401, 'PGRST301', 'No authorization token');
    }
    try {
      return await keys.verify(token);
    } catch (error) {
      const expired = error instanceof Error && /exp/.test(error.message);
      throw postgrestError(401, expired ? 'PGRST303' : 'PGRST301', expired ? 'JWT expired' : 'JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 1)');
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    anonKey,
    serviceRoleKey,
    auth,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

function setCors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'authorization, apikey, content-type, prefer, accept, accept-profile, content-profile, range, x-client-info, x-supabase-api-version');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Expose-Headers', 'content-range');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw postgrestError(400, 'PGRST102', 'Empty or invalid json');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(body instanceof JsonText ? body.text : JSON.stringify(body));
}

function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) return sendJson(res, error.status, error.body);
  const message = error instanceof Error ? error.message : String(error);
  sendJson(res, 500, { code: 'XX000', message, details: null, hint: null });
}
