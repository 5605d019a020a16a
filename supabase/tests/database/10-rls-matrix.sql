-- The row-level security matrix: every table of `public` × every role
-- (anonymous visitor, CSM / manager / admin of organization A, CSM of B) ×
-- every command, each against organization A's rows. The expected outcome of
-- each case is written down in `rules` below, independently of the policies;
-- a denial must be the exact error, or exactly zero rows.
begin;

create temp table rules (
  table_name text primary key,
  select_by text[] not null,
  insert_by text[] not null,
  update_by text[] not null,
  delete_by text[] not null,
  -- A real change (an update that changes nothing is dropped by design).
  update_set text not null,
  -- New values for columns that must be unique.
  insert_patch jsonb not null default '{}'
) on commit drop;

insert into rules values
  ('organizations', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a,csm_b}', '{admin_a}', '{admin_a}', $$name = 'Renamed'$$, '{}'),
  ('members', '{csm_a,manager_a,admin_a}', '{admin_a}', '{admin_a}', '{admin_a}', $$role = 'manager'$$, jsonb_build_object('user_id', tests.user_id('newcomer'))),
  ('invitations', '{csm_a,manager_a,admin_a}', '{admin_a}', '{admin_a}', '{admin_a}', $$role = 'manager'$$, '{"email": "someone.new@vendor-a.example"}'),
  ('organization_domains', '{csm_a,manager_a,admin_a}', '{admin_a}', '{admin_a}', '{admin_a}', $$domain = 'renamed-a.example'$$, '{"domain": "new-a.example"}'),
  ('accounts', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$notes = 'corrected'$$, '{}'),
  ('account_domains', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$domain = 'renamed-customer.example'$$, '{"domain": "new-customer.example"}'),
  ('account_milestones', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$reached_on = reached_on + 1$$, '{"kind": "onboarding_complete"}'),
  ('stakeholders', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$notes = 'corrected'$$, '{"email": "new.person@a-customer.example"}'),
  ('opportunities', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$notes = 'corrected'$$, '{}'),
  ('opportunity_stage_changes', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$changed_at = changed_at - interval '1 day'$$, '{}'),
  ('goals', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$statement = 'corrected'$$, '{}'),
  ('outcomes', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$summary = 'corrected'$$, '{}'),
  ('use_cases', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$description = 'corrected'$$, '{}'),
  ('business_cases', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$success_answer = 'corrected'$$, jsonb_build_object('opportunity_id', tests.id('opportunities-3:A'))),
  ('intent_signals', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$summary = 'corrected'$$, '{}'),
  ('insights', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$summary = 'corrected'$$, '{}'),
  ('meetings', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$summary = 'corrected'$$, '{}'),
  ('communication_steps', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$purpose = 'corrected'$$, '{}'),
  ('close_records', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', '{csm_a,manager_a,admin_a}', $$terms_summary = 'corrected'$$, jsonb_build_object('opportunity_id', tests.id('opportunities-3:A'))),
  ('deleted_records', '{csm_a,manager_a,admin_a}', '{}', '{}', '{}', $$table_name = 'accounts'$$, '{}'),
  ('forecast_snapshots', '{csm_a,manager_a,admin_a}', '{manager_a,admin_a}', '{}', '{admin_a}', $$line_count = 2$$, '{"week_start": "2026-11-09"}'),
  ('forecast_snapshot_lines', '{csm_a,manager_a,admin_a}', '{manager_a,admin_a}', '{}', '{}', $$title = 'corrected'$$, jsonb_build_object('opportunity_id', tests.id('opportunities-2:A')));

-- Records written by A's manager: a CSM may correct shared records but only
-- their own evidence, and delete neither.
create temp table manager_rows (table_name text primary key, csm_may_update boolean not null) on commit drop;
insert into manager_rows
select t, t in ('accounts', 'account_domains', 'account_milestones', 'stakeholders', 'opportunities')
from unnest(array[
  'accounts', 'account_domains', 'account_milestones', 'stakeholders', 'opportunities',
  'opportunity_stage_changes', 'goals', 'outcomes', 'use_cases', 'business_cases',
  'intent_signals', 'insights', 'meetings', 'communication_steps', 'close_records'
]) as t;

select plan(1 + (select count(*)::integer * 5 * 4 from rules) + (select count(*)::integer * 2 from manager_rows));

select tests.two_organizations();

select set_eq(
  $$select table_name from rules$$,
  $$select c.relname::text from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')$$,
  'the matrix covers every table of the exposed schema'
);

create function pg_temp.expected(rule rules, who text, command text, visible bigint) returns text
language sql
as $$
  select case
    when who = 'anon' then format('42501: permission denied for table %s', rule.table_name)
    when command = 'select' then format('ok: %s rows', case when who = any (rule.select_by) then visible else 0 end)
    when command = 'insert' then case when who = any (rule.insert_by) then 'ok: 1 rows'
      else format('42501: new row violates row-level security policy for table "%s"', rule.table_name) end
    when command = 'update' then case when who = any (rule.update_by) then 'ok: 1 rows' else 'ok: 0 rows' end
    else case when who = any (rule.delete_by) then 'ok: 1 rows' else 'ok: 0 rows' end
  end
$$;

create function pg_temp.matrix() returns setof text
language plpgsql
as $$
declare
  rule rules;
  who text;
  command text;
  org_a uuid := tests.id('organizations:A');
  row_a uuid;
  visible bigint;
  statement text;
begin
  for rule in select * from rules order by table_name loop
    row_a := tests.id(rule.table_name || ':A');
    execute format('select count(*) from public.%I where organization_id = %L', rule.table_name, org_a) into visible;
    foreach who in array array['anon', 'csm_a', 'manager_a', 'admin_a', 'csm_b'] loop
      foreach command in array array['select', 'insert', 'update', 'delete'] loop
        statement := case command
          when 'select' then format('select 1 from public.%I where organization_id = %L', rule.table_name, org_a)
          when 'insert' then tests.copy_row_sql(rule.table_name, row_a,
            rule.insert_patch || jsonb_build_object('id', gen_random_uuid(),
              'created_by', tests.user_id(case when who = 'anon' then 'csm_a' else who end)))
          when 'update' then format('update public.%I set %s where id = %L', rule.table_name, rule.update_set, row_a)
          else format('delete from public.%I where id = %L', rule.table_name, row_a)
        end;
        return next is(
          tests.attempt(who, statement),
          pg_temp.expected(rule, who, command, visible),
          format('%s: %s by %s', rule.table_name, command, who)
        );
      end loop;
    end loop;
  end loop;
end
$$;

select * from pg_temp.matrix();

create function pg_temp.not_the_author() returns setof text
language plpgsql
as $$
declare
  item manager_rows;
  rule rules;
  row_id uuid;
begin
  for item in select * from manager_rows order by table_name loop
    select * into rule from rules where table_name = item.table_name;
    row_id := tests.id(item.table_name || ':A:by-manager');
    return next is(
      tests.attempt('csm_a', format('update public.%I set %s where id = %L', item.table_name, rule.update_set, row_id)),
      case when item.csm_may_update then 'ok: 1 rows' else 'ok: 0 rows' end,
      format('%s: a CSM %s correct a row the manager wrote', item.table_name, case when item.csm_may_update then 'may' else 'may not' end)
    );
    return next is(
      tests.attempt('csm_a', format('delete from public.%I where id = %L', item.table_name, row_id)),
      'ok: 0 rows',
      format('%s: a CSM may not delete a row the manager wrote', item.table_name)
    );
  end loop;
end
$$;

select * from pg_temp.not_the_author();

select * from finish();
rollback;
