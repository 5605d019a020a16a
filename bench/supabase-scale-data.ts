import { createHash } from 'node:crypto';

/**
 * The synthetic organization of the scale benchmark, built in SQL with
 * generate_series (seconds, not minutes). Ids are md5-derived so the
 * benchmark can name an account without asking the database.
 *
 * Per account: 1 domain, 4 stakeholders (each with an address at the
 * account's domain, as stakeholders logged from threads have), 2 opportunities, 2 goals, 2 outcomes,
 * 2 use cases, 4 insights, 2 meetings (with attendees), 2 communication steps;
 * per opportunity: 1 business case, 4 intent signals; the second opportunity
 * of each account is closed (won or lost) with a close record. 20,000 accounts → 40,000 opportunities and 500,000
 * evidence records (plus 40,000 stage changes the trigger appends).
 */
function uuidOf(label: string): string {
  const hex = createHash('md5').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const syntheticIds = {
  organization: uuidOf('bench:organization'),
  csm: uuidOf('bench:user:csm:1'),
  account: (i: number) => uuidOf(`bench:account:${i}`),
};

/** The organization's SQL for `accounts` accounts (the scale benchmark's is 20,000; everything else is per account). */
export function syntheticOrganizationSql(accounts = 20_000): string {
  const ACCOUNTS = accounts;
  return `
create function pg_temp.bid(label text) returns uuid language sql immutable as $$ select md5('bench:' || label)::uuid $$;

insert into auth.users (id, email, email_confirmed_at)
select pg_temp.bid('user:csm:' || i), 'csm' || i || '@vendor.example', now() from generate_series(1, 10) i;
insert into auth.users (id, email, email_confirmed_at) values (pg_temp.bid('user:admin'), 'admin@vendor.example', now());

insert into public.organizations (id, name, created_by) values (pg_temp.bid('organization'), 'Synthetic Vendor', pg_temp.bid('user:admin'));
insert into public.members (organization_id, user_id, email, role, created_by)
select pg_temp.bid('organization'), pg_temp.bid('user:csm:' || i), 'csm' || i || '@vendor.example', 'csm', pg_temp.bid('user:admin')
from generate_series(1, 10) i;

create temp table acct as
select i, pg_temp.bid('account:' || i) as id, pg_temp.bid('user:csm:' || (1 + i % 10)) as owner from generate_series(1, ${ACCOUNTS}) i;

insert into public.accounts (id, organization_id, name, owner_id, arr, renewal_on, created_by)
select id, pg_temp.bid('organization'), 'Customer ' || i, owner, 10000 + i % 500 * 1000, current_date + i % 365, owner from acct;
insert into public.account_domains (organization_id, account_id, domain, created_by)
select pg_temp.bid('organization'), id, 'customer-' || i || '.example', owner from acct;
insert into public.stakeholders (id, organization_id, account_id, name, email, roles, position, influence, created_by)
select pg_temp.bid('stakeholder:' || a.i || ':' || k), pg_temp.bid('organization'), a.id, 'Person ' || k,
       'person' || k || '@customer-' || a.i || '.example',
       array[(array['executive_sponsor', 'budget_owner', 'approver', 'end_user'])[k]]::public.stakeholder_role[],
       (array['sponsor', 'supporter', 'needs_education', 'unknown'])[k]::public.stakeholder_position,
       (array['high', 'high', 'medium', 'low'])[k]::public.influence_level, a.owner
from acct a, generate_series(1, 4) k;

insert into public.opportunities (id, organization_id, account_id, title, type, source, declared_stage, status, amount, target_date, created_by)
select pg_temp.bid('opportunity:' || a.i || ':' || k), pg_temp.bid('organization'), a.id, 'Motion ' || k,
       (array['renewal', 'expansion'])[k]::public.opportunity_type, 'future_need',
       (array['identify', 'align', 'advocate', 'intent', 'net_revenue_close'])[1 + (a.i + k) % 5]::public.pipeline_stage,
       case when k = 1 then 'open' when a.i % 2 = 0 then 'won' else 'lost' end::public.opportunity_status,
       5000 + a.i % 100 * 100, current_date + a.i % 200, a.owner
from acct a, generate_series(1, 2) k;

insert into public.goals (id, organization_id, account_id, statement, confirmed_current_on, created_by)
select pg_temp.bid('goal:' || a.i || ':' || k), pg_temp.bid('organization'), a.id, 'Goal ' || k, current_date - (a.i + k) % 200, a.owner
from acct a, generate_series(1, 2) k;
insert into public.outcomes (organization_id, account_id, goal_id, summary, created_by)
select pg_temp.bid('organization'), a.id, pg_temp.bid('goal:' || a.i || ':' || k), 'Progress ' || k, a.owner
from acct a, generate_series(1, 2) k;
insert into public.use_cases (organization_id, account_id, name, status, created_by)
select pg_temp.bid('organization'), a.id, 'Use case ' || k, (array['active', 'discussed_not_active'])[k]::public.use_case_status, a.owner
from acct a, generate_series(1, 2) k;
insert into public.insights (organization_id, account_id, kind, summary, shared_on, created_by)
select pg_temp.bid('organization'), a.id, 'adoption_progress', 'Insight ' || k, current_date - (a.i * k) % 150, a.owner
from acct a, generate_series(1, 4) k;
insert into public.meetings (organization_id, account_id, kind, held_on, stakeholder_ids, created_by)
select pg_temp.bid('organization'), a.id, (array['alignment_meeting', 'executive_conversation'])[k]::public.meeting_kind, current_date - (a.i + k) % 90,
       array[pg_temp.bid('stakeholder:' || a.i || ':1'), pg_temp.bid('stakeholder:' || a.i || ':2')], a.owner
from acct a, generate_series(1, 2) k;
insert into public.communication_steps (organization_id, account_id, stakeholder_id, purpose, planned_on, created_by)
select pg_temp.bid('organization'), a.id, pg_temp.bid('stakeholder:' || a.i || ':' || k), 'Next conversation', current_date + k, a.owner
from acct a, generate_series(1, 2) k;
insert into public.business_cases (organization_id, account_id, opportunity_id, goal_answer, progress_answer, path_answer, success_answer, portable, created_by)
select pg_temp.bid('organization'), a.id, pg_temp.bid('opportunity:' || a.i || ':' || k), 'Goal', 'Progress', case when a.i % 3 = 0 then null else 'Path' end, 'Success', a.i % 2 = 0, a.owner
from acct a, generate_series(1, 2) k;
insert into public.intent_signals (organization_id, account_id, opportunity_id, kind, occurred_on, has_next_steps_with_owners, created_by)
select pg_temp.bid('organization'), a.id, pg_temp.bid('opportunity:' || a.i || ':' || k),
       (array['decision_timing_known', 'budget_owner_identified', 'approval_path_mapped', 'verbal_commitment'])[s]::public.intent_signal_kind,
       current_date - s, s = 4, a.owner
from acct a, generate_series(1, 2) k, generate_series(1, 4) s;
insert into public.close_records (organization_id, account_id, opportunity_id, outcome, agreement_finalized_on, close_reasons, next_cycle_goals, created_by)
select pg_temp.bid('organization'), a.id, pg_temp.bid('opportunity:' || a.i || ':2'),
       case when a.i % 2 = 0 then 'won' else 'lost' end::public.opportunity_status, current_date - 10, array['Value delivered'], array['Next goal'], a.owner
from acct a;
`;
}

export const SYNTHETIC_ORGANIZATION_SQL = syntheticOrganizationSql();
