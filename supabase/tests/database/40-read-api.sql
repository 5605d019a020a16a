-- Reads: the delta pull, account detail and opportunity_facts, on the seed
-- (committed data: the pull only returns finished transactions, and this
-- test's own writes are not finished until it ends).
begin;
select plan(18);

create function pg_temp.seed_id(label text) returns uuid
language sql immutable
as $$ select md5('sidecar-seed:' || label)::uuid $$;

-- Act as the seed's first CSM.
create function pg_temp.as_seed_csm() returns void
language plpgsql
as $$
begin
  perform set_config('request.jwt.claims', jsonb_build_object('sub', pg_temp.seed_id('user:csm1'), 'role', 'authenticated')::text, true);
  set local role authenticated;
end
$$;

create temp table expected_rows on commit drop as
select count(*) as n from (
  select id from public.organizations where organization_id = pg_temp.seed_id('organization')
  union all select id from public.members where organization_id = pg_temp.seed_id('organization')
  union all select id from public.invitations where organization_id = pg_temp.seed_id('organization')
  union all select id from public.organization_domains where organization_id = pg_temp.seed_id('organization')
  union all select id from public.accounts where organization_id = pg_temp.seed_id('organization')
  union all select id from public.account_domains where organization_id = pg_temp.seed_id('organization')
  union all select id from public.account_milestones where organization_id = pg_temp.seed_id('organization')
  union all select id from public.stakeholders where organization_id = pg_temp.seed_id('organization')
  union all select id from public.opportunities where organization_id = pg_temp.seed_id('organization')
  union all select id from public.opportunity_stage_changes where organization_id = pg_temp.seed_id('organization')
  union all select id from public.goals where organization_id = pg_temp.seed_id('organization')
  union all select id from public.outcomes where organization_id = pg_temp.seed_id('organization')
  union all select id from public.use_cases where organization_id = pg_temp.seed_id('organization')
  union all select id from public.business_cases where organization_id = pg_temp.seed_id('organization')
  union all select id from public.intent_signals where organization_id = pg_temp.seed_id('organization')
  union all select id from public.insights where organization_id = pg_temp.seed_id('organization')
  union all select id from public.meetings where organization_id = pg_temp.seed_id('organization')
  union all select id from public.communication_steps where organization_id = pg_temp.seed_id('organization')
  union all select id from public.close_records where organization_id = pg_temp.seed_id('organization')
  union all select id from public.deleted_records where organization_id = pg_temp.seed_id('organization')
) as every_row;
grant select on expected_rows to authenticated;
-- (Functions are not executable by default here, temporary ones included.)
grant execute on function pg_temp.seed_id(text), pg_temp.as_seed_csm() to authenticated;

select tests.two_organizations();

select pg_temp.as_seed_csm();

create temp table one_page on commit drop as
select * from public.pull_changes(pg_temp.seed_id('organization'), null, 5000);
select is((select count(*) from one_page), (select n from expected_rows), 'one big page holds every row of the organization');
select is((select count(distinct (table_name, record_id)) from one_page), (select count(*) from one_page), 'each row once');

-- Page through 37 at a time, following the cursor.
create temp table paged (table_name text, record_id uuid, cursor text, position serial) on commit drop;
do $$
declare
  since text := null;
  got integer;
begin
  loop
    insert into paged (table_name, record_id, cursor)
    select p.table_name, p.record_id, p.cursor from public.pull_changes(md5('sidecar-seed:organization')::uuid, since, 37) p;
    get diagnostics got = row_count;
    exit when got < 37;
    select cursor into since from paged order by position desc limit 1;
  end loop;
end
$$;
select set_eq('select table_name, record_id from paged', 'select table_name, record_id from one_page',
  'paging 37 at a time by the returned cursor yields the same rows');
select is((select count(*) from paged), (select count(*) from one_page), 'and none twice');
select is(
  (select count(*) from public.pull_changes(pg_temp.seed_id('organization'), (select cursor from paged order by position desc limit 1), 37)),
  0::bigint, 'after the last cursor there is nothing new');
select is(
  (select count(*) from one_page where table_name not in ('organizations', 'members', 'invitations', 'organization_domains', 'accounts',
    'account_domains', 'account_milestones', 'stakeholders', 'opportunities', 'opportunity_stage_changes', 'goals', 'outcomes', 'use_cases',
    'business_cases', 'intent_signals', 'insights', 'meetings', 'communication_steps', 'close_records')),
  0::bigint, 'rows are named by their table');

select tests.act_as_superuser();
select is(split_part(tests.attempt('csm_b', format('select * from public.pull_changes(%L)', pg_temp.seed_id('organization'))), ':', 1),
  'SCREF', 'another organization''s CSM cannot pull this organization');
select is(tests.attempt('anon', format('select * from public.pull_changes(%L)', pg_temp.seed_id('organization'))),
  '42501: permission denied for function pull_changes', 'anon cannot pull');
select pg_temp.as_seed_csm();
select throws_ok(format('select * from public.pull_changes(%L, %L)', pg_temp.seed_id('organization'), 'not-a-cursor'),
  'SCTYP', null, 'a malformed cursor is SCTYP');
select throws_ok(format('select * from public.pull_changes(%L, null, 0)', pg_temp.seed_id('organization')),
  'SCRNG', null, 'a page of 0 rows is SCRNG');

-- Account detail.
select is(
  jsonb_array_length(public.account_detail(pg_temp.seed_id('account:24')) -> 'close_records'), 1,
  'account detail carries the account''s close record');
select is(
  public.account_detail(pg_temp.seed_id('account:24')) #>> '{account,name}', 'Bramble Kids Apparel',
  'and the account itself');
select tests.act_as_superuser();
select is(split_part(tests.attempt('csm_b', format('select public.account_detail(%L)', pg_temp.seed_id('account:24'))), ':', 1),
  'SCREF', 'another organization''s account is SCREF');

-- opportunity_facts.
select pg_temp.as_seed_csm();
select is((select count(*) from public.opportunity_facts), 29::bigint, 'a member sees the facts of every opportunity of the organization');
select tests.act_as_superuser();
select is(tests.attempt('csm_b', format('select 1 from public.opportunity_facts where organization_id = %L', pg_temp.seed_id('organization'))),
  'ok: 0 rows', 'another organization''s CSM sees none');
select tests.act_as_superuser();
select ok((select reloptions @> array['security_invoker=true'] from pg_class where oid = 'public.opportunity_facts'::regclass),
  'opportunity_facts runs with the reader''s rights');

-- The kept facts follow every write, in the writer's transaction.
select is_empty(
  $$select t, e from unnest(array['opportunities', 'goals', 'outcomes', 'use_cases', 'business_cases', 'stakeholders',
      'intent_signals', 'insights', 'meetings', 'communication_steps', 'close_records']) as t
    cross join unnest(array['insert', 'update', 'delete']) as e
    where not exists (select 1 from pg_trigger g where g.tgrelid = ('public.' || t)::regclass and g.tgname = 'refresh_facts_after_' || e)$$,
  'every table the facts are built from refreshes them after insert, update and delete'
);
select pg_temp.as_seed_csm();
select public.save_goal(jsonb_build_object('id', pg_temp.seed_id('test:new-goal'), 'account_id', pg_temp.seed_id('account:1'),
  'statement', 'Halve the time to onboard a new store', 'confirmed_current_on', '2026-11-20'));
select ok(
  (select facts::jsonb -> 'goals' @> jsonb_build_array(jsonb_build_object('id', pg_temp.seed_id('test:new-goal'), 'confirmed_current_on', '2026-11-20'))
   from public.opportunity_facts where account_id = pg_temp.seed_id('account:1')),
  'a goal just saved is in its account''s facts');
select tests.act_as_superuser();

select * from finish();
rollback;
