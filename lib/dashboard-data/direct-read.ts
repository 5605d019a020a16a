import { fetchDashboardPages, WorkspaceReadError } from './fetch-workspace';
import type { DashboardLoaded } from './loaded';
import type { DashboardTable, DirectRead } from './stream-messages';
import { workspaceAnswer } from './workspace-answer';

/** The worker's answers of its own (lib/background/workspace-proxy.ts `WORKSPACE_READ_HEADER`). */
const WORKER_ANSWER = 'x-sidecar-read';

/**
 * The read through the worker broke off: the worker no longer knows the grant
 * (it was stopped, or the stream closed), or the page's own request to it
 * failed (the worker stopped mid-read, the body broke off). Asking again is
 * safe.
 */
export class DirectReadGone extends Error {}

/** The worker's own answer that the workspace could not be reached (its upstream request failed). */
class WorkspaceUnreachable extends Error {}

export interface DirectReadResult {
  answer: DashboardLoaded;
  /** Every page's text, per table, in order: kept for the next open once painted. */
  pages: Record<string, string[]>;
}

/**
 * The page's own read of the workspace (stream-messages.ts `direct`): the
 * same requests, order and paging as the background's (`fetchDashboardPages`),
 * asked of the path the worker answers for this page's stream, each page
 * handed to `onPage` as it arrives. Fails with the same sentences as a read
 * by the background; with `DirectReadGone` when the worker lost the grant.
 */
export async function readDirect(read: DirectRead, now: string, onPage: (table: DashboardTable, page: number, offset: number, text: string) => void, signal: AbortSignal, via: { fetch?: typeof fetch; origin?: string } = {}): Promise<DirectReadResult> {
  const doFetch = via.fetch ?? fetch;
  // A page that does not fit stops the requests still running, as a failed request does.
  const stop = new AbortController();
  let misfit: unknown = null;
  const stopAll = () => stop.abort(signal.reason);
  if (signal.aborted) stopAll();
  signal.addEventListener('abort', stopAll, { once: true });
  const viaWorker: typeof fetch = async (input, init) => {
    const response = await doFetch(input, init);
    const own = response.headers.get(WORKER_ANSWER);
    if (own === 'gone') throw new DirectReadGone(await response.text());
    if (own === 'unreachable') throw new WorkspaceUnreachable(await response.text());
    return response;
  };
  let pages: Record<string, string[]>;
  try {
    // This page's own origin (chrome-extension://<id>), which the worker answers.
    const base = `${via.origin ?? globalThis.location.origin}${read.path.replace(/\/$/, '')}`;
    pages = await fetchDashboardPages({ url: base, fetch: viaWorker }, read.organization_id, read.from_week, {
      signal: stop.signal,
      onPage: (table, page, offset, text) => {
        try {
          onPage(table as DashboardTable, page, offset, text);
        } catch (error) {
          misfit = error;
          stop.abort(error);
          throw error;
        }
      },
    });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (misfit !== null) throw misfit;
    if (error instanceof WorkspaceReadError || error instanceof DirectReadGone) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof WorkspaceUnreachable) throw new Error(`The workspace could not be reached: ${reason}`);
    // The page's request to the worker failed, not the worker's to the workspace
    // (that answers `unreachable`): the worker stopped before the port's
    // disconnect arrived, or a body broke off. Ask again, as for a lost grant.
    throw new DirectReadGone(`The read broke off before all the data came: ${reason}`);
  } finally {
    signal.removeEventListener('abort', stopAll);
  }
  const answer = workspaceAnswer(pages, read.organization_id, read.user, now, read.handoff_id);
  if (!answer.ok) throw new Error(answer.message);
  return { answer: answer.answer, pages };
}
