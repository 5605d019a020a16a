import { ACCOUNT_FACTS_COLUMNS, ACCOUNT_FACTS_RELATION } from './account-facts';
import {
  ACCOUNT_COLUMNS,
  MEMBER_COLUMNS,
  MILESTONE_COLUMNS,
  SNAPSHOT_COLUMNS,
  SNAPSHOT_LINE_COLUMNS,
  STAGE_CHANGE_COLUMNS,
  TITLE_COLUMNS,
} from './workspace-rows';

/**
 * Reads the organization's dashboard rows from its database (PostgREST), in the
 * background, which holds the session. Hands each page on as the text
 * PostgREST sent as soon as it arrives (`onPage`: the stream to the dashboard
 * page, stream-messages.ts), and answers all of them at the end: the worker
 * never parses the bulk, the page does, once. Each table's first page is asked with a count; the rows the
 * server actually sent (a Supabase project caps a request at 1,000 rows by
 * default; the cap is a project setting) set the step of the remaining pages,
 * ordered by a unique key so pages neither overlap nor skip, a few requests at
 * a time. Only the columns the dashboard reads are asked for. The facts come
 * from `account_facts_compact` (one row per account, nothing repeated, in a
 * compact positional form: account-facts.ts), which also carries the
 * stakeholders and insights of accounts with no opportunity.
 */
export interface WorkspaceEndpoint {
  url: string;
  anonKey: string;
  accessToken: string;
  fetch?: typeof fetch;
}

/**
 * Rows asked per request; the server may send fewer (its cap), and paging
 * follows what it sent. Smaller pages would let the dashboard page start
 * decoding sooner, but each later page is an `offset` into `account_facts`,
 * which the server pays for again: 2,500 rows a page made the 20,000-account
 * read about 2.7 s slower in the page benchmark than 10,000 did (one run each).
 */
export const PAGE_ROWS = 10_000;
/** The facts pages are the page's heaviest to decode: asked first, so the cheap tables' pages come last. */
const HEAVIEST_FIRST = 'account_facts';
const IN_FLIGHT = 6;

/** Each table's request: path and query (without paging), and the unique key to order by. */
export function dashboardQueries(organizationId: string, fromWeek: string): Record<string, { path: string; order: string }> {
  const org = `organization_id=eq.${organizationId}`;
  return {
    organization: { path: `organizations?select=*&id=eq.${organizationId}`, order: 'id' },
    members: { path: `members?select=${MEMBER_COLUMNS}&${org}`, order: 'user_id' },
    accounts: { path: `accounts?select=${ACCOUNT_COLUMNS}&${org}`, order: 'id' },
    account_facts: { path: `${ACCOUNT_FACTS_RELATION}?select=${ACCOUNT_FACTS_COLUMNS}&${org}`, order: 'account_id' },
    titles: { path: `opportunities?select=${TITLE_COLUMNS}&${org}`, order: 'id' },
    milestones: { path: `account_milestones?select=${MILESTONE_COLUMNS}&${org}`, order: 'id' },
    stage_changes: { path: `opportunity_stage_changes?select=${STAGE_CHANGE_COLUMNS}&${org}`, order: 'id' },
    snapshots: { path: `forecast_snapshots?select=${SNAPSHOT_COLUMNS}&${org}&week_start=gte.${fromWeek}`, order: 'id' },
    // Only the lines that make up each week's forecast (expected to close that week).
    snapshot_lines: { path: `forecast_snapshot_lines?select=${SNAPSHOT_LINE_COLUMNS}&${org}&due_in_week=is.true&week_start=gte.${fromWeek}`, order: 'id' },
  };
}

export class WorkspaceReadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** One page as it arrives: its table, its place among the table's pages, its first row's place in the table, and the text. */
export type PageArrived = (table: string, page: number, offset: number, text: string) => void;

export interface FetchPagesOptions {
  /** Called with each page as soon as its text is in, in whatever order the server answers. */
  onPage?: PageArrived;
  /** Stops every request still running or queued (the page that asked went away). */
  signal?: AbortSignal;
}

export async function fetchDashboardPages(endpoint: WorkspaceEndpoint, organizationId: string, fromWeek: string, options: FetchPagesOptions = {}): Promise<Record<string, string[]>> {
  const doFetch = endpoint.fetch ?? fetch;
  const { onPage, signal } = options;
  const headers = { apikey: endpoint.anonKey, authorization: `Bearer ${endpoint.accessToken}`, accept: 'application/json' };
  const get = async (path: string, order: string, offset: number, count: boolean, limit = PAGE_ROWS) => {
    signal?.throwIfAborted();
    const response = await doFetch(`${endpoint.url}/rest/v1/${path}&order=${order}.asc&limit=${limit}&offset=${offset}`, {
      headers: count ? { ...headers, prefer: 'count=exact' } : headers,
      signal,
    });
    const text = await response.text();
    if (!response.ok) throw new WorkspaceReadError(`The workspace refused to read ${path.split('?')[0]} (${response.status}): ${text.slice(0, 200)}`, response.status);
    // `Content-Range: 0-999/40000`: rows 0 to 999 sent, 40,000 in all.
    const range = /^(\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
    return { text, sent: range ? Number(range[2]) - Number(range[1]) + 1 : 0, total: range ? Number(range[3]) : 0 };
  };

  const queries = Object.entries(dashboardQueries(organizationId, fromWeek));
  const pages: Record<string, string[]> = {};
  // First pages (with the count) of every table at once; then the rest, a few at a time.
  const firsts = await Promise.all(
    queries.map(async ([table, q]) => {
      const first = await get(q.path, q.order, 0, true);
      onPage?.(table, 0, 0, first.text);
      return first;
    }),
  );
  const rest: { table: string; index: number; path: string; order: string; step: number }[] = [];
  queries.forEach(([table, q], i) => {
    const first = firsts[i]!;
    pages[table] = [first.text];
    if (first.sent <= 0 || first.sent >= first.total) return;
    for (let index = 1; index * first.sent < first.total; index += 1) rest.push({ table, index, path: q.path, order: q.order, step: first.sent });
  });
  rest.sort((a, b) => Number(b.table === HEAVIEST_FIRST) - Number(a.table === HEAVIEST_FIRST));
  let next = 0;
  const worker = async () => {
    while (next < rest.length) {
      const job = rest[next++]!;
      const offset = job.index * job.step;
      const { text } = await get(job.path, job.order, offset, false, job.step);
      pages[job.table]![job.index] = text;
      onPage?.(job.table, job.index, offset, text);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, rest.length) }, worker));
  return pages;
}
