import { z } from 'zod';
import { DashboardAccount, DashboardInput, DashboardOpportunity, parseDashboardInput } from '../dashboard/input';
import type { InsightFact, OpportunityFacts, StakeholderFact } from '../pipeline/facts';
import type { HandoffPayload } from './handoff';
import { fastParser } from '../zod-fast-check';
import { inputFromWorkspaceRows, OrganizationRow, WorkspaceRows } from './workspace-rows';
import { decodeAccountFactsPage } from './account-facts';

/**
 * The input, its facts already checked with the `account_facts` rows
 * (everything else is checked here). Checking the same 500,000 evidence
 * records twice would double the page's longest step: zod runs without its
 * compiler in extension pages (lib/zod-jitless.ts).
 */
const InputWithCheckedFacts = DashboardInput.extend({
  accounts: z.array(DashboardAccount.extend({ stakeholders: z.custom<StakeholderFact[]>(), insights: z.custom<InsightFact[]>() })),
  opportunities: z.array(DashboardOpportunity.extend({ facts: z.custom<OpportunityFacts>() })),
});

/**
 * The bulk is checked with the fast checks of these same schemas (lib/zod-fast-check.ts),
 * zod itself running only on data they do not pass as it is (to strip, fill in, or name
 * the problem). The organization row (one, with a default) is zod's alone.
 */
const parseBulkRows = fastParser(WorkspaceRows.omit({ organization: true }));
const parseInput = fastParser(InputWithCheckedFacts);

/**
 * The page's side of the handoff: the text the background left, parsed once and
 * validated (the rows with workspace-rows.ts, the whole input with
 * `parseDashboardInput`), or a sentence saying what did not fit.
 */
export type Decoded = { ok: true; input: DashboardInput } | { ok: false; message: string };

export function decodeHandoff(payload: HandoffPayload): Decoded {
  try {
    if (payload.kind === 'input') return parseDashboardInput(JSON.parse(payload.json));
    const tables: Record<string, unknown[]> = {};
    for (const [table, pages] of Object.entries(payload.pages)) {
      const rows: unknown[] = [];
      for (const page of pages) {
        if (table === 'account_facts') {
          // Compact rows, decoded and checked as they are parsed (account-facts.ts).
          const facts = decodeAccountFactsPage(page, rows.length);
          if (!facts.ok) return facts;
          for (const row of facts.rows) rows.push(row);
          continue;
        }
        const parsed: unknown = JSON.parse(page);
        if (!Array.isArray(parsed)) return { ok: false, message: `The workspace answered ${table} with something other than rows.` };
        for (const row of parsed) rows.push(row);
      }
      tables[table] = rows;
    }
    // For the page benchmark: the text parsed, the schemas not yet run.
    performance.mark('dashboard:parsed');
    const [organization] = tables.organization ?? [];
    if (!organization) return { ok: false, message: 'The organization could not be read: you may no longer be a member.' };
    const organizationRow = OrganizationRow.safeParse(organization);
    if (!organizationRow.success) return misfit(['organization'], organizationRow.error);
    const { organization: _organization, ...bulk } = tables;
    const rows = parseBulkRows(bulk);
    if (!rows.success) return misfit([], rows.error);
    const input = parseInput(inputFromWorkspaceRows({ ...rows.data, organization: organizationRow.data }, payload.now));
    if (!input.success) {
      const issue = input.error.issues[0];
      return { ok: false, message: `Dashboard input is not valid at ${issue?.path.join('.') ?? 'input'}: ${issue?.message ?? ''}` };
    }
    return { ok: true, input: input.data as DashboardInput };
  } catch (error) {
    return { ok: false, message: `The dashboard data could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function misfit(where: readonly PropertyKey[], error: z.ZodError): Decoded {
  const issue = error.issues[0];
  return { ok: false, message: `The workspace's data is not as expected at ${[...where, ...(issue?.path ?? [])].map(String).join('.') || '?'}: ${issue?.message ?? ''}` };
}
