-- Each write's facts refresh planned the whole facts query again: a `language
-- sql` function with a `set` clause is neither inlined nor cached, so every
-- call of private.facts_of_accounts parsed and planned its ten subqueries
-- (about 1 ms of planning for 0.1 ms of execution on one account), and
-- every save paid it twice: `insert ... on conflict do update` fires the
-- statement-level update triggers too, with empty transition tables, and
-- their refresh of no account planned the query all the same.
--
-- - facts_of_accounts is the same query in plpgsql, whose plans are kept per
--   connection: a pooled connection plans it once. Its result is unchanged
--   (tests/db/facts-parity.test.ts holds it to lib/pipeline/facts.ts).
-- - the triggers skip the refresh when the statement touched no row (the
--   transition tables are empty), so an insert pays one refresh, not two.
--   The refresh itself, and its per-account lock (20261122001000), are
--   untouched.
-- - private.my_organizations, the membership helper every policy and write
--   check calls (six times per save), is plpgsql for the same reason: same
--   query, same result, planned once per connection.

create or replace function private.facts_of_accounts(accounts uuid[])
returns table (opportunity_id uuid, organization_id uuid, account_id uuid, stage_entered_at timestamptz, facts json)
language plpgsql
stable
set search_path = ''
as $$
begin
  return query
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
  where o.account_id = any (accounts);
end
$$;

create or replace function private.refresh_facts_after_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  touched uuid[] := array(select distinct n.account_id from new_rows n);
begin
  if cardinality(touched) > 0 then
    perform private.refresh_opportunity_facts(touched);
  end if;
  return null;
end
$$;

create or replace function private.refresh_facts_after_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  touched uuid[] := array(select n.account_id from new_rows n union select o.account_id from old_rows o);
begin
  if cardinality(touched) > 0 then
    perform private.refresh_opportunity_facts(touched);
  end if;
  return null;
end
$$;

create or replace function private.refresh_facts_after_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  touched uuid[] := array(select distinct o.account_id from old_rows o);
begin
  if cardinality(touched) > 0 then
    perform private.refresh_opportunity_facts(touched);
  end if;
  return null;
end
$$;

create or replace function private.my_organizations(at_least public.member_role)
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select m.organization_id
  from public.members m
  where m.user_id = (select auth.uid())
    and m.role >= at_least;
end
$$;
