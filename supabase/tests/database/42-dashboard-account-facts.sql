-- dashboard_account_facts (20261122001800): the rows of account_facts without
-- record ids, readable by exactly the same members, kept in step with every
-- write. tests/db/facts-parity.test.ts holds each row equal to its named
-- account_facts row; here, what SQL alone can check: rows, rights, order,
-- links, encodings and the refresh.
begin;
select plan(25);

create function pg_temp.seed_id(label text) returns uuid
language sql immutable
as $$ select md5('sidecar-seed:' || label)::uuid $$;

create function pg_temp.as_seed_csm() returns void
language plpgsql
as $$
begin
  perform set_config('request.jwt.claims', jsonb_build_object('sub', pg_temp.seed_id('user:csm1'), 'role', 'authenticated')::text, true);
  set local role authenticated;
end
$$;

-- A day number as the view writes it, for comparing with a table's date.
create function pg_temp.day(d date) returns integer
language sql immutable
as $$ select d - date '1970-01-01' $$;
-- The checks below run as the seed's CSM, who may call these two.
grant execute on function pg_temp.seed_id(text), pg_temp.day(date) to authenticated;

-- Two more goals on account 13, each with an outcome, so an outcome's link is
-- more than "the first goal" (the seed gives each account one goal).
select pg_temp.as_seed_csm();
select public.save_goal(jsonb_build_object('id', md5('sidecar-seed:test:dash-goal:' || k)::uuid, 'account_id', md5('sidecar-seed:account:13')::uuid,
  'statement', 'Goal ' || k, 'confirmed_current_on', date '2026-10-01' + k))
  from generate_series(1, 2) k;
select public.save_outcome(jsonb_build_object('id', md5('sidecar-seed:test:dash-outcome:' || k)::uuid, 'account_id', md5('sidecar-seed:account:13')::uuid,
  'goal_id', md5('sidecar-seed:test:dash-goal:' || k)::uuid, 'summary', 'Progress on goal ' || k))
  from generate_series(1, 2) k;

select ok((select count(*) from public.dashboard_account_facts) > 0, 'a member reads their organization''s rows');
select is_empty($$
  (select account_id, organization_id from public.account_facts except select account_id, organization_id from public.dashboard_account_facts)
  union all
  (select account_id, organization_id from public.dashboard_account_facts except select account_id, organization_id from public.account_facts)
$$, 'the same rows as account_facts');
select is_empty($$
  select a.account_id from public.account_facts a join public.dashboard_account_facts d using (account_id)
   where d.facts ->> 0 <> a.account_id::text
      or json_array_length(d.facts) <> 9
      or json_array_length(d.facts -> 1) <> json_array_length(a.facts -> 'goals')
      or json_array_length(d.facts -> 2) <> json_array_length(a.facts -> 'outcomes')
      or json_array_length(d.facts -> 3) <> json_array_length(a.facts -> 'use_cases')
      or json_array_length(d.facts -> 4) <> json_array_length(a.facts -> 'stakeholders')
      or json_array_length(d.facts -> 5) <> json_array_length(a.facts -> 'insights')
      or json_array_length(d.facts -> 6) <> json_array_length(a.facts -> 'meetings')
      or json_array_length(d.facts -> 7) <> json_array_length(a.facts -> 'communication_steps')
      or json_array_length(d.facts -> 8) <> json_array_length(a.facts -> 'opportunities')
$$, 'each row: its account id, then nine fields in all, each list as long as account_facts''');
select is_empty($$select account_id from public.dashboard_account_facts where facts::text ~ '\s'$$,
  'no whitespace: nothing in the facts is free text');
select is_empty($$
  select d.account_id from public.dashboard_account_facts d
   where (select count(*) from regexp_matches(d.facts::text, '"[0-9a-f]{8}-', 'g'))
      <> 1 + json_array_length(d.facts -> 8)
$$, 'the only ids left are the account''s and its opportunities''');

