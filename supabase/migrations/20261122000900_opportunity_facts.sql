-- `opportunity_facts`: the facts of each opportunity, exactly the JSON of
-- `OpportunityFacts` in lib/pipeline/facts.ts (keys, snake_case enums,
-- `YYYY-MM-DD` days, [] for empty lists, null for absent values), so the
-- dashboard runs the same rules as the panel.
--
-- Kept, not computed on read. Building the JSON of 40,000 opportunities from
-- 500,000 evidence rows costs seconds of CPU, far too slow for a dashboard
-- that reads them all; so each write refreshes the facts of the accounts it
-- touched (statement-level triggers, in the writer's transaction), and the
-- view only reads the kept rows. A write pays about a millisecond per account.
-- An answer counts when it has a character other than ASCII whitespace
-- (lib/records/opportunity-facts.ts applies the same rule; a parity test holds
-- the two together).

-- The facts of the opportunities of `accounts`, computed from the records.
-- Correlated subqueries: cheap for a few accounts, which is what a write touches.
create function private.facts_of_accounts(accounts uuid[])
returns table (opportunity_id uuid, organization_id uuid, account_id uuid, stage_entered_at timestamptz, facts json)
language sql
stable
set search_path = ''
as $$
  select o.id, o.organization_id, o.account_id, o.stage_entered_at,
    json_build_object(
      'opportunity', json_build_object(
        'id', o.id, 'account_id', o.account_id, 'type', o.type, 'source', o.source,
        'declared_stage', o.declared_stage, 'status', o.status, 'amount', o.amount,
        'target_date', o.target_date, 'target_date_confirmed_on', o.target_date_confirmed_on),
      'goals', coalesce((select json_agg(json_build_object('id', x.id, 'confirmed_current_on', x.confirmed_current_on))
        from public.goals x where x.account_id = o.account_id), '[]'::json),
      'outcomes', coalesce((select json_agg(json_build_object('id', x.id, 'goal_id', x.goal_id))
        from public.outcomes x where x.account_id = o.account_id), '[]'::json),
      'use_cases', coalesce((select json_agg(json_build_object('id', x.id, 'status', x.status))
        from public.use_cases x where x.account_id = o.account_id), '[]'::json),
      'business_case', (select json_build_object(
          'id', x.id,
          'goal_answered', coalesce(x.goal_answer ~ '[^ \t\n\r\f\v]', false),
          'progress_answered', coalesce(x.progress_answer ~ '[^ \t\n\r\f\v]', false),
          'path_answered', coalesce(x.path_answer ~ '[^ \t\n\r\f\v]', false),
          'success_answered', coalesce(x.success_answer ~ '[^ \t\n\r\f\v]', false),
          'portable', x.portable)
        from public.business_cases x where x.opportunity_id = o.id),
      'stakeholders', coalesce((select json_agg(json_build_object('id', x.id, 'roles', to_json(x.roles), 'position', x.position, 'influence', x.influence))
        from public.stakeholders x where x.account_id = o.account_id), '[]'::json),
      'intent_signals', coalesce((select json_agg(json_build_object('id', x.id, 'kind', x.kind, 'occurred_on', x.occurred_on,
          'has_next_steps_with_owners', x.has_next_steps_with_owners))
        from public.intent_signals x where x.opportunity_id = o.id), '[]'::json),
      'insights', coalesce((select json_agg(json_build_object('id', x.id, 'shared_on', x.shared_on))
        from public.insights x where x.account_id = o.account_id), '[]'::json),
      'meetings', coalesce((select json_agg(json_build_object('id', x.id, 'kind', x.kind, 'held_on', x.held_on))
        from public.meetings x where x.account_id = o.account_id), '[]'::json),
      'communication_steps', coalesce((select json_agg(json_build_object('id', x.id, 'stakeholder_id', x.stakeholder_id,
          'status', x.status, 'planned_on', x.planned_on))
        from public.communication_steps x where x.account_id = o.account_id), '[]'::json),
      'close_record', (select json_build_object(
          'id', x.id,
          'agreement_finalized_on', x.agreement_finalized_on,
          'close_reason_count', cardinality(x.close_reasons),
          'win_summary_sent_on', x.win_summary_sent_on,
          'advocacy_ask', x.advocacy_ask,
          'next_cycle_goal_count', cardinality(x.next_cycle_goals))
        from public.close_records x where x.opportunity_id = o.id)
    )
  from public.opportunities o
  where o.account_id = any (accounts)
$$;

create table private.opportunity_facts_cache (
  opportunity_id uuid primary key references public.opportunities (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  stage_entered_at timestamptz not null,
  facts json not null
);
alter table private.opportunity_facts_cache enable row level security;
create index opportunity_facts_cache_organization_id_idx on private.opportunity_facts_cache (organization_id);
create index opportunity_facts_cache_account_id_idx on private.opportunity_facts_cache (account_id);
create policy "Members can read their organization's opportunity facts"
  on private.opportunity_facts_cache for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
-- Read through the view only (`private` is not served by the API); written
-- only by the refresh below.
grant select on private.opportunity_facts_cache to authenticated;

-- Recomputes the kept facts of `accounts`. Security definer: a writer's
-- change must refresh facts built from colleagues' records too.
create function private.refresh_opportunity_facts(accounts uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
  delete from private.opportunity_facts_cache c where c.account_id = any (accounts);
  insert into private.opportunity_facts_cache (opportunity_id, organization_id, account_id, stage_entered_at, facts)
  select f.opportunity_id, f.organization_id, f.account_id, f.stage_entered_at, f.facts from private.facts_of_accounts(accounts) f;
$$;

create function private.refresh_facts_after_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refresh_opportunity_facts(array(select distinct n.account_id from new_rows n));
  return null;
end
$$;

create function private.refresh_facts_after_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refresh_opportunity_facts(array(
    select n.account_id from new_rows n union select o.account_id from old_rows o));
  return null;
end
$$;

create function private.refresh_facts_after_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refresh_opportunity_facts(array(select distinct o.account_id from old_rows o));
  return null;
end
$$;

create trigger refresh_facts_after_insert after insert on public.opportunities referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.opportunities referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.opportunities referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();
create trigger refresh_facts_after_insert after insert on public.goals referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.goals referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.goals referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();
create trigger refresh_facts_after_insert after insert on public.outcomes referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.outcomes referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.outcomes referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();
create trigger refresh_facts_after_insert after insert on public.use_cases referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.use_cases referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.use_cases referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();
create trigger refresh_facts_after_insert after insert on public.business_cases referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.business_cases referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.business_cases referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();
create trigger refresh_facts_after_insert after insert on public.stakeholders referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.stakeholders referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.stakeholders referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();
create trigger refresh_facts_after_insert after insert on public.intent_signals referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.intent_signals referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.intent_signals referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();
create trigger refresh_facts_after_insert after insert on public.insights referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.insights referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.insights referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();
create trigger refresh_facts_after_insert after insert on public.meetings referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.meetings referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.meetings referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();
create trigger refresh_facts_after_insert after insert on public.communication_steps referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.communication_steps referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.communication_steps referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();
create trigger refresh_facts_after_insert after insert on public.close_records referencing new table as new_rows
  for each statement execute function private.refresh_facts_after_insert();
create trigger refresh_facts_after_update after update on public.close_records referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_facts_after_update();
create trigger refresh_facts_after_delete after delete on public.close_records referencing old table as old_rows
  for each statement execute function private.refresh_facts_after_delete();

-- What is already recorded when this migration runs.
select private.refresh_opportunity_facts(array(select a.id from public.accounts a));

-- Columns: `opportunity_id`, `organization_id`, `account_id`,
-- `stage_entered_at` (for the stalled-days measure) and `facts`. Filter by
-- `organization_id` or `account_id`.
create view public.opportunity_facts
with (security_invoker = true)
as
select c.opportunity_id, c.organization_id, c.account_id, c.stage_entered_at, c.facts
from private.opportunity_facts_cache c;

-- Views are read-only to the API, and only for signed-in users.
revoke all on public.opportunity_facts from anon, authenticated, service_role;
grant select on public.opportunity_facts to authenticated, service_role;
