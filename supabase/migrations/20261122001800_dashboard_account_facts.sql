-- `dashboard_account_facts`: the facts the dashboard's stage rules read, one
-- row per account, without the evidence records' ids. It replaces
-- `account_facts_compact` (20261122001600), whose 40 MB at 20,000 accounts
-- were 72% record ids (~760,000 uuids of 38 bytes with their quotes). The
-- dashboard never shows an evidence record's id and never looks one up: the
-- only use it had for them was to follow an outcome to its goal and a
-- communication step to its stakeholder. Here those two references are
-- written as positions in the account's list instead, so no evidence id
-- travels:
--
-- - every list is in `id` order (uuid order, which is the order of the
--   lowercase hex text), so a position means the same thing to every reader;
-- - a link (an outcome's goal, a step's stakeholder) is the 0-based position
--   of the named record in its list of this account, -1 when the reference
--   is null or names no record of that list (the foreign keys make neither
--   happen today; a reader must not be handed an index that is not there);
-- - the opportunity keeps its id (the dashboard opens it) and loses its
--   `account_id`, which is the row's;
-- - everything else as in account_facts_compact: enums as their position in
--   the type's declared order, days as day numbers since 1970-01-01 (an
--   infinite date stays its text, which readers refuse), no whitespace.
--
-- Layout in supabase/API.md; tests/db/facts-parity.test.ts holds every row
-- equal to the named row of `account_facts`. The cache keeps this form only,
-- refreshed in the writer's transaction as before; `account_facts` (named,
-- with ids, for Studio and anyone reading by name) is unchanged.

-- The old compact form goes first: its column is `not null`, and the
-- refresh replaced below no longer writes it.
drop view public.account_facts_compact;
alter table private.account_facts_cache drop column compact_facts;
alter table private.account_facts_cache add column dashboard_facts json compression lz4;

create function private.dashboard_account_facts_of(accounts uuid[])
returns table (account_id uuid, organization_id uuid, facts json)
-- plpgsql, not sql: its plan is kept per connection (see 20261122001500).
language plpgsql
stable
set search_path = ''
as $$
begin
  return query
  select a.id, a.organization_id, (
    '[' || pg_catalog.to_json(a.id)::text
    -- goals: [confirmed_current_on]
    || ',[' || coalesce(g.items, '') || ']'
    -- outcomes: [goal], a position in the goals above
    || ',[' || coalesce((select pg_catalog.string_agg('[' || coalesce(pg_catalog.array_position(g.ids, x.goal_id) - 1, -1)::text || ']', ',' order by x.id)
        from public.outcomes x where x.account_id = a.id), '') || ']'
    -- use_cases: [status]
    || ',[' || coalesce((select pg_catalog.string_agg('['
          || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.status), x.status) - 1)::text, 'null') || ']', ',' order by x.id)
        from public.use_cases x where x.account_id = a.id), '') || ']'
    -- stakeholders: [[role, ...], position, influence]
    || ',[' || coalesce(s.items, '') || ']'
    -- insights: [shared_on]
    || ',[' || coalesce((select pg_catalog.string_agg('['
          || case when x.shared_on is null then 'null' when pg_catalog.isfinite(x.shared_on) then (x.shared_on - date '1970-01-01')::text else pg_catalog.to_json(x.shared_on)::text end
          || ']', ',' order by x.id)
        from public.insights x where x.account_id = a.id), '') || ']'
    -- meetings: [kind, held_on]
    || ',[' || coalesce((select pg_catalog.string_agg('['
          || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.kind), x.kind) - 1)::text, 'null')
          || ',' || case when x.held_on is null then 'null' when pg_catalog.isfinite(x.held_on) then (x.held_on - date '1970-01-01')::text else pg_catalog.to_json(x.held_on)::text end
          || ']', ',' order by x.id)
        from public.meetings x where x.account_id = a.id), '') || ']'
    -- communication_steps: [stakeholder, status, planned_on], stakeholder a position in the stakeholders above
    || ',[' || coalesce((select pg_catalog.string_agg('[' || coalesce(pg_catalog.array_position(s.ids, x.stakeholder_id) - 1, -1)::text
          || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.status), x.status) - 1)::text, 'null')
          || ',' || case when x.planned_on is null then 'null' when pg_catalog.isfinite(x.planned_on) then (x.planned_on - date '1970-01-01')::text else pg_catalog.to_json(x.planned_on)::text end
          || ']', ',' order by x.id)
        from public.communication_steps x where x.account_id = a.id), '') || ']'
    -- opportunities, in id order: [opportunity, business_case, intent_signals, close_record, stage_entered_at]
    || ',[' || coalesce((select pg_catalog.string_agg(o.facts, ',' order by o.id)
        from private.dashboard_opportunity_facts_of(a.id) o), '') || ']'
    || ']')::json
  from public.accounts a
  -- The two lists other records link into, read once each: their text and
  -- their ids in the same order, so a link is one array_position in a
  -- handful of ids (not a second read of the list per outcome or step).
  cross join lateral (
    select pg_catalog.array_agg(x.id order by x.id) as ids,
      pg_catalog.string_agg('['
        || case when x.confirmed_current_on is null then 'null' when pg_catalog.isfinite(x.confirmed_current_on) then (x.confirmed_current_on - date '1970-01-01')::text else pg_catalog.to_json(x.confirmed_current_on)::text end
        || ']', ',' order by x.id) as items
    from public.goals x where x.account_id = a.id
  ) g
  cross join lateral (
    select pg_catalog.array_agg(x.id order by x.id) as ids,
      pg_catalog.string_agg('['
        || coalesce('[' || (select pg_catalog.string_agg((pg_catalog.array_position(pg_catalog.enum_range(r.role), r.role) - 1)::text, ',' order by r.n)
              from unnest(x.roles) with ordinality as r(role, n)) || ']', case when x.roles is null then 'null' else '[]' end)
        || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.position), x.position) - 1)::text, 'null')
        || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.influence), x.influence) - 1)::text, 'null') || ']', ',' order by x.id) as items
    from public.stakeholders x where x.account_id = a.id
  ) s
  where a.id = any (accounts);
