import { DASHBOARD_FACTS_COLUMNS, DASHBOARD_FACTS_RELATION } from './account-facts';
import { PriorityPool, rangeFilter, uuidKeyRanges, type Priority } from './key-ranges';
import { ACCOUNT_COLUMNS, MEMBER_COLUMNS, MILESTONE_COLUMNS, SNAPSHOT_COLUMNS, SNAPSHOT_LINE_COLUMNS, STAGE_CHANGE_COLUMNS, TITLE_COLUMNS } from './workspace-rows';

/**
 * Reads the organization's dashboard rows from its database (PostgREST), in the
 * background, which holds the session. Hands each page on as the text
 * PostgREST sent as soon as it arrives (`onPage`: the stream to the dashboard
 * page, stream-messages.ts), and answers all of them at the end: the worker
 * never parses the bulk, the page does, once. The facts are read by ranges
 * of their key, the other tables by offset pages (`fetchDashboardPages`), a
 * few requests at a time. Only the columns the dashboard reads are asked for. The facts come
 * from `dashboard_account_facts` (one row per account, nothing repeated, in a
 * positional form without evidence ids: account-facts.ts), which also carries
 * the stakeholders and insights of accounts with no opportunity.
 */
export interface WorkspaceEndpoint {
  url: string;
  /** Absent when the read goes through Sidecar's worker, which adds them (direct-read.ts): the page never holds a token. */
  anonKey?: string;
  accessToken?: string;
  fetch?: typeof fetch;
}

/**
 * Rows asked per request; the server may send fewer (its cap), and paging
 * follows what it sent. The tables other than the facts are read by
 * `offset` pages: their rows are small, so a few large pages cost the server
 * least.
 */
export const PAGE_ROWS = 10_000;
/**
 * Accounts per key range of the facts (key-ranges.ts): about 0.55 MB of
 * facts (1.7 MB while they carried their ids), which the dashboard page
 * decodes in about 8 ms of CPU (Node) while the next ranges are read. Under a Supabase project's
 * default cap (1,000 rows a request), so there too a range is almost always
 * one request.
 */
export const FACTS_RANGE_ROWS = 900;
/** More ranges than this only add requests. */
const MAX_FACTS_RANGES = 256;
const IN_FLIGHT = 6;

/** The read of one table: relation, filters (PostgREST's, with their `&`), the columns asked, the unique key to order by. */
export interface TableQuery {
  relation: string;
  columns: string;
  filter: string;
  order: string;
  /** Read by ranges of `order` (a UUID key) rather than by offsets (key-ranges.ts). */
  byKeyRanges?: boolean;
}

