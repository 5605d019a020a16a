-- `account_facts`: the same facts as `opportunity_facts`, one row per
-- account, with nothing repeated. In `opportunity_facts` every opportunity
-- carries its account's lists (goals, outcomes, use cases, stakeholders,
-- insights, meetings, communication steps); at 20,000 accounts that is
-- 129 MB of JSON, most of it copies, and the dashboard, which reads every
-- opportunity, paid for each copy on the wire and again to parse it. Here
-- each account's lists appear once, beside the own part of each of its
-- opportunities (`opportunity`, `business_case`, `intent_signals`,
-- `close_record`, plus `stage_entered_at`). Joining them back gives exactly
-- the opportunity's `OpportunityFacts` (lib/dashboard-data/account-facts.ts
-- does; tests/db/facts-parity.test.ts holds the two views together).
--
-- An account gets its row with its first record, also when it has no
-- opportunity (its stakeholders and insights still count on the dashboard);
-- an account that never had a record has none, and reads as empty lists.
--
-- Kept like `opportunity_facts` (a cache refreshed in the writer's
-- transaction, by the same refresh and under the same per-account lock), so
-- the two never disagree about a committed write.

create function private.account_facts_of(accounts uuid[])
returns table (account_id uuid, organization_id uuid, facts json)
-- plpgsql, not sql: a sql function with a `set` clause is planned afresh on
-- every call, and every write calls this (see 20261122001500).
language plpgsql
stable
set search_path = ''
as $$
begin
  return query
  select a.id, a.organization_id,
    json_build_object(
      'account_id', a.id,
      'goals', coalesce((select json_agg(json_build_object('id', x.id, 'confirmed_current_on', x.confirmed_current_on))
        from public.goals x where x.account_id = a.id), '[]'::json),
      'outcomes', coalesce((select json_agg(json_build_object('id', x.id, 'goal_id', x.goal_id))
        from public.outcomes x where x.account_id = a.id), '[]'::json),
      'use_cases', coalesce((select json_agg(json_build_object('id', x.id, 'status', x.status))
        from public.use_cases x where x.account_id = a.id), '[]'::json),
      'stakeholders', coalesce((select json_agg(json_build_object('id', x.id, 'roles', to_json(x.roles), 'position', x.position, 'influence', x.influence))
        from public.stakeholders x where x.account_id = a.id), '[]'::json),
      'insights', coalesce((select json_agg(json_build_object('id', x.id, 'shared_on', x.shared_on))
        from public.insights x where x.account_id = a.id), '[]'::json),
      'meetings', coalesce((select json_agg(json_build_object('id', x.id, 'kind', x.kind, 'held_on', x.held_on))
        from public.meetings x where x.account_id = a.id), '[]'::json),
      'communication_steps', coalesce((select json_agg(json_build_object('id', x.id, 'stakeholder_id', x.stakeholder_id,
          'status', x.status, 'planned_on', x.planned_on))
        from public.communication_steps x where x.account_id = a.id), '[]'::json),
      -- The own part of each opportunity, as `opportunity_facts` builds it
      -- (its cache was refreshed just before this, in the same transaction).
      'opportunities', coalesce((select json_agg(json_build_object(
          'opportunity', c.facts -> 'opportunity',
          'business_case', c.facts -> 'business_case',
          'intent_signals', c.facts -> 'intent_signals',
          'close_record', c.facts -> 'close_record',
          'stage_entered_at', c.stage_entered_at) order by c.opportunity_id)
        from private.opportunity_facts_cache c where c.account_id = a.id), '[]'::json)
    )
  from public.accounts a
  where a.id = any (accounts);
end
$$;

-- Both caches keep their JSON out of the table's own pages (TOAST, from
-- 128 bytes a row) and compress it with lz4. Each refresh deletes and
-- re-inserts its accounts' rows, so a bulk write (an import, the scale
-- benchmark's load) leaves many dead versions behind: with the JSON inline
-- (~1 KB a row) the opportunity cache grew to 622 MB of pages for 40,000
-- live rows, and a full scan read them all (505 ms of the 1.3 s facts scan
-- of issue 5). Out of line, a dead version costs its ~100-byte row, and the
-- JSON of live rows is fetched through the TOAST index; lz4 unpacks it
-- several times faster than the default pglz. Rows written before this
-- migration are rewritten by the refresh at its end.
alter table private.opportunity_facts_cache alter column facts set compression lz4;
alter table private.opportunity_facts_cache set (toast_tuple_target = 128);

create table private.account_facts_cache (
  account_id uuid primary key references public.accounts (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  facts json compression lz4 not null
) with (toast_tuple_target = 128);
alter table private.account_facts_cache enable row level security;
create index account_facts_cache_organization_id_idx on private.account_facts_cache (organization_id);
create policy "Members can read their organization's account facts"
  on private.account_facts_cache for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
grant select on private.account_facts_cache to authenticated;

-- The refresh of 20261122001000 (same lock, same order), now keeping both
-- caches.
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
  insert into private.account_facts_cache (account_id, organization_id, facts)
  select f.account_id, f.organization_id, f.facts from private.account_facts_of(accounts) f;
end
$$;

-- What is already recorded when this migration runs.
select private.refresh_opportunity_facts(array(select a.id from public.accounts a));

-- Columns: `account_id`, `organization_id` and `facts` (the account's lists
-- and its opportunities' own parts). Filter by `organization_id` or
-- `account_id`; order by `account_id` to page.
create view public.account_facts
with (security_invoker = true)
as
select c.account_id, c.organization_id, c.facts
from private.account_facts_cache c;

comment on view public.account_facts is
  'One row per account: its evidence lists once, and the own facts of each of its opportunities. The dashboard reads this; opportunity_facts gives the same facts per opportunity.';

revoke all on public.account_facts from anon, authenticated, service_role;
grant select on public.account_facts to authenticated, service_role;
