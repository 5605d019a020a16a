import { describe, expect, it } from 'vitest';
import {
  AccountFacts,
  criterionIndex,
  evidenceOf,
  evaluateOpportunity,
  isMet,
  missingCriteria,
  OpportunityFacts,
  prepareFacts,
  summarizeAccount,
  unbackedCriteria,
  CRITERION_IDS,
  type OpportunityEvaluation,
} from '@/lib/pipeline';
import { AccountFactsRow, opportunityFactsOf } from '@/lib/dashboard-data/account-facts';
import {
  ADVOCACY_ASK_KINDS,
  COMMUNICATION_STEP_STATUSES,
  INTENT_SIGNAL_KINDS,
  MEETING_KINDS,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  STAKEHOLDER_INFLUENCES,
  STAKEHOLDER_POSITIONS,
  STAKEHOLDER_ROLES,
  USE_CASE_STATUSES,
} from '@/lib/pipeline/facts';
import { STAGE_IDS } from '@/lib/pipeline/stages';
import { deriveOpportunityFacts, type FactsSource } from '@/lib/facts/derive-facts';
import { recordKinds } from '@/lib/schemas/record-kinds';
import type { Opportunity } from '@/lib/schemas/opportunity';
import { applyChanges, pullAll } from './support/pull';
import { seedId } from './support/seed-ids';
import { asUser, useTestDatabase } from './support/test-database';

const db = useTestDatabase();
const ORGANIZATION = seedId('organization');
const CSM = seedId('user:csm1');
const NOW = new Date().toISOString();
/** The record kinds the facts are derived from (lib/facts/derive-facts.ts). */
const FACT_KINDS = ['goals', 'outcomes', 'use_cases', 'business_cases', 'stakeholders', 'intent_signals', 'insights', 'meetings', 'communication_steps', 'close_records'] as const;

interface Sides {
  fromView: Map<string, { raw: unknown; facts: OpportunityFacts; stageEnteredAt: Date }>;
  fromRecords: Map<string, OpportunityFacts>;
  /** `account_facts` (what the dashboard reads), joined back per opportunity by the dashboard's own code. */
  fromAccountView: Map<string, { facts: OpportunityFacts; stageEnteredAt: string }>;
  /** The ids of each account's stakeholders and insights, from `account_facts` and from the synced records. */
  accountLists: { view: Map<string, string[]>; records: Map<string, string[]> };
  milestones: { account_id: string; kind: string; reached_on: string }[];
  /** `account_facts` rows as named JSON, and `dashboard_account_facts` rows as sent, by account. */
  accountRows: { named: Map<string, unknown>; dashboard: Map<string, unknown> };
}

/** The same organization read both ways, as the seed's first CSM. */
async function readBothWays(): Promise<Sides> {
  return asUser(db.pool(), CSM, async (client) => {
    const view = await client.query<{ opportunity_id: string; facts: unknown; stage_entered_at: Date }>(
      'select opportunity_id, facts, stage_entered_at from public.opportunity_facts where organization_id = $1',
      [ORGANIZATION],
    );
    const accountView = await client.query<{ facts: unknown }>('select facts from public.account_facts where organization_id = $1', [ORGANIZATION]);
    const accountRows = accountView.rows.map((r) => AccountFactsRow.parse(r.facts));
    const dashboardView = await client.query<{ account_id: string; facts: unknown }>('select account_id, facts from public.dashboard_account_facts where organization_id = $1', [ORGANIZATION]);
    const tables = applyChanges(await pullAll(client, ORGANIZATION));
    // The records exactly as the local store holds them: pulled rows minus the
    // server's change stamps, validated with the store's own schemas.
    const records = <K extends keyof typeof recordKinds>(kind: K) =>
      [...(tables.get(kind)?.values() ?? [])].map((row) => {
        const { change_xid: _xid, change_seq: _seq, ...record } = row as Record<string, unknown>;
        return recordKinds[kind].schema.parse(record);
      });
    const source = Object.fromEntries(FACT_KINDS.map((kind) => [kind, records(kind)])) as unknown as FactsSource;
    const opportunities = records('opportunities') as Opportunity[];
    return {
      fromView: new Map(view.rows.map((r) => [r.opportunity_id, { raw: r.facts, facts: OpportunityFacts.parse(r.facts), stageEnteredAt: r.stage_entered_at }])),
      fromRecords: new Map(opportunities.map((o) => [o.id, deriveOpportunityFacts(o, source)])),
      fromAccountView: new Map(accountRows.flatMap(opportunityFactsOf).map((o) => [o.facts.opportunity.id, { facts: o.facts, stageEnteredAt: o.stage_entered_at }])),
      accountLists: {
        view: new Map(accountRows.map((row) => [row.account_id, listIds(row)])),
        records: new Map([...source.stakeholders, ...source.insights].map((r) => [r.account_id, listIds({
          stakeholders: source.stakeholders.filter((x) => x.account_id === r.account_id),
          insights: source.insights.filter((x) => x.account_id === r.account_id),
        })])),
      },
      milestones: [...(tables.get('account_milestones')?.values() ?? [])] as Sides['milestones'],
      accountRows: {
        named: new Map(accountView.rows.map((r) => [(r.facts as { account_id: string }).account_id, r.facts])),
        dashboard: new Map(dashboardView.rows.map((r) => [r.account_id, r.facts])),
      },
    };
  });
}

