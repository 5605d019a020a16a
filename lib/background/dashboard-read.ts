import { fetchDashboardPages, WorkspaceReadError } from '../dashboard-data/fetch-workspace';
import { putHandoff, type HandoffPayload } from '../dashboard-data/handoff';
import { localDashboardInput } from '../dashboard-data/local-input';
import type { DashboardLoaded } from '../dashboard-data/loaded';
import type { DashboardTable, DirectRead } from '../dashboard-data/stream-messages';
import { workspaceAnswer } from '../dashboard-data/workspace-answer';
import type { SidecarDb } from '../store/db';
import { readWorkspaceLink } from '../store/workspace-link';
import { workspaceClient } from '../sync/session';
import { readWorkspaceSettings } from '../sync/workspace-settings';
import { grantWorkspaceRead } from './workspace-proxy';

/** NRR and forecast look back a year by default; older snapshots are not read. */
const SNAPSHOT_LOOKBACK_DAYS = 400;

/** Where the read's data goes as it arrives: pages of the workspace's tables, or the local store's whole input. */
export interface ReadSink {
  /** The moment the workspace is read at, before any page: the answer's `fetched_at`. */
  begin(now: string): void;
  page(table: DashboardTable, page: number, offset: number, text: string): void;
  input(json: string): void;
  /** The page reads the workspace itself through the worker (workspace-proxy.ts), instead of `page`s. */
  direct(read: DirectRead): void;
}

export type DashboardRead =
  | {
      ok: true;
      answer: DashboardLoaded;
      /** Keeps this read for the next open (handoff.ts); called once the page shows it. */
      keep: () => Promise<void>;
    }
  /** Handed to the page with `direct`: it reads the pages, builds the answer and keeps the read itself. */
  | { ok: true; readByPage: true }
  | { ok: false; message: string };

export interface ReadOptions {
  /** The page can read the pages itself through the worker (stream-messages.ts `direct`). */
  direct?: boolean;
}

/**
 * The dashboard's data, read by the background: the organization's from its
 * database with the session's token (which stays here) when signed in to a
 * workspace, else the local store's. Each piece goes to `sink` as soon as it
 * is in; the answer says whose data it is.
 */
export async function readDashboard(db: SidecarDb, sink: ReadSink, signal: AbortSignal, options: ReadOptions = {}): Promise<DashboardRead> {
  const now = new Date().toISOString();
  const handoffId = crypto.randomUUID();
  const workspace = await signedInWorkspace(db);
  if (!workspace) {
    const json = JSON.stringify(await localDashboardInput(db, now));
    sink.input(json);
    const answer: DashboardLoaded = { source: 'solo', organization: null, user: null, members: [], fetched_at: now, handoff_id: handoffId };
    return { ok: true, answer, keep: keepAs(answer, { kind: 'input', json }) };
  }
  const { settings, session, organizationId } = workspace;
  const fromWeek = new Date(Date.now() - SNAPSHOT_LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  let pages: Record<string, string[]>;
  // Marks for the page benchmark, read from the worker (bench/dashboard-page.bench.ts).
  performance.mark('dashboard-bg:fetch');
  sink.begin(now);
  if (options.direct) {
    // The grant ends with the stream (`signal`): the page's reads then stop being answered.
    const path = grantWorkspaceRead({ url: settings.url, anonKey: settings.anon_key, accessToken: session.access_token }, signal);
    sink.direct({ path, organization_id: organizationId, from_week: fromWeek, user: { id: session.user.id, email: session.user.email ?? null }, handoff_id: handoffId });
    return { ok: true, readByPage: true };
  }
  try {
    pages = await fetchDashboardPages({ url: settings.url, anonKey: settings.anon_key, accessToken: session.access_token }, organizationId, fromWeek, {
      signal,
      onPage: (table, page, offset, text) => sink.page(table as DashboardTable, page, offset, text),
    });
  } catch (error) {
    if (signal.aborted) throw error;
    const message = error instanceof WorkspaceReadError ? error.message : `The workspace could not be reached: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, message };
  }
  performance.mark('dashboard-bg:fetched');
  const answer = workspaceAnswer(pages, organizationId, { id: session.user.id, email: session.user.email ?? null }, now, handoffId);
  if (!answer.ok) return answer;
  return { ok: true, answer: answer.answer, keep: keepAs(answer.answer, { kind: 'workspace', organization: organizationId, now, pages }) };
}

/** Keeps the read under the answer's id for the next open (handoff.ts). */
export function keepAs(answer: DashboardLoaded, payload: HandoffPayload): () => Promise<void> {
  return async () => {
    await putHandoff(answer.handoff_id, payload, answer);
    performance.mark('dashboard-bg:kept');
  };
}

export async function signedInWorkspace(db: SidecarDb) {
  const settings = await readWorkspaceSettings();
  if (!settings) return null;
  const link = await readWorkspaceLink(db);
  if (!link) return null;
  const { data } = await workspaceClient(settings)
    .auth.getSession()
    .catch(() => ({ data: { session: null } }));
  if (!data.session) return null;
  return { settings, session: data.session, organizationId: link.organization_id };
}
