import { z } from 'zod';
import { fastParser } from '../zod-fast-check';
import { decodeDashboardFactsRow, type AccountFactsEntry } from './dashboard-facts';
import type { DashboardTable } from './stream-messages';
import { OrganizationRow, WorkspaceRows } from './workspace-rows';

/**
 * One page of one table, as the workspace sent it, turned into checked rows:
 * the text parsed and every row validated, page by page, so the dashboard
 * page can do this while the next pages are still being read (stream-messages.ts).
 * Every row is checked here, once: the facts rows (positional, without ids)
 * are decoded straight into assessable facts (dashboard-facts.ts), the other
 * tables by their row schemas (workspace-rows.ts).
 *
 * The bulk goes through the fast checks of the same schemas
 * (lib/zod-fast-check.ts), zod itself running only on data they do not pass
 * as it is (to strip, fill in, or name the problem). The organization row
 * (one, with a default) is zod's alone.
 */
export type PageDecoded = { ok: true; rows: unknown[] } | { ok: false; message: string };

type RowsParser = (value: unknown) => z.ZodSafeParseResult<unknown[]>;

// `account_facts` is not here: its pages are in the positional form, decoded and checked by dashboard-facts.ts.
const { organization: _organization, account_facts: _facts, ...bulk } = WorkspaceRows.shape;
const organizationRows = z.array(OrganizationRow);
const PARSERS: Record<Exclude<DashboardTable, 'account_facts'>, RowsParser> = {
  organization: (value) => organizationRows.safeParse(value),
  members: fastParser(bulk.members),
  accounts: fastParser(bulk.accounts),
  titles: fastParser(bulk.titles),
  milestones: fastParser(bulk.milestones),
  stage_changes: fastParser(bulk.stage_changes),
  snapshots: fastParser(bulk.snapshots),
  snapshot_lines: fastParser(bulk.snapshot_lines),
};

/** `text`: one page of `table` as PostgREST sent it; `offset`: its first row's place in the table, to name a misfit by its row. */
export function decodeWorkspacePage(table: DashboardTable, text: string, offset: number): PageDecoded {
  if (table === 'account_facts') return decodeAccountFactsPage(text, offset);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The workspace's ${table} could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!Array.isArray(parsed)) return { ok: false, message: `The workspace answered ${table} with something other than rows.` };
  const rows = PARSERS[table](parsed);
  if (rows.success) return { ok: true, rows: rows.data };
  const issue = rows.error.issues[0];
  const [row, ...rest] = issue?.path ?? [];
  const where = [table, typeof row === 'number' ? offset + row : row, ...rest].filter((part) => part !== undefined).map(String).join('.');
  return { ok: false, message: `The workspace's data is not as expected at ${where}: ${issue?.message ?? ''}` };
}

export type AccountFactsPage = { ok: true; rows: AccountFactsEntry[] } | { ok: false; message: string };

/**
 * One page of `dashboard_account_facts` as PostgREST sent it (a JSON array of
 * `{"facts": [...]}`) → its rows, each decoded and checked as strictly as
 * `DashboardFactsRow` checks the named form; or, for the first row that does
 * not fit, a sentence naming it (`firstRow` is the page's first row number,
 * so the message counts rows across pages). Pure: pages may be decoded in any
 * order, each as it arrives.
 */
export function decodeAccountFactsPage(text: string, firstRow = 0): AccountFactsPage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The workspace's account facts could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!Array.isArray(parsed)) return { ok: false, message: 'The workspace answered account_facts with something other than rows.' };
  const rows = new Array<AccountFactsEntry>(parsed.length);
  for (let i = 0; i < parsed.length; i += 1) {
    const row: unknown = parsed[i];
    const wire = row !== null && typeof row === 'object' ? (row as { facts?: unknown }).facts : undefined;
    const decoded = decodeDashboardFactsRow(wire);
    if (!decoded.ok) {
      const where = ['account_facts', firstRow + i, 'facts', ...decoded.path].join('.');
      const account = Array.isArray(wire) && typeof wire[0] === 'string' ? ` (account ${wire[0]})` : '';
      return { ok: false, message: `The workspace's data is not as expected at ${where}${account}: ${decoded.message}` };
    }
    rows[i] = decoded.entry;
  }
  return { ok: true, rows };
}