end
$$;

-- The own part of each opportunity of one account, without record ids; the
-- same values as private.opportunity_compact_of (20261122001600) wrote. A
-- function of its own, called per account, for the reason given there
-- (inline, the same work took half as long again).
create function private.dashboard_opportunity_facts_of(account uuid)
returns table (id uuid, facts text)
language plpgsql
stable
set search_path = ''
as $$
begin
  return query
  select o.id,
    -- opportunity: [id, type, source, declared_stage, status, amount, target_date, target_date_confirmed_on]
    '[[' || pg_catalog.to_json(o.id)::text
    || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(o.type), o.type) - 1)::text, 'null')
    || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(o.source), o.source) - 1)::text, 'null')
    || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(o.declared_stage), o.declared_stage) - 1)::text, 'null')
    || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(o.status), o.status) - 1)::text, 'null')
    || ',' || coalesce(pg_catalog.to_json(o.amount)::text, 'null')
    || ',' || case when o.target_date is null then 'null' when pg_catalog.isfinite(o.target_date) then (o.target_date - date '1970-01-01')::text else pg_catalog.to_json(o.target_date)::text end
    || ',' || case when o.target_date_confirmed_on is null then 'null' when pg_catalog.isfinite(o.target_date_confirmed_on) then (o.target_date_confirmed_on - date '1970-01-01')::text else pg_catalog.to_json(o.target_date_confirmed_on)::text end
    || ']'
    -- business_case: [goal_answered, progress_answered, path_answered, success_answered, portable] or null
    || ',' || coalesce((select '['
          || coalesce(x.goal_answer ~ '[^ \t\n\r\f\v]', false)::text
          || ',' || coalesce(x.progress_answer ~ '[^ \t\n\r\f\v]', false)::text
          || ',' || coalesce(x.path_answer ~ '[^ \t\n\r\f\v]', false)::text
          || ',' || coalesce(x.success_answer ~ '[^ \t\n\r\f\v]', false)::text
          || ',' || coalesce(x.portable::text, 'null') || ']'
        from public.business_cases x where x.opportunity_id = o.id), 'null')
    -- intent_signals, in id order: [[kind, occurred_on, has_next_steps_with_owners], ...]
    || ',[' || coalesce((select pg_catalog.string_agg('['
          || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.kind), x.kind) - 1)::text, 'null')
          || ',' || case when x.occurred_on is null then 'null' when pg_catalog.isfinite(x.occurred_on) then (x.occurred_on - date '1970-01-01')::text else pg_catalog.to_json(x.occurred_on)::text end
          || ',' || coalesce(x.has_next_steps_with_owners::text, 'null') || ']', ',' order by x.id)
        from public.intent_signals x where x.opportunity_id = o.id), '') || ']'
    -- close_record: [agreement_finalized_on, close_reason_count, win_summary_sent_on, advocacy_ask, next_cycle_goal_count] or null
    || ',' || coalesce((select '['
          || case when x.agreement_finalized_on is null then 'null' when pg_catalog.isfinite(x.agreement_finalized_on) then (x.agreement_finalized_on - date '1970-01-01')::text else pg_catalog.to_json(x.agreement_finalized_on)::text end
          || ',' || coalesce(pg_catalog.cardinality(x.close_reasons)::text, 'null')
          || ',' || case when x.win_summary_sent_on is null then 'null' when pg_catalog.isfinite(x.win_summary_sent_on) then (x.win_summary_sent_on - date '1970-01-01')::text else pg_catalog.to_json(x.win_summary_sent_on)::text end
          || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.advocacy_ask), x.advocacy_ask) - 1)::text, 'null')
          || ',' || coalesce(pg_catalog.cardinality(x.next_cycle_goals)::text, 'null') || ']'
        from public.close_records x where x.opportunity_id = o.id), 'null')
    -- stage_entered_at, printed as account_facts prints it
    || ',' || coalesce(pg_catalog.to_json(o.stage_entered_at)::text, 'null')
    || ']'
  from public.opportunities o
  where o.account_id = account;
