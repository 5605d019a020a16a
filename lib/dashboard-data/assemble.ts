import { preassess, type Preassessed } from '../dashboard/prepare';
import type { AccountFactsEntry } from './dashboard-facts';
import type { Decoded } from './decode';
import { decodeWorkspacePage } from './decode-page';
import { DASHBOARD_TABLES, type DashboardTable } from './stream-messages';
import { pipelineSettingsOf, sourceFromWorkspaceRows, type OrganizationRow, type WorkspaceRows } from './workspace-rows';

export interface WorkspaceAssembler {
  /**
   * The moment the read is made at (the stream's `begin`, the `now` that
   * `finish` will be given). Once it and the organization's page are in, each
   * page of facts has its opportunities assessed as it is added, so the
   * assessment too is done while later pages are still being read.
   */
  begin(now: string): void;
  /** Decodes one page as it arrives (decode-page.ts): its row count, `null` once any page did not fit (see `failure`). */
  add(table: DashboardTable, page: number, offset: number, text: string): number | null;
  /** The first page that did not fit, said in a sentence; `null` while all fit. */
  readonly failure: string | null;
  /**
   * Every page added: the rows joined, in page order, into the dashboard's
   * source at `now` (lib/dashboard/source.ts), with the assessments made as
   * the pages came (`indexDashboard` uses them only if made at this `now`).
   */
  finish(now: string): Decoded;
}

/**
 * Builds the dashboard input from the workspace's pages, whatever order they
 * come in: each page is parsed and checked when it is added, so the work
 * spreads over the time the pages take to arrive; `finish` only joins them
 * and checks what the join adds (the moment, the settings, the forecast).
 */
export function createWorkspaceAssembler(): WorkspaceAssembler {
  const pages = new Map<DashboardTable, unknown[][]>();
  let failure: string | null = null;
  let readAt: string | null = null;
  let organization: OrganizationRow | null = null;
  let ahead: Preassessed | null = null;
  // Facts pages that came before the moment or the organization's settings were known.
  let waiting: AccountFactsEntry[][] = [];
  const assess = (rows: readonly AccountFactsEntry[], into: Preassessed) => {
    for (const row of rows) for (const o of row.opportunities) into.add(o);
  };
  const startAssessing = () => {
    if (ahead || readAt === null || organization === null) return;
    const started = preassess(readAt, pipelineSettingsOf(organization));
    waiting.forEach((rows) => assess(rows, started));
    waiting = [];
    ahead = started;
  };
  return {
    get failure() {
      return failure;
    },
    begin(at) {
      if (readAt !== null) return;
      readAt = at;
      startAssessing();
    },
    add(table, page, offset, text) {
      if (failure) return null;
      const decoded = decodeWorkspacePage(table, text, offset);
      if (!decoded.ok) {
        failure = decoded.message;
        return null;
      }
      let list = pages.get(table);
      if (!list) pages.set(table, (list = []));
      list[page] = decoded.rows;
      if (table === 'organization' && page === 0 && decoded.rows.length > 0) {
        organization = decoded.rows[0] as OrganizationRow;
        startAssessing();
      } else if (table === 'account_facts') {
        const rows = decoded.rows as AccountFactsEntry[];
        if (ahead) assess(rows, ahead);
        else waiting.push(rows);
      }
      return decoded.rows.length;
    },
    finish(now) {
      if (failure) return { ok: false, message: failure };
      const tables = {} as Record<DashboardTable, unknown[]>;
      for (const table of DASHBOARD_TABLES) {
        const list = pages.get(table);
        if (!list) return { ok: false, message: `The workspace sent no ${table}.` };
        // A page never added leaves a hole: the rows would be silently short.
        for (let i = 0; i < list.length; i += 1) if (!(i in list)) return { ok: false, message: `Page ${i + 1} of ${table} is missing.` };
        tables[table] = list.length === 1 ? list[0]! : list.flat();
      }
      const [organization] = tables.organization;
      if (!organization) return { ok: false, message: 'The organization could not be read: you may no longer be a member.' };
      // Every table's rows were checked page by page with WorkspaceRows' own schemas.
      const rows = { ...tables, organization } as unknown as WorkspaceRows;
      const built = sourceFromWorkspaceRows(rows, now);
      if (!built.ok) return built;
      return { ok: true, source: built.source, ...(ahead ? { preassessed: ahead } : {}) };
    },
  };
}