-- Every list in id order: position k holds the record with the k-th smallest id.
select is_empty($$
  select d.account_id, 'goals' from public.dashboard_account_facts d
   where (select array_agg((e.v ->> 0)::integer order by n) from json_array_elements(d.facts -> 1) with ordinality e (v, n))
         is distinct from (select array_agg(pg_temp.day(x.confirmed_current_on) order by x.id) from public.goals x where x.account_id = d.account_id)
  union all
  select d.account_id, 'use cases' from public.dashboard_account_facts d
   where (select array_agg((e.v ->> 0)::integer order by n) from json_array_elements(d.facts -> 3) with ordinality e (v, n))
         is distinct from (select array_agg(array_position(enum_range(x.status), x.status) - 1 order by x.id) from public.use_cases x where x.account_id = d.account_id)
  union all
  select d.account_id, 'stakeholders' from public.dashboard_account_facts d
   where (select array_agg((e.v ->> 1)::integer order by n) from json_array_elements(d.facts -> 4) with ordinality e (v, n))
         is distinct from (select array_agg(array_position(enum_range(x.position), x.position) - 1 order by x.id) from public.stakeholders x where x.account_id = d.account_id)
  union all
  select d.account_id, 'insights' from public.dashboard_account_facts d
   where (select array_agg((e.v ->> 0)::integer order by n) from json_array_elements(d.facts -> 5) with ordinality e (v, n))
         is distinct from (select array_agg(pg_temp.day(x.shared_on) order by x.id) from public.insights x where x.account_id = d.account_id)
  union all
  select d.account_id, 'meetings' from public.dashboard_account_facts d
   where (select array_agg((e.v ->> 1)::integer order by n) from json_array_elements(d.facts -> 6) with ordinality e (v, n))
         is distinct from (select array_agg(pg_temp.day(x.held_on) order by x.id) from public.meetings x where x.account_id = d.account_id)
  union all
  select d.account_id, 'opportunities' from public.dashboard_account_facts d
   where (select array_agg((e.v -> 0 ->> 0)::uuid order by n) from json_array_elements(d.facts -> 8) with ordinality e (v, n))
         is distinct from (select array_agg(x.id order by x.id) from public.opportunities x where x.account_id = d.account_id)
  union all
  select d.account_id, 'intent signals' from public.dashboard_account_facts d cross join json_array_elements(d.facts -> 8) o
   where (select array_agg((e.v ->> 1)::integer order by n) from json_array_elements(o -> 2) with ordinality e (v, n))
         is distinct from (select array_agg(pg_temp.day(x.occurred_on) order by x.id) from public.intent_signals x where x.opportunity_id = (o -> 0 ->> 0)::uuid)
$$, 'every list is in id order, the opportunities'' intent signals too');

-- Links: an outcome's goal and a step's stakeholder are positions in this account's lists.
select ok((select count(*) from public.goals where account_id = pg_temp.seed_id('account:13')) >= 3
  and (select count(*) from public.communication_steps s where (select count(*) from public.stakeholders x where x.account_id = s.account_id) >= 2) >= 2,
  'the links below are checked on an account with several goals and on steps among several stakeholders');
select is_empty($$
  select x.id from public.outcomes x join public.dashboard_account_facts d using (account_id)
   where (select array_agg(g.id order by g.id) from public.goals g where g.account_id = x.account_id)
           [1 + (d.facts -> 2 -> (select count(*)::integer from public.outcomes y where y.account_id = x.account_id and y.id < x.id) ->> 0)::integer]
         is distinct from x.goal_id
$$, 'an outcome''s link is the position of the goal its goal_id names');
select is_empty($$
  select x.id from public.communication_steps x join public.dashboard_account_facts d using (account_id)
   where (select array_agg(s.id order by s.id) from public.stakeholders s where s.account_id = x.account_id)
           [1 + (d.facts -> 7 -> (select count(*)::integer from public.communication_steps y where y.account_id = x.account_id and y.id < x.id) ->> 0)::integer]
         is distinct from x.stakeholder_id
$$, 'a step''s link is the position of the stakeholder its stakeholder_id names');

