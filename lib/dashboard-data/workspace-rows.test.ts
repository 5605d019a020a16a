import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { computeDashboard, indexDashboard } from '../dashboard';
import { bareFacts, uuidFor } from '../pipeline/testing/facts-factory';
import { dashboardFactsOf, type AccountFactsRow } from './account-facts';
import { createWorkspaceAssembler } from './assemble';
import { decodeHandoff } from './decode';
import { DASHBOARD_TABLES } from './stream-messages';
import { clearHandoffs, putHandoff, readHandoff, readLastHandoff } from './handoff';
import type { WorkspaceRows } from './workspace-rows';

const ORG = uuidFor(0xabc);
const ACCOUNT = uuidFor(0x100);
const LONELY = uuidFor(0x101);

function rows(organization: Record<string, unknown>): Record<string, unknown[]> {
  const open = bareFacts({ opportunity: { id: uuidFor(0x200), account_id: ACCOUNT, declared_stage: 'intent', amount: 9000, target_date: '2026-11-18' } });
  return {
    organization: [organization],
    members: [],
    accounts: [
      { id: ACCOUNT, name: 'Orbit', owner_id: null, arr: 1000, renewal_on: null },
      { id: LONELY, name: 'Lonely', owner_id: null, arr: 500, renewal_on: null },
    ],
    // Without ids, as dashboard_account_facts sends them.
    account_facts: [
      { facts: accountRow(ACCOUNT, { opportunities: [{ opportunity: open.opportunity, business_case: null, intent_signals: [], close_record: null, stage_entered_at: '2026-09-01T10:00:00+00:00' }] }) },
      { facts: accountRow(LONELY, { stakeholders: [{ id: uuidFor(0x300), roles: [], position: 'sponsor', influence: 'high' }] }) },
    ],
    titles: [{ id: open.opportunity.id, title: 'Renewal 2027' }],
    milestones: [],
    stage_changes: [],
    snapshots: [{ id: uuidFor(0x400), week_start: '2026-11-16', taken_at: '2026-11-16T08:00:00+00:00' }],
    snapshot_lines: [
      { snapshot_id: uuidFor(0x400), week_start: '2026-11-16', opportunity_id: open.opportunity.id, account_id: ACCOUNT, type: 'renewal', amount: 9000, target_date: '2026-11-18', facts: open },
    ],
  } satisfies Record<keyof WorkspaceRows, unknown[]>;
}

/** A `dashboard_account_facts` row's facts: empty lists unless given. */
function accountRow(accountId: string, parts: Partial<AccountFactsRow>): unknown {
  return dashboardFactsOf({ account_id: accountId, goals: [], outcomes: [], use_cases: [], stakeholders: [], insights: [], meetings: [], communication_steps: [], opportunities: [], ...parts });
}

function decode(organization: Record<string, unknown>) {
  const pages = Object.fromEntries(Object.entries(rows(organization)).map(([table, list]) => [table, [JSON.stringify(list)]]));
  const decoded = decodeHandoff({ kind: 'workspace', organization: ORG, now: '2026-11-22T12:00:00Z', pages });
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.source;
}

