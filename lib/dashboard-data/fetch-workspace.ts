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
 * background, which holds the session. Answers each table's pages as the text
 * PostgREST sent: the worker never parses the bulk, the page does, once
 * (handoff.ts). Each table's first page is asked with a count; the rows the
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

/** Rows asked per request; the server may send fewer (its cap), and paging follows what it sent. */
export const PAGE_ROWS = 10_000;
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

export async function fetchDashboardPages(endpoint: WorkspaceEndpoint, organizationId: string, fromWeek: string): Promise<Record<string, string[]>> {
  const doFetch = endpoint.fetch ?? fetch;
  const headers = { apikey: endpoint.anonKey, authorization: `Bearer ${endpoint.accessToken}`, accept: 'application/json' };
  const get = async (path: string, order: string, offset: number, count: boolean, limit = PAGE_ROWS) => {
    const response = await doFetch(`${endpoint.url}/rest/v1/${path}&order=${order}.asc&limit=${limit}&offset=${offset}`, {
      headers: count ? { ...headers, prefer: 'count=exact' } : headers,
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
  const firsts = await Promise.all(queries.map(([, q]) => get(q.path, q.order, 0, true)));
  const rest: { table: string; index: number; path: string; order: string; step: number }[] = [];
  queries.forEach(([table, q], i) => {
    const first = firsts[i]!;
    pages[table] = [first.text];
    if (first.sent <= 0 || first.sent >= first.total) return;
    for (let index = 1; index * first.sent < first.total; index += 1) rest.push({ table, index, path: q.path, order: q.order, step: first.sent });
  });
  let next = 0;
  const worker = async () => {
    while (next < rest.length) {
      const job = rest[next++]!;
      pages[job.table]![job.index] = (await get(job.path, job.order, job.index * job.step, false, job.step)).text;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, rest.length) }, worker));
  return pages;
}
