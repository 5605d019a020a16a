-- `account_facts_compact`: the rows of `account_facts` in a compact form,
-- for the dashboard, which reads every account of the organization at once
-- (issue 9). As named JSON, each record repeats its key names and PostgreSQL
-- adds whitespace after every key and comma: at 20,000 accounts that was
-- 93 MB (4.6 KB an account: 1.8 KB of key names, 0.4 KB of whitespace) to
-- build, send, parse and check on every open. The compact form writes the
-- same facts positionally, with no whitespace:
--
-- - an object is a JSON array of its values in the order of its keys in
--   lib/pipeline/facts.ts (`AccountFactsRow` of
--   lib/dashboard-data/account-facts.ts); a field is only ever appended, so
--   an older reader, which ignores values past the ones it knows, keeps
--   working;
-- - an enum value is its position in the type's declared order, from 0
--   (`enum_range`), which the TypeScript lists follow (a test holds them
--   equal);
-- - a calendar day is its number of days since 1970-01-01 (an infinite date,
--   which no reader accepts, stays its text and is refused by the reader);
-- - ids, the stage timestamp, amounts, counts and flags are written as in
--   `account_facts`.
--
-- Decoding it (lib/zod-positional.ts) gives exactly the `facts` of the same
-- row of `account_facts` (tests/db/facts-parity.test.ts), checked as strictly.
-- It is what the cache now keeps (the named form is built when read, below),
-- refreshed by the writer's refresh in its transaction as before, and
-- reading it is a plain scan: its text is handed out as stored.

create function private.account_facts_compact_of(accounts uuid[])
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
    -- goals: [id, confirmed_current_on]
    || ',[' || coalesce((select pg_catalog.string_agg('[' || pg_catalog.to_json(x.id)::text
          || ',' || case when x.confirmed_current_on is null then 'null' when pg_catalog.isfinite(x.confirmed_current_on) then (x.confirmed_current_on - date '1970-01-01')::text else pg_catalog.to_json(x.confirmed_current_on)::text end
          || ']', ',')
        from public.goals x where x.account_id = a.id), '') || ']'
    -- outcomes: [id, goal_id]
    || ',[' || coalesce((select pg_catalog.string_agg('[' || pg_catalog.to_json(x.id)::text || ',' || coalesce(pg_catalog.to_json(x.goal_id)::text, 'null') || ']', ',')
        from public.outcomes x where x.account_id = a.id), '') || ']'
    -- use_cases: [id, status]
    || ',[' || coalesce((select pg_catalog.string_agg('[' || pg_catalog.to_json(x.id)::text
          || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.status), x.status) - 1)::text, 'null') || ']', ',')
        from public.use_cases x where x.account_id = a.id), '') || ']'
    -- stakeholders: [id, [role, ...], position, influence]
    || ',[' || coalesce((select pg_catalog.string_agg('[' || pg_catalog.to_json(x.id)::text
          || ',' || coalesce('[' || (select pg_catalog.string_agg((pg_catalog.array_position(pg_catalog.enum_range(r.role), r.role) - 1)::text, ',' order by r.n)
                from unnest(x.roles) with ordinality as r(role, n)) || ']', case when x.roles is null then 'null' else '[]' end)
          || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.position), x.position) - 1)::text, 'null')
          || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.influence), x.influence) - 1)::text, 'null') || ']', ',')
        from public.stakeholders x where x.account_id = a.id), '') || ']'
    -- insights: [id, shared_on]
    || ',[' || coalesce((select pg_catalog.string_agg('[' || pg_catalog.to_json(x.id)::text
          || ',' || case when x.shared_on is null then 'null' when pg_catalog.isfinite(x.shared_on) then (x.shared_on - date '1970-01-01')::text else pg_catalog.to_json(x.shared_on)::text end
          || ']', ',')
        from public.insights x where x.account_id = a.id), '') || ']'
    -- meetings: [id, kind, held_on]
    || ',[' || coalesce((select pg_catalog.string_agg('[' || pg_catalog.to_json(x.id)::text
          || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.kind), x.kind) - 1)::text, 'null')
          || ',' || case when x.held_on is null then 'null' when pg_catalog.isfinite(x.held_on) then (x.held_on - date '1970-01-01')::text else pg_catalog.to_json(x.held_on)::text end
          || ']', ',')
        from public.meetings x where x.account_id = a.id), '') || ']'
    -- communication_steps: [id, stakeholder_id, status, planned_on]
    || ',[' || coalesce((select pg_catalog.string_agg('[' || pg_catalog.to_json(x.id)::text
          || ',' || coalesce(pg_catalog.to_json(x.stakeholder_id)::text, 'null')
          || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.status), x.status) - 1)::text, 'null')
          || ',' || case when x.planned_on is null then 'null' when pg_catalog.isfinite(x.planned_on) then (x.planned_on - date '1970-01-01')::text else pg_catalog.to_json(x.planned_on)::text end
          || ']', ',')
        from public.communication_steps x where x.account_id = a.id), '') || ']'
    -- opportunities, as account_facts orders them: [opportunity, business_case, intent_signals, close_record, stage_entered_at]
    || ',[' || coalesce((select pg_catalog.string_agg(o.compact, ',' order by o.id)
        from private.opportunity_compact_of(a.id) o), '') || ']'
    || ']')::json
  from public.accounts a
  where a.id = any (accounts);