function listIds(lists: { stakeholders: readonly { id: string }[]; insights: readonly { id: string }[] }): string[] {
  return [...lists.stakeholders.map((s) => `stakeholder ${s.id}`), ...lists.insights.map((i) => `insight ${i.id}`)].sort();
}

/**
 * What `dashboard_account_facts` should send for a named `account_facts` row
 * (the layout of supabase/API.md), written out plainly here so the view is
 * held to an independent derivation: lists by id (uuid order is the order of
 * the lowercase text), ids dropped, links as positions (-1 when absent),
 * enums as positions in the TypeScript lists, days as day numbers.
 */
function expectedDashboardFacts(row: AccountFactsRow): unknown {
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const at = (list: readonly string[], value: string | null) => {
    if (value === null) return null;
    const index = list.indexOf(value);
    if (index < 0) throw new Error(`${value} is not among ${list.join(', ')}`);
    return index;
  };
  const day = (value: string | null) => (value === null ? null : Date.parse(`${value}T00:00:00Z`) / 86_400_000);
  const link = (ids: readonly string[], id: string) => ids.indexOf(id);
  const goals = byId(row.goals);
  const stakeholders = byId(row.stakeholders);
  return [
    row.account_id,
    goals.map((g) => [day(g.confirmed_current_on)]),
    byId(row.outcomes).map((o) => [link(goals.map((g) => g.id), o.goal_id)]),
    byId(row.use_cases).map((u) => [at(USE_CASE_STATUSES, u.status)]),
    stakeholders.map((s) => [s.roles === null ? null : s.roles.map((r) => at(STAKEHOLDER_ROLES, r)), at(STAKEHOLDER_POSITIONS, s.position), at(STAKEHOLDER_INFLUENCES, s.influence)]),
    byId(row.insights).map((i) => [day(i.shared_on)]),
    byId(row.meetings).map((m) => [at(MEETING_KINDS, m.kind), day(m.held_on)]),
    byId(row.communication_steps).map((c) => [link(stakeholders.map((s) => s.id), c.stakeholder_id), at(COMMUNICATION_STEP_STATUSES, c.status), day(c.planned_on)]),
    [...row.opportunities].sort((a, b) => (a.opportunity.id < b.opportunity.id ? -1 : 1)).map(({ opportunity: o, business_case: bc, intent_signals, close_record: cr, stage_entered_at }) => [
      [o.id, at(OPPORTUNITY_TYPES, o.type), at(OPPORTUNITY_SOURCES, o.source), at(STAGE_IDS, o.declared_stage), at(OPPORTUNITY_STATUSES, o.status), o.amount, day(o.target_date), day(o.target_date_confirmed_on)],
      bc === null ? null : [bc.goal_answered, bc.progress_answered, bc.path_answered, bc.success_answered, bc.portable],
      byId(intent_signals).map((i) => [at(INTENT_SIGNAL_KINDS, i.kind), day(i.occurred_on), i.has_next_steps_with_owners]),
      cr === null ? null : [day(cr.agreement_finalized_on), cr.close_reason_count, day(cr.win_summary_sent_on), at(ADVOCACY_ASK_KINDS, cr.advocacy_ask), cr.next_cycle_goal_count],
      stage_entered_at,
    ]),
  ];
}