-- Enums travel as their position in the type's declared order: the
-- TypeScript lists follow that order (tests/db/facts-parity.test.ts), and a
-- value added later must be appended, or every stored position shifts.
select is(
  (select d.facts -> 8 -> 0 -> 0 ->> 3 from public.dashboard_account_facts d where d.account_id = pg_temp.seed_id('account:13')),
  (select (array_position(enum_range(o.declared_stage), o.declared_stage) - 1)::text from public.opportunities o
    where o.account_id = pg_temp.seed_id('account:13') order by o.id limit 1),
  'an opportunity''s declared stage is its position in pipeline_stage');
select is(
  (select d.facts -> 8 -> 0 -> 0 -> 0 from public.dashboard_account_facts d where d.account_id = pg_temp.seed_id('account:13'))::text,
  (select to_json(o.id)::text from public.opportunities o where o.account_id = pg_temp.seed_id('account:13') order by o.id limit 1),
  'an opportunity keeps its id, first, and not its account''s');
select is(
  (select d.facts -> 4 -> 0 -> 0 from public.dashboard_account_facts d where d.account_id = pg_temp.seed_id('account:13'))::jsonb,
  (select coalesce(jsonb_agg(array_position(enum_range(r), r) - 1 order by n), '[]')
     from unnest((select x.roles from public.stakeholders x where x.account_id = pg_temp.seed_id('account:13') order by x.id limit 1)) with ordinality u (r, n)),
  'a stakeholder''s roles are their positions in stakeholder_role, in the array''s order');
select is(
  (select d.facts -> 1 -> 0 ->> 0 from public.dashboard_account_facts d where d.account_id = pg_temp.seed_id('account:13')),
  (select pg_temp.day(x.confirmed_current_on)::text from public.goals x where x.account_id = pg_temp.seed_id('account:13') order by x.id limit 1),
  'a day is its number of days since 1970-01-01');

select tests.act_as_superuser();
select is(tests.attempt('csm_b', format('select 1 from public.dashboard_account_facts where organization_id = %L', pg_temp.seed_id('organization'))),
  'ok: 0 rows', 'another organization''s CSM sees none');
select tests.act_as_superuser();
select ok(not has_table_privilege('anon', 'public.dashboard_account_facts', 'select'), 'anon cannot read it');
select is(tests.attempt('anon', 'select 1 from public.dashboard_account_facts'), '42501: permission denied for view dashboard_account_facts',
  'anon''s read is refused');
select tests.act_as_superuser();
select is(tests.attempt('csm_a', 'delete from public.dashboard_account_facts'),
  '42501: permission denied for view dashboard_account_facts', 'a member cannot write to it');
select tests.act_as_superuser();
select ok((select reloptions @> array['security_invoker=true'] from pg_class where oid = 'public.dashboard_account_facts'::regclass),
  'dashboard_account_facts runs with the reader''s rights');
select ok((select a.attcompression = 'l' and a.attnotnull and c.reloptions @> array['toast_tuple_target=128']
             from pg_attribute a join pg_class c on c.oid = a.attrelid
            where a.attrelid = 'private.account_facts_cache'::regclass and a.attname = 'dashboard_facts'),
  'the cache keeps the dashboard''s form, out of line and lz4-compressed, for every row');
select is(
  (select array_agg(indexname::text order by indexname) from pg_indexes where schemaname = 'private' and tablename = 'account_facts_cache'),
  array['account_facts_cache_organization_account_idx', 'account_facts_cache_pkey'],
  'the cache keeps one index by organization (organization, account), and its key');

-- A write refreshes the row in its transaction.
select pg_temp.as_seed_csm();
select public.save_goal(jsonb_build_object('id', md5('sidecar-seed:test:dash-goal:1')::uuid, 'account_id', md5('sidecar-seed:account:13')::uuid,
  'statement', 'Goal 1, moved', 'confirmed_current_on', '2026-11-21'));
