-- account_facts (20261122001400): one row per account, the same facts as
-- opportunity_facts without the copies, readable only by the account's
-- organization, and kept in step with every write, in the writer's transaction.
begin;
select plan(11);

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

select pg_temp.as_seed_csm();
select is((select count(*) from public.account_facts),
  (select count(distinct account_id) from public.opportunity_facts)
    + (select count(*) from public.accounts a where not exists (select 1 from public.opportunities o where o.account_id = a.id)
         and (exists (select 1 from public.stakeholders s where s.account_id = a.id) or exists (select 1 from public.insights i where i.account_id = a.id))),
  'a member sees one row per account with facts, also for an account whose only records are stakeholders or insights');
select is((select count(*) from public.account_facts), (select count(distinct account_id) from public.account_facts),
  'no account has two rows');
select is(
  (select count(*) from public.account_facts a cross join json_array_elements(a.facts -> 'opportunities') o),
  (select count(*) from public.opportunity_facts),
  'every opportunity is listed once, under its account');

-- Joined back, each opportunity's facts are exactly those of opportunity_facts.
select is_empty($$
  select f.opportunity_id
    from public.opportunity_facts f
    join public.account_facts a on a.account_id = f.account_id
    cross join lateral json_array_elements(a.facts -> 'opportunities') o
   where (o -> 'opportunity' ->> 'id')::uuid = f.opportunity_id
     and (f.facts::jsonb is distinct from (
            (a.facts::jsonb - 'account_id' - 'opportunities') || ((o::jsonb) - 'stage_entered_at'))
          or (o ->> 'stage_entered_at')::timestamptz is distinct from f.stage_entered_at)
  union all
  select f.opportunity_id from public.opportunity_facts f
   where not exists (select 1 from public.account_facts a cross join json_array_elements(a.facts -> 'opportunities') o
                      where (o -> 'opportunity' ->> 'id')::uuid = f.opportunity_id)
$$, 'an account''s lists with an opportunity''s own part make exactly that opportunity''s facts, and its stage date');

select tests.act_as_superuser();
select is(tests.attempt('csm_b', format('select 1 from public.account_facts where organization_id = %L', pg_temp.seed_id('organization'))),
  'ok: 0 rows', 'another organization''s CSM sees none');
select tests.act_as_superuser();
select ok(not has_table_privilege('anon', 'public.account_facts', 'select'), 'anon cannot read it');
select ok((select reloptions @> array['security_invoker=true'] from pg_class where oid = 'public.account_facts'::regclass),
  'account_facts runs with the reader''s rights');

-- Both caches keep their JSON out of line and lz4-compressed (a bulk write's
-- dead versions would otherwise make every full scan read hundreds of MB).
select is_empty($$
  select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'facts'
   where c.oid in ('private.opportunity_facts_cache'::regclass, 'private.account_facts_cache'::regclass)
     and not (a.attcompression = 'l' and c.reloptions @> array['toast_tuple_target=128'])
$$, 'the facts caches store their JSON out of line, lz4-compressed');

-- Writes refresh it in the same transaction (ids written out: the CSM role
-- cannot run this file's temporary functions).

select pg_temp.as_seed_csm();
select public.save_goal(jsonb_build_object('id', md5('sidecar-seed:test:account-facts-goal')::uuid, 'account_id', md5('sidecar-seed:account:1')::uuid,
  'statement', 'Open two stores a quarter', 'confirmed_current_on', '2026-11-21'));
select ok(
  (select facts::jsonb -> 'goals' @> jsonb_build_array(jsonb_build_object('id', md5('sidecar-seed:test:account-facts-goal')::uuid, 'confirmed_current_on', '2026-11-21'))
   from public.account_facts where account_id = md5('sidecar-seed:account:1')::uuid),
  'a goal just saved is in its account''s row');
select public.delete_record(jsonb_build_object('kind', 'goals', 'id', md5('sidecar-seed:test:account-facts-goal')::uuid));
select ok(
  not (select facts::jsonb -> 'goals' @> jsonb_build_array(jsonb_build_object('id', md5('sidecar-seed:test:account-facts-goal')::uuid))
   from public.account_facts where account_id = md5('sidecar-seed:account:1')::uuid),
  'and gone once deleted');
select tests.act_as_superuser();
select is(
  (select json_array_length(facts -> 'opportunities') from public.account_facts where account_id = md5('sidecar-seed:account:1')::uuid),
  (select count(*)::int from public.opportunities where account_id = md5('sidecar-seed:account:1')::uuid),
  'the account''s row lists each of its opportunities');

select * from finish();
rollback;