/** Lists come in any order (facts.ts): compare them sorted by id. */
function canonical(facts: OpportunityFacts): OpportunityFacts {
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return {
    ...facts,
    goals: byId(facts.goals),
    outcomes: byId(facts.outcomes),
    use_cases: byId(facts.use_cases),
    stakeholders: byId(facts.stakeholders),
    intent_signals: byId(facts.intent_signals),
    insights: byId(facts.insights),
    meetings: byId(facts.meetings),
    communication_steps: byId(facts.communication_steps),
  };
}

function verdict(evaluation: OpportunityEvaluation) {
  return {
    evidenceStage: evaluation.evidenceStage,
    missing: missingCriteria(evaluation).map((i) => CRITERION_IDS[i]),
    unbacked: unbackedCriteria(evaluation).map((i) => CRITERION_IDS[i]),
  };
}

describe('opportunity_facts and the TypeScript derivation agree on the seed', () => {
  it('the view produces the facts shape key for key: parsing drops nothing and adds nothing', async () => {
    const { fromView } = await readBothWays();
    expect(fromView.size).toBe(29);
    for (const { raw, facts } of fromView.values()) expect(facts).toEqual(raw);
  });

  it('derives equal facts from the synced records, for every opportunity', async () => {
    const { fromView, fromRecords } = await readBothWays();
    expect([...fromRecords.keys()].sort()).toEqual([...fromView.keys()].sort());
    for (const [id, view] of fromView) expect(canonical(fromRecords.get(id)!), id).toEqual(canonical(view.facts));
  });

  it('account_facts, joined back by the dashboard, gives every opportunity exactly its opportunity_facts and stage date', async () => {
    const { fromView, fromAccountView } = await readBothWays();
    expect([...fromAccountView.keys()].sort()).toEqual([...fromView.keys()].sort());
    for (const [id, view] of fromView) {
      expect(canonical(fromAccountView.get(id)!.facts), id).toEqual(canonical(view.facts));
      expect(new Date(fromAccountView.get(id)!.stageEnteredAt).getTime(), id).toBe(view.stageEnteredAt.getTime());
    }
  });

  it('dashboard_account_facts gives every account exactly its named account_facts row without ids: lists by id, links as positions', async () => {
    const { accountRows } = await readBothWays();
    expect([...accountRows.dashboard.keys()].sort()).toEqual([...accountRows.named.keys()].sort());
    const links = { outcomes: 0, steps: 0 };
    for (const [id, named] of accountRows.named) {
      const row = AccountFactsRow.parse(named);
      links.outcomes += row.outcomes.length;
      links.steps += row.communication_steps.length;
      expect(accountRows.dashboard.get(id), id).toStrictEqual(expectedDashboardFacts(row));
    }
    // The links above were checked on real references, not on empty lists.
    expect(links.outcomes).toBeGreaterThanOrEqual(10);
    expect(links.steps).toBeGreaterThanOrEqual(10);
  });

  it('the dashboard form\'s enum positions are the TypeScript lists: each database enum declares its values in the same order', async () => {
    const lists: Record<string, readonly string[]> = {
      pipeline_stage: STAGE_IDS, opportunity_type: OPPORTUNITY_TYPES, opportunity_source: OPPORTUNITY_SOURCES, opportunity_status: OPPORTUNITY_STATUSES,
      use_case_status: USE_CASE_STATUSES, stakeholder_role: STAKEHOLDER_ROLES, stakeholder_position: STAKEHOLDER_POSITIONS,
      influence_level: STAKEHOLDER_INFLUENCES, intent_signal_kind: INTENT_SIGNAL_KINDS, meeting_kind: MEETING_KINDS,
      communication_step_status: COMMUNICATION_STEP_STATUSES, advocacy_ask_kind: ADVOCACY_ASK_KINDS,
    };
    const { rows } = await db.pool().query<{ name: string; labels: string[] }>(
      `select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
         from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' and t.typname = any ($1) group by t.typname`,
      [Object.keys(lists)],
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.labels]))).toEqual(Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v]])));
  });

  it('account_facts lists the stakeholders and insights of every account that has any, with or without an opportunity', async () => {
    const { accountLists, fromView } = await readBothWays();
    const withOpportunity = new Set([...fromView.values()].map((v) => v.facts.opportunity.account_id));
    const lonely = [...accountLists.records.keys()].filter((id) => !withOpportunity.has(id));
    expect(lonely.length).toBeGreaterThanOrEqual(1);
    for (const [id, records] of accountLists.records) expect(accountLists.view.get(id), id).toEqual(records);
  });

  it('lib/pipeline gives the same stage, missing and unbacked evidence from both', async () => {
    const { fromView, fromRecords } = await readBothWays();
    for (const [id, view] of fromView) {
      expect(verdict(evaluateOpportunity(prepareFacts(fromRecords.get(id)!), { now: NOW })), id).toEqual(verdict(evaluateOpportunity(prepareFacts(view.facts), { now: NOW })));
    }
  });

  it('the seed covers every evidence stage and every flag the dashboard shows', async () => {
    const { fromView, milestones } = await readBothWays();
    const evaluations = [...fromView.values()].map((v) => ({ ...v, evaluation: evaluateOpportunity(prepareFacts(v.facts), { now: NOW }) }));
    const stages = new Set(evaluations.map((e) => e.evaluation.evidenceStage));
    expect([...stages].sort()).toEqual(['advocate', 'align', 'complete', 'identify', 'intent', 'net_revenue_close']);

    const unbackedIntent = evaluations.filter((e) => e.facts.opportunity.declared_stage === 'intent' && e.evaluation.declaredAhead);
    expect(unbackedIntent.length).toBeGreaterThanOrEqual(2);
    const staleGoal = evaluations.filter((e) => {
      const goalCurrent = criterionIndex('goal_current');
      return !isMet(e.evaluation, goalCurrent) && evidenceOf(e.evaluation, goalCurrent).length > 0;
    });
    expect(staleGoal.length).toBeGreaterThanOrEqual(1);
    const stalled = evaluations.filter((e) => e.facts.opportunity.status === 'open' && Date.now() - e.stageEnteredAt.getTime() > 90 * 86_400_000);
    expect(stalled.length).toBeGreaterThanOrEqual(3);
    const wonWithAsk = evaluations.filter((e) => e.facts.opportunity.status === 'won' && e.facts.close_record?.advocacy_ask);
    expect(wonWithAsk.length).toBeGreaterThanOrEqual(1);
    expect(evaluations.some((e) => e.facts.opportunity.status === 'lost')).toBe(true);

    const accounts = new Map<string, OpportunityFacts[]>();
    for (const e of evaluations) accounts.set(e.facts.opportunity.account_id, [...(accounts.get(e.facts.opportunity.account_id) ?? []), e.facts]);
    const summaries = [...accounts].map(([accountId, opportunities]) =>
      summarizeAccount(
        AccountFacts.parse({
          account: { id: accountId, milestones: milestones.filter((m) => m.account_id === accountId).map((m) => ({ kind: m.kind, reached_on: m.reached_on })) },
          stakeholders: opportunities[0]!.stakeholders,
          opportunities,
        }),
        { now: NOW },
      ),
    );
    expect(summaries.filter((s) => s.headline && s.flags.singleThreaded).length).toBeGreaterThanOrEqual(2);
  });
});