describe('the workspace rows become the dashboard input', () => {
  it('takes the stall threshold from the organization, 30 days when the column is not there yet', () => {
    const base = { id: ORG, name: 'Brightpath', goal_current_days: 90, insight_shared_days: 90 };
    expect(decode(base).settings.stall_threshold_days).toBe(30);
    expect(decode({ ...base, stall_threshold_days: 120 }).settings.stall_threshold_days).toBe(120);
    expect(computeDashboard(indexDashboard(decode(base))).stalled.map((s) => s.title)).toEqual(['Renewal 2027']);
    expect(computeDashboard(indexDashboard(decode({ ...base, stall_threshold_days: 120 }))).stalled).toEqual([]);
  });

  it('keeps the stakeholders of an account with no opportunity, and judges snapshot lines at their snapshot time', () => {
    const source = decode({ id: ORG, name: 'Brightpath', goal_current_days: 90, insight_shared_days: 90 });
    const dashboard = computeDashboard(indexDashboard(source), { period_from: '2026-11-01', period_to: '2026-11-22' });
    expect(dashboard.single_threaded.map((a) => a.account_name)).toEqual(['Orbit', 'Lonely']);
    expect(dashboard.single_threaded.find((a) => a.account_name === 'Lonely')).toMatchObject({ has_sponsor: true, engaged_stakeholders: 1 });
    // Declared at Intent with no evidence: forecast, not backed.
    expect(dashboard.forecast).toEqual([expect.objectContaining({ week_start: '2026-11-16', forecast_amount: 9000, backed_amount: 0 })]);
  });

  it('names what does not fit instead of throwing', () => {
    const pages = { ...Object.fromEntries(Object.entries(rows({ id: ORG, name: 'x' })).map(([t, l]) => [t, [JSON.stringify(l)]])), accounts: ['[{"id": "not-a-uuid"}]'] };
    const decoded = decodeHandoff({ kind: 'workspace', organization: ORG, now: '2026-11-22', pages });
    expect(decoded).toEqual({ ok: false, message: expect.stringContaining('accounts.0') });
    // An outcome whose goal link points past the account's (empty) list of goals.
    const broken = accountRow(LONELY, { outcomes: [{ id: uuidFor(0x500), goal_id: uuidFor(0x501) }] }) as unknown[][];
    (broken[2] as unknown[][])[0]![0] = 0;
    const misfit = decodeHandoff({ kind: 'workspace', organization: ORG, now: '2026-11-22', pages: { ...pages, accounts: [JSON.stringify(rows({ id: ORG, name: 'x' }).accounts)], account_facts: [JSON.stringify([{ facts: broken }])] } });
    expect(misfit).toEqual({ ok: false, message: expect.stringContaining("account_facts.0.facts.outcomes (account " + LONELY + "): outcome 0 links to position 0, past the end of the account's 0 goals") });
    expect(decodeHandoff({ kind: 'input', json: '{not json' })).toEqual({ ok: false, message: expect.stringContaining('could not be read') });
  });
});

describe('pages decoded as they arrive (the stream)', () => {
  const organization = { id: ORG, name: 'Brightpath', goal_current_days: 90, insight_shared_days: 90 };

  it('gives the same input whatever order the pages come in and wherever a table is cut', () => {
    const whole = decode(organization);
    const assembler = createWorkspaceAssembler();
    const all = rows(organization);
    // Every table cut into one-row pages, handed over last page first.
    for (const table of DASHBOARD_TABLES) {
      const list = all[table]!;
      if (list.length === 0) assembler.add(table, 0, 0, '[]');
      for (let i = list.length - 1; i >= 0; i -= 1) expect(assembler.add(table, i, i, JSON.stringify([list[i]]))).toBe(1);
    }
    expect(assembler.finish('2026-11-22T12:00:00Z')).toEqual({ ok: true, source: whole });
  });

  it('names a misfit in a later page by its row in the table, and refuses a read with a page missing', () => {
    const all = rows(organization);
    const assembler = createWorkspaceAssembler();
    expect(assembler.add('titles', 0, 0, JSON.stringify(all.titles))).toBe(1);
    expect(assembler.add('titles', 1, 1000, '[{"id": "x", "account_id": "y", "title": "z"}]')).toBeNull();
    expect(assembler.failure).toMatch(/titles\.1000\.id/);
    expect(assembler.finish('2026-11-22T12:00:00Z')).toEqual({ ok: false, message: assembler.failure });

    const gap = createWorkspaceAssembler();
    for (const table of DASHBOARD_TABLES) gap.add(table, 0, 0, JSON.stringify(all[table]));
    gap.add('accounts', 2, 2000, '[]');
    expect(gap.finish('2026-11-22T12:00:00Z')).toEqual({ ok: false, message: 'Page 2 of accounts is missing.' });
    const none = createWorkspaceAssembler();
    none.add('organization', 0, 0, JSON.stringify(all.organization));
    expect(none.finish('2026-11-22T12:00:00Z')).toEqual({ ok: false, message: 'The workspace sent no members.' });
  });
});

describe('the handoff', () => {
  it('keeps the last read only: a newer one replaces an older one, and reading keeps it', async () => {
    await putHandoff('first', { kind: 'input', json: '{"a":1}' }, { source: 'solo' });
    expect((await readLastHandoff())?.id).toBe('first');
    await putHandoff('second', { kind: 'input', json: '{"a":2}' }, { source: 'solo' });
    expect(await readHandoff('first')).toBeNull();
    expect((await readHandoff('second'))?.payload).toEqual({ kind: 'input', json: '{"a":2}' });
    expect(await readLastHandoff()).toMatchObject({ id: 'second', answer: { source: 'solo' }, payload: { kind: 'input', json: '{"a":2}' } });
  });

  it('is cleared on sign-out', async () => {
    await putHandoff('left', { kind: 'input', json: '{}' }, null);
    await clearHandoffs();
    expect(await readHandoff('left')).toBeNull();
    expect(await readLastHandoff()).toBeNull();
  });
});
