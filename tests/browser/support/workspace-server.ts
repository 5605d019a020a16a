import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { createSidecarDatabase } from '../../support/database';
import { startCluster, type PgCluster } from '../../support/postgres-cluster';
import { startSupabaseDouble, type SupabaseDouble } from '../../support/supabase-double/server';
import { backgroundWorker, expect, launchWithExtension } from './extension';
import { serveHostPages } from './host-pages';

/**
 * The team workspace of the browser tests: a throwaway PostgreSQL cluster
 * with the migrations and the seed (Brightpath Software, its CSMs and 30
 * accounts), and the Supabase test double on 127.0.0.1 in front of it.
 */
export interface WorkspaceServer {
  cluster: PgCluster;
  double: SupabaseDouble;
  database: string;
  stop(): Promise<void>;
}

/** Who "Sign in with Google" signs in as on the double: Brightpath's manager. */
export const GOOGLE_EMAIL = 'priya.natarajan@brightpath-software.example';

export async function startWorkspaceServer(): Promise<WorkspaceServer> {
  const cluster = await startCluster();
  const database = 'browser_workspace';
  await createSidecarDatabase(cluster, database, { seed: true });
  const double = await startSupabaseDouble({ databaseUrl: cluster.url(database), googleEmail: GOOGLE_EMAIL });
  return {
    cluster,
    double,
    database,
    async stop() {
      await double.close();
      await cluster.stop();
    },
  };
}

/** Signs `email` in over plain HTTP (as another CSM's browser would) and answers the access token. */
export async function accessTokenFor(double: SupabaseDouble, email: string): Promise<string> {
  const headers = { apikey: double.anonKey, 'content-type': 'application/json' };
  const sent = await fetch(`${double.url}/auth/v1/otp`, { method: 'POST', headers, body: JSON.stringify({ email, create_user: true }) });
  if (!sent.ok) throw new Error(`otp for ${email}: ${sent.status} ${await sent.text()}`);
  const token = double.auth.sentCodes.get(email)?.at(-1);
  const verified = await fetch(`${double.url}/auth/v1/verify`, { method: 'POST', headers, body: JSON.stringify({ type: 'email', email, token }) });
  const body = (await verified.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`verify for ${email}: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** Calls one RPC of supabase/API.md as the user of `token`. */
export async function rpcAs<T>(double: SupabaseDouble, token: string, fn: string, args: Record<string, unknown>): Promise<T> {
  const answer = await fetch(`${double.url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: { apikey: double.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  if (!answer.ok) throw new Error(`${fn}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

/** Reads a table through PostgREST as the user of `token` (row-level security applies). */
export async function selectAs<T>(double: SupabaseDouble, token: string, query: string): Promise<T[]> {
  const answer = await fetch(`${double.url}/rest/v1/${query}`, { headers: { apikey: double.anonKey, authorization: `Bearer ${token}` } });
  if (!answer.ok) throw new Error(`${query}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T[];
}

/**
 * Sets the workspace and signs `email` in on the options page, as a CSM does:
 * URL and key, Save (which asks for the host permission), email, the code
 * from the double's mail catcher, Sign in. `awaitSignedIn: false` returns
 * once Sign in is pressed: the page shows the signed-in address only after
 * the worker answers, and a worker busy with a 700,000-row first pull may
 * take longer than a test's patience (bench/sync/browser-pull.ts).
 */
export async function signInOnOptionsPage(page: Page, extensionId: string, workspaceUrl: string, double: SupabaseDouble, email: string, options: { awaitSignedIn?: boolean } = {}): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const workspace = page.getByTestId('workspace-form');
  await workspace.getByLabel('Project URL').fill(workspaceUrl);
  await workspace.getByLabel('Publishable (anon) key').fill(double.anonKey);
  await workspace.getByRole('button', { name: 'Save workspace' }).click();
  // Saving may wait on the worker starting its first sync: give it more than the default 3 s.
  await expect(workspace.getByRole('status')).toHaveText('Saved.', { timeout: 10_000 });
  const signIn = page.getByTestId('sign-in');
  await signIn.getByLabel('Work email').fill(email);
  await signIn.getByRole('button', { name: 'Email me a code' }).click();
  await expect(signIn.getByText(`We sent a code to ${email}.`)).toBeVisible();
  const code = double.auth.sentCodes.get(email)?.at(-1) ?? '';
  await signIn.getByLabel('Code').fill(code);
  await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (options.awaitSignedIn === false) return;
  await expect(page.getByTestId('signed-in-email')).toHaveText(email, { timeout: 10_000 });
}

/**
 * Tests against the workspace: one server (cluster, seed, double) per worker,
 * shared by the specs that use this `test`, and a browser profile of its own per
 * test (signing in must not leak into other tests' browsers). Tests sharing a
 * worker's server touch different seeded accounts, so they run in any order.
 */
export const workspaceTest = base.extend<{ profile: string }, { server: WorkspaceServer }>({
  server: [
    async ({}, use) => {
      const server = await startWorkspaceServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  profile: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'sidecar-workspace-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

/**
 * A headless browser with the extension, serving `routes` (see `serveHostPages`)
 * and letting the workspace's origin through.
 */
export async function openWorkspaceBrowser(profile: string, workspaceOrigin: string, routes: Record<string, string>): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await launchWithExtension(profile, { headless: true });
  await serveHostPages(context, routes);
  // serveHostPages refuses every other address; the workspace is let through (later routes win).
  await context.route(`${workspaceOrigin}/**`, (route) => route.continue());
  const worker = await backgroundWorker(context);
  return { context, extensionId: new URL(worker.url()).host };
}