select is(
  (select (d.facts -> 1 -> (select count(*)::integer from public.goals g where g.account_id = md5('sidecar-seed:account:13')::uuid and g.id < md5('sidecar-seed:test:dash-goal:1')::uuid))::text
     from public.dashboard_account_facts d where d.account_id = md5('sidecar-seed:account:13')::uuid),
  format('[%s]', date '2026-11-21' - date '1970-01-01'),
  'a goal just updated has its new day in its account''s row, at its place');
select public.delete_record(jsonb_build_object('kind', 'goals', 'id', md5('sidecar-seed:test:dash-goal:1')::uuid));
select is(
  (select json_array_length(d.facts -> 1) || '/' || json_array_length(d.facts -> 2) from public.dashboard_account_facts d where d.account_id = md5('sidecar-seed:account:13')::uuid),
  (select count(*) from public.goals where account_id = md5('sidecar-seed:account:13')::uuid) || '/' || (select count(*) from public.outcomes where account_id = md5('sidecar-seed:account:13')::uuid),
  'and gone once deleted, with its outcome');

-- An infinite date, which no reader accepts, stays its text (the reader refuses it, loudly).
select tests.act_as_superuser();
update public.goals set confirmed_current_on = 'infinity' where id = pg_temp.seed_id('test:dash-goal:2');
select ok(
  (select d.facts::jsonb -> 1 @> '[["infinity"]]' from public.dashboard_account_facts d where d.account_id = pg_temp.seed_id('account:13')),
  'an infinite day stays its text');

-- A reference the foreign keys would refuse (none can be stored today) still
-- gives a link that is no index: -1, never a position in the list.
set local session_replication_role = replica;
insert into public.outcomes (id, organization_id, account_id, goal_id, summary, created_by)
values (pg_temp.seed_id('test:dash-outcome:stray'), pg_temp.seed_id('organization'), pg_temp.seed_id('account:13'),
        pg_temp.seed_id('goal:2'), 'Progress on another account''s goal', pg_temp.seed_id('user:csm1'));
insert into public.communication_steps (id, organization_id, account_id, stakeholder_id, purpose, created_by)
values (pg_temp.seed_id('test:dash-step:stray'), pg_temp.seed_id('organization'), pg_temp.seed_id('account:13'),
        pg_temp.seed_id('test:no-such-stakeholder'), 'Talk to someone gone', pg_temp.seed_id('user:csm1'));
reset session_replication_role;
alter table public.outcomes alter column goal_id drop not null;
insert into public.outcomes (id, organization_id, account_id, goal_id, summary, created_by)
values (pg_temp.seed_id('test:dash-outcome:none'), pg_temp.seed_id('organization'), pg_temp.seed_id('account:13'),
        null, 'Progress on no goal', pg_temp.seed_id('user:csm1'));
select private.refresh_opportunity_facts(array[pg_temp.seed_id('account:13')]);
select is(
  (select array_agg((d.facts -> 2 -> (select count(*)::integer from public.outcomes y where y.account_id = x.account_id and y.id < x.id) ->> 0)::integer order by x.id)
     from public.outcomes x join public.dashboard_account_facts d using (account_id)
    where x.id in (pg_temp.seed_id('test:dash-outcome:stray'), pg_temp.seed_id('test:dash-outcome:none'))),
  array[-1, -1],
  'an outcome whose goal is not among the account''s, or none, links to -1');
select is(
  (select (d.facts -> 7 -> (select count(*)::integer from public.communication_steps y where y.account_id = d.account_id and y.id < pg_temp.seed_id('test:dash-step:stray')) ->> 0)::integer
     from public.dashboard_account_facts d where d.account_id = pg_temp.seed_id('account:13')),
  -1,
  'a step whose stakeholder is not among the account''s links to -1');

select * from finish();
rollback;