/** Each table's request. */
export function dashboardQueries(organizationId: string, fromWeek: string): Record<string, TableQuery> {
  const org = `&organization_id=eq.${organizationId}`;
  return {
    organization: { relation: 'organizations', columns: '*', filter: `&id=eq.${organizationId}`, order: 'id' },
    members: { relation: 'members', columns: MEMBER_COLUMNS, filter: org, order: 'user_id' },
    accounts: { relation: 'accounts', columns: ACCOUNT_COLUMNS, filter: org, order: 'id' },
    account_facts: { relation: DASHBOARD_FACTS_RELATION, columns: DASHBOARD_FACTS_COLUMNS, filter: org, order: 'account_id', byKeyRanges: true },
    titles: { relation: 'opportunities', columns: TITLE_COLUMNS, filter: org, order: 'id' },
    milestones: { relation: 'account_milestones', columns: MILESTONE_COLUMNS, filter: org, order: 'id' },
    stage_changes: { relation: 'opportunity_stage_changes', columns: STAGE_CHANGE_COLUMNS, filter: org, order: 'id' },
    snapshots: { relation: 'forecast_snapshots', columns: SNAPSHOT_COLUMNS, filter: `${org}&week_start=gte.${fromWeek}`, order: 'id' },
    // Only the lines that make up each week's forecast (expected to close that week).
    snapshot_lines: { relation: 'forecast_snapshot_lines', columns: SNAPSHOT_LINE_COLUMNS, filter: `${org}&due_in_week=is.true&week_start=gte.${fromWeek}`, order: 'id' },
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
  /**
   * Called with each page as soon as its text is in. A table's pages come in
   * their order (page 0, 1, …; the facts in key order), the tables
   * interleaved.
   */
  onPage?: PageArrived;
  /** Stops every request still running or queued (the page that asked went away). */
  signal?: AbortSignal;
  /** Accounts per key range of the facts (tests use small ones). */
  factsRangeRows?: number;
  /** Requests at once. */
  inFlight?: number;
}

/** One request's part beyond its table's query: other columns, more filters, which rows, and whether to count what matches. */
interface Ask {
  columns?: string;
  filter?: string;
  limit?: number;
  offset: number;
  count: boolean;
}

/** Who goes first when a request slot frees: the facts' count, then the facts in key order, then the other tables. */
const FACTS_COUNT: Priority = [0];
const factsPage = (range: number, page: number): Priority => [1, range, page];
const otherPage = (page: number): Priority => [page === 0 ? 2 : 3, page];

/**
 * Reads every table of the dashboard. Each answer's `Content-Range` says how
 * many rows the server sent and how many match: a Supabase project caps a
 * request (1,000 rows by default, a project setting), and paging follows
 * what it actually sent. Pages are ordered by a unique key, so they neither
 * overlap nor skip.
 *
 * The facts (the bulk: ~0.6 KB an account) are counted first, then read in
 * ranges of their key of about `FACTS_RANGE_ROWS` accounts each, several at
 * once, and handed on in key order as soon as every earlier range is in;
 * the dashboard page decodes each while the next are read. The other tables
 * are asked at the same time, by offset pages, behind the facts in the
 * request pool's order.
 */
export async function fetchDashboardPages(endpoint: WorkspaceEndpoint, organizationId: string, fromWeek: string, options: FetchPagesOptions = {}): Promise<Record<string, string[]>> {
  const doFetch = endpoint.fetch ?? fetch;
  const { onPage } = options;
  // The first failure stops everything queued or in flight, as the caller's signal does.
  const stop = new AbortController();
  const signal = stop.signal;
  if (options.signal?.aborted) stop.abort(options.signal.reason);
  options.signal?.addEventListener('abort', () => stop.abort(options.signal?.reason), { once: true });
  const pool = new PriorityPool(options.inFlight ?? IN_FLIGHT);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (endpoint.anonKey !== undefined) headers.apikey = endpoint.anonKey;
  if (endpoint.accessToken !== undefined) headers.authorization = `Bearer ${endpoint.accessToken}`;

  /** One request: `limit` rows from `offset` of the query; with `count`, the total that matches (else the rows sent). */
  const get = (priority: Priority, q: TableQuery, extra: Ask) =>
    pool.run(priority, async () => {
      try {
        return await request(q, extra);
      } catch (error) {
        // At once, before the pool starts the next request.
        stop.abort(error);
        throw error;
      }
    });
  const request = async (q: TableQuery, extra: Ask) => {
    signal.throwIfAborted();
    const query = `${q.relation}?select=${extra.columns ?? q.columns}${q.filter}${extra.filter ?? ''}&order=${q.order}.asc&limit=${extra.limit ?? PAGE_ROWS}&offset=${extra.offset}`;
    const response = await doFetch(`${endpoint.url}/rest/v1/${query}`, { headers: extra.count ? { ...headers, prefer: 'count=exact' } : headers, signal });
    const text = await response.text();
    if (!response.ok) throw new WorkspaceReadError(`The workspace refused to read ${q.relation} (${response.status}): ${text.slice(0, 200)}`, response.status);
    // `Content-Range: 0-999/40000`: rows 0 to 999 sent, 40,000 match; `*/0`: none; `0-999/*`: not counted.
    const range = /^(?:(\d+)-(\d+)|\*)\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
    const sent = range?.[1] !== undefined ? Number(range[2]) - Number(range[1]) + 1 : 0;
    const total = range?.[3] !== undefined && range[3] !== '*' ? Number(range[3]) : null;
    return { text, sent, total: total ?? sent };
  };

  const pages: Record<string, string[]> = {};
  const deliver = (table: string, page: number, offset: number, text: string) => {
    (pages[table] ??= [])[page] = text;
    onPage?.(table, page, offset, text);
  };

  /** A table by offset pages: the first page says the step and how many follow. */
  const byOffsets = async (table: string, q: TableQuery) => {
    const first = await get(otherPage(0), q, { offset: 0, count: true });
    deliver(table, 0, 0, first.text);
    if (first.sent <= 0) return;
    // Pages answer in any order; each is handed on once every earlier one has been.
    const waiting = new Map<number, string>();
    let next = 1;
    const arrived = (index: number, text: string) => {
      waiting.set(index, text);
      for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
        waiting.delete(next);
        deliver(table, next, next * first.sent, ready);
        next += 1;
      }
    };
    const rest: Promise<void>[] = [];
    for (let index = 1; index * first.sent < first.total; index += 1) {
      rest.push(get(otherPage(index), q, { limit: first.sent, offset: index * first.sent, count: false }).then(({ text }) => arrived(index, text)));
    }
    await Promise.all(rest);
  };

  /** A table by ranges of its key, each range paged by offset where the server caps it; pages handed on in key order. */
  const byKeyRanges = async (table: string, q: TableQuery) => {
    const counted = await get(FACTS_COUNT, q, { columns: q.order, limit: 1, offset: 0, count: true });
    const rangeRows = options.factsRangeRows ?? FACTS_RANGE_ROWS;
    const ranges = uuidKeyRanges(Math.min(MAX_FACTS_RANGES, Math.ceil(counted.total / rangeRows)));
    // Per range: its pages' texts and rows as they come, and how many pages it has once its first answer says.
    const arrived = ranges.map(() => ({ pages: null as number | null, texts: [] as { text: string; rows: number }[] }));
    let range = 0;
    let page = 0;
    let delivered = 0;
    let rows = 0;
    const flush = () => {
      while (range < ranges.length) {
        const state = arrived[range]!;
        if (state.pages === null) return;
        if (page >= state.pages) {
          range += 1;
          page = 0;
          continue;
        }
        const next = state.texts[page];
        if (!next) return;
        deliver(table, delivered, rows, next.text);
        delivered += 1;
        rows += next.rows;
        page += 1;
      }
    };
    const reading = Promise.all(
      ranges.map(async (keys, r) => {
        const filter = rangeFilter(q.order, keys);
        const first = await get(factsPage(r, 0), q, { filter, offset: 0, count: true });
        const state = arrived[r]!;
        state.pages = first.sent > 0 ? Math.ceil(first.total / first.sent) : 1;
        state.texts[0] = { text: first.text, rows: first.sent };
        flush();
        const rest: Promise<void>[] = [];
        for (let index = 1; index < state.pages; index += 1) {
          rest.push(
            get(factsPage(r, index), q, { filter, limit: first.sent, offset: index * first.sent, count: false }).then(({ text, sent }) => {
              state.texts[index] = { text, rows: sent };
              flush();
            }),
          );
        }
        await Promise.all(rest);
      }),
    );
    await reading;
  };

  // Every table is asked at once: while the facts are counted (a round trip
  // before their ranges are known), the other tables' first pages use the free
  // requests; once queued, the facts' ranges take every request that frees
  // before the other tables' later pages (the pool's priorities).
  const tables = Object.entries(dashboardQueries(organizationId, fromWeek));
  await Promise.all(tables.map(([table, q]) => (q.byKeyRanges ? byKeyRanges(table, q) : byOffsets(table, q))));
  return pages;
}