end
$$;

-- The own part of each opportunity of one account, compact; the same values
-- as private.facts_of_accounts puts in `opportunity_facts` (20261122001500).
-- A function of its own, called per account: written inline in the query
-- above, the same work took half as long again (1.9 against 1.3 ms an
-- account, measured).
create function private.opportunity_compact_of(account uuid)
returns table (id uuid, compact text)
language plpgsql
stable
set search_path = ''
as $$
begin
  return query
  select o.id,
    -- opportunity: [id, account_id, type, source, declared_stage, status, amount, target_date, target_date_confirmed_on]
    '[[' || pg_catalog.to_json(o.id)::text
    || ',' || pg_catalog.to_json(o.account_id)::text
    || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(o.type), o.type) - 1)::text, 'null')
    || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(o.source), o.source) - 1)::text, 'null')
    || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(o.declared_stage), o.declared_stage) - 1)::text, 'null')
    || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(o.status), o.status) - 1)::text, 'null')
    || ',' || coalesce(pg_catalog.to_json(o.amount)::text, 'null')
    || ',' || case when o.target_date is null then 'null' when pg_catalog.isfinite(o.target_date) then (o.target_date - date '1970-01-01')::text else pg_catalog.to_json(o.target_date)::text end
    || ',' || case when o.target_date_confirmed_on is null then 'null' when pg_catalog.isfinite(o.target_date_confirmed_on) then (o.target_date_confirmed_on - date '1970-01-01')::text else pg_catalog.to_json(o.target_date_confirmed_on)::text end
    || ']'
    -- business_case: [id, goal_answered, progress_answered, path_answered, success_answered, portable] or null
    || ',' || coalesce((select '[' || pg_catalog.to_json(x.id)::text
          || ',' || coalesce(x.goal_answer ~ '[^ \t\n\r\f\v]', false)::text
          || ',' || coalesce(x.progress_answer ~ '[^ \t\n\r\f\v]', false)::text
          || ',' || coalesce(x.path_answer ~ '[^ \t\n\r\f\v]', false)::text
          || ',' || coalesce(x.success_answer ~ '[^ \t\n\r\f\v]', false)::text
          || ',' || coalesce(x.portable::text, 'null') || ']'
        from public.business_cases x where x.opportunity_id = o.id), 'null')
    -- intent_signals: [[id, kind, occurred_on, has_next_steps_with_owners], ...]
    || ',[' || coalesce((select pg_catalog.string_agg('[' || pg_catalog.to_json(x.id)::text
          || ',' || coalesce((pg_catalog.array_position(pg_catalog.enum_range(x.kind), x.kind) - 1)::text, 'null')
          || ',' || case when x.occurred_on is null then 'null' when pg_catalog.isfinite(x.occurred_on) then (x.occurred_on - date '1970-01-01')::text else pg_catalog.to_json(x.occurred_on)::text end
          || ',' || coalesce(x.has_next_steps_with_owners::text, 'null') || ']', ',')
        from public.intent_signals x where x.opportunity_id = o.id), '') || ']'
    -- close_record: [id, agreement_finalized_on, close_reason_count, win_summary_sent_on, advocacy_ask, next_cycle_goal_count] or null
    || ',' || coalesce((select '[' || pg_catalog.to_json(x.id)::text
          || ',' || case when x.agreement_finalized_on is null then 'null' when pg_catalog.isfinite(x.agreement_finalized_on) then (x.agreement_finalized_on - date '1970-01-01')::text else pg_catalog.to_json(x.agreement_finalized_on)::text end
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

-- The cache keeps the compact form only. Every save refreshes its account's
-- row in the writer's transaction, and a save's cost is held by a target
-- (issue 7: 1,000 queued writes pushed in under 5 s); keeping both forms
-- cost each refresh ~0.75 ms more (1.6 → 2.35 ms an account, measured on a
-- busy machine); the compact one alone costs ~0.2 ms more than the named one
-- did (1.3 against 1.1 ms an account).
-- `account_facts` stays, for Supabase Studio and anyone reading by name: it
-- now builds each row's named facts when read (private.account_facts_of, the
-- same function that filled the cache, with the reader's rights), about a
-- millisecond a row; the dashboard no longer reads it.
alter table private.account_facts_cache add column compact_facts json compression lz4;

create or replace view public.account_facts
with (security_invoker = true)
as
select c.account_id, c.organization_id, (select f.facts from private.account_facts_of(array[c.account_id]) f) as facts
from private.account_facts_cache c;
grant execute on function private.account_facts_of(uuid[]) to authenticated, service_role;

alter table private.account_facts_cache drop column facts;

-- The refresh of 20261122001400 (same lock, same order), keeping the compact
-- form of each account's row.
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
  insert into private.account_facts_cache (account_id, organization_id, compact_facts)
  select f.account_id, f.organization_id, f.facts from private.account_facts_compact_of(accounts) f;
end
$$;

-- What is already recorded when this migration runs; then every row has its compact form.
select private.refresh_opportunity_facts(array(select a.id from public.accounts a));
alter table private.account_facts_cache alter column compact_facts set not null;

-- The dashboard pages through one organization's rows by `account_id`: the
-- primary key orders them, this finds them.
create index account_facts_cache_organization_account_idx on private.account_facts_cache (organization_id, account_id);

-- Columns: `account_id`, `organization_id` and `facts` (compact, see above
-- and supabase/API.md). Filter by `organization_id` or `account_id`; order by
-- `account_id` to page. Readable by the same members as `account_facts`
-- (the cache's policy, the reader's rights).
create view public.account_facts_compact
with (security_invoker = true)
as
select c.account_id, c.organization_id, c.compact_facts as facts
from private.account_facts_cache c;

comment on view public.account_facts_compact is
  'The rows of account_facts in a compact form for the dashboard: each record as a list of its values, enums as their position, days as day numbers. Browse account_facts to read them by name.';
comment on column public.account_facts_compact.facts is
  'The facts of account_facts, positionally: [account_id, goals, outcomes, use_cases, stakeholders, insights, meetings, communication_steps, opportunities]; layout in supabase/API.md.';

revoke all on public.account_facts_compact from anon, authenticated, service_role;
grant select on public.account_facts_compact to authenticated, service_role;
