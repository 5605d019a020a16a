-- Rules every table and function must follow. These enumerate the catalog,
-- so a table or function added later without its guards fails here.
begin;
select plan(15);

select is_empty(
  $$select c.relname from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relrowsecurity$$,
  'row-level security is enabled on every table of the exposed schema'
);

select is_empty(
  $$select c.relname, command
    from pg_class c
    cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE']) as command
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      and (select count(*) from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname and p.cmd = command) <> 1$$,
  'every table has exactly one policy per command'
);

select is_empty(
  $$select tablename, policyname from pg_policies where schemaname = 'public' and (roles <> '{authenticated}' or cmd = 'ALL')$$,
  'every policy is for authenticated users only, never FOR ALL'
);

select is_empty(
  $$select tablename, policyname from pg_policies
    where schemaname = 'public'
      and (coalesce(qual, '') || coalesce(with_check, '')) ~ 'auth\.uid\(\)'
      and (coalesce(qual, '') || coalesce(with_check, '')) !~ 'SELECT auth\.uid\(\)'$$,
  'policies read auth.uid() through (select auth.uid()), once per statement'
);

select is_empty(
  $$select c.relname, col
    from pg_class c
    cross join unnest(array['organization_id', 'created_by']) as col
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      and not exists (
        select 1 from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
        where i.indrelid = c.oid and a.attname = col
      )$$,
  'every column a policy reads (organization_id, created_by) leads an index'
);

select is_empty(
  $$select c.relname, col
    from pg_class c
    cross join unnest(array['id', 'organization_id', 'created_by', 'created_at', 'updated_at', 'change_xid', 'change_seq']) as col
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = col and not a.attisdropped)$$,
  'every table carries id, organization_id, created_by, created_at, updated_at and the change stamps'
);

select is_empty(
  $$select c.relname from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      and not exists (
        select 1 from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
        where k.conrelid = c.oid and k.contype = 'p' and array_length(k.conkey, 1) = 1 and a.attname = 'id' and a.atttypid = 'uuid'::regtype)$$,
  'every table has a uuid primary key named id'
);

select is_empty(
  $$select c.relname, t
    from pg_class c
    cross join unnest(array['stamp_row', 'record_deletion']) as t
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      and not (t = 'record_deletion' and c.relname in ('organizations', 'deleted_records', 'forecast_snapshots', 'forecast_snapshot_lines'))
      and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = t)$$,
  'every table keeps its stamps by trigger, and every deletable record leaves a tombstone'
);

select is_empty(
  $$select p.oid::regprocedure::text from pg_proc p
    where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
      and has_function_privilege('anon', p.oid, 'execute')$$,
  'no function of public or private is executable by anon'
);

-- The API of supabase/API.md, and nothing else, is callable by signed-in users.
select set_eq(
  $$select p.oid::regprocedure::text from pg_proc p
    where p.pronamespace = 'public'::regnamespace and has_function_privilege('authenticated', p.oid, 'execute')$$,
  $$values
    ('create_organization(jsonb)'), ('update_organization_settings(jsonb)'), ('set_organization_domains(jsonb)'),
    ('invite_member(jsonb)'), ('join_invited_organizations()'), ('set_member_role(jsonb)'), ('remove_member(jsonb)'),
    ('save_account(jsonb)'), ('save_account_milestone(jsonb)'), ('save_stakeholder(jsonb)'), ('save_opportunity(jsonb)'),
    ('save_goal(jsonb)'), ('save_outcome(jsonb)'), ('save_use_case(jsonb)'), ('save_business_case(jsonb)'),
    ('save_intent_signal(jsonb)'), ('save_insight(jsonb)'), ('save_meeting(jsonb)'), ('save_communication_step(jsonb)'),
    ('save_close_record(jsonb)'), ('delete_record(jsonb)'),
    ('pull_changes(uuid,text,integer)'), ('pull_snapshot(uuid,integer,integer)'), ('account_detail(uuid)'),
    ('take_forecast_snapshot(uuid)')$$,
  'signed-in users may execute exactly the documented API functions of public'
);

-- Helpers run with the caller's rights, except these two, which must see
-- past row-level security and reveal only a membership set or a verdict.
select set_eq(
  $$select p.oid::regprocedure::text from pg_proc p
    where p.pronamespace = 'private'::regnamespace and p.prosecdef and has_function_privilege('authenticated', p.oid, 'execute')$$,
  $$values ('private.my_organizations(member_role)'), ('private.record_state(text,uuid,uuid)')$$,
  'signed-in users reach exactly two security definer helpers'
);

select is_empty(
  $$select p.oid::regprocedure::text from pg_proc p
    where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
      and p.prosecdef
      and not coalesce('search_path=""' = any (p.proconfig), false)$$,
  'every security definer function fixes an empty search_path'
);

select is_empty(
  $$select c.relname, r.rolname, priv
    from pg_class c
    cross join (values ('anon'), ('authenticated')) as r (rolname)
    cross join unnest(array['TRUNCATE', 'REFERENCES', 'TRIGGER']) as priv
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v')
      and has_table_privilege(r.rolname, c.oid, priv)$$,
  'no API role may truncate, reference or add triggers to a table (those bypass row-level security)'
);

select is_empty(
  $$select c.relname, priv
    from pg_class c
    cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE']) as priv
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
      and has_table_privilege('anon', c.oid, priv)$$,
  'anon holds no privilege on any table or view'
);

select is_empty(
  $$select c.relname from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'v'
      and not coalesce(c.reloptions @> array['security_invoker=true'], false)$$,
  'every view runs with the reader''s rights (security_invoker), so row-level security applies'
);

select * from finish();
rollback;