describe('parity holds on inputs written to trip it', () => {
  it('whitespace-only answers, empty lists and a deleted stakeholder are judged alike', async () => {
    const account = seedId('account:8');
    const opportunity = seedId('opportunity:8');
    await asUser(db.pool(), seedId('user:manager'), async (client) => {
      const call = (fn: string, payload: object) => client.query(`select public.${fn}($1::jsonb)`, [JSON.stringify(payload)]);
      await call('save_business_case', {
        id: seedId('parity:bc'), account_id: account, opportunity_id: opportunity,
        goal_answer: ' \t\n', progress_answer: '\u00a0', path_answer: 'x', success_answer: null, portable: true,
      });
      await call('save_close_record', { id: seedId('parity:close'), account_id: account, opportunity_id: opportunity, outcome: 'lost', close_reasons: [] });
      await call('delete_record', { kind: 'stakeholders', id: seedId('stakeholder:8:2') });
    });
    const { fromView, fromRecords } = await readBothWays();
    const view = fromView.get(opportunity)!.facts;
    expect(view.business_case).toMatchObject({ goal_answered: false, progress_answered: true, path_answered: true, success_answered: false });
    expect(view.stakeholders.map((s) => s.id)).not.toContain(seedId('stakeholder:8:2'));
    expect(canonical(fromRecords.get(opportunity)!)).toEqual(canonical(view));
  });
});