end
$$;

-- The refresh of 20261122001600 (same lock, same order), keeping the
-- dashboard's form of each account's row.
create or replace function private.refresh_opportunity_facts(accounts uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_catalog.pg_advisory_xact_lock(21315, pg_catalog.hashtext(a.id::text))
  from (select distinct u.id from unnest(accounts) as u(id) order by u.id) as a;
  delete from private.opportunity_facts_cache c where c.account_id = any (accounts);
  insert into private.opportunity_facts_cache (opportunity_id, organization_id, account_id, stage_entered_at, facts)
  select f.opportunity_id, f.organization_id, f.account_id, f.stage_entered_at, f.facts from private.facts_of_accounts(accounts) f;
  delete from private.account_facts_cache c where c.account_id = any (accounts);
  insert into private.account_facts_cache (account_id, organization_id, dashboard_facts)
  select f.account_id, f.organization_id, f.facts from private.dashboard_account_facts_of(accounts) f;
end
$$;

-- Nothing else calls the compact builders (the refresh above was their only caller).
drop function private.account_facts_compact_of(uuid[]);
drop function private.opportunity_compact_of(uuid);

-- What is already recorded when this migration runs; then every row has its dashboard form.
select private.refresh_opportunity_facts(array(select a.id from public.accounts a));
alter table private.account_facts_cache alter column dashboard_facts set not null;

-- Columns: `account_id`, `organization_id` and `facts` (see above and
-- supabase/API.md). Filter by `organization_id` or `account_id`; order by
-- `account_id` to page (the `(organization_id, account_id)` index of
-- 20261122001600 finds a range). Readable by the same members as
-- `account_facts` (the cache's policy, the reader's rights).
create view public.dashboard_account_facts
with (security_invoker = true)
as
select c.account_id, c.organization_id, c.dashboard_facts as facts
from private.account_facts_cache c;

comment on view public.dashboard_account_facts is
  'The facts the dashboard''s stage rules read, one row per account, as compact lists without record ids (an outcome points at its goal, a step at its stakeholder, by position). Browse account_facts to read the same facts by name, with ids.';
comment on column public.dashboard_account_facts.facts is
  'Positional: [account_id, goals, outcomes, use_cases, stakeholders, insights, meetings, communication_steps, opportunities], every list in id order; layout in supabase/API.md.';

revoke all on public.dashboard_account_facts from anon, authenticated, service_role;
grant select on public.dashboard_account_facts to authenticated, service_role;
