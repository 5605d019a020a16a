-- account_facts_compact (20261122001600): the rows of account_facts in a
-- compact form, readable by exactly the same members, kept in step with every
-- write. Its decoding is held equal to account_facts by
-- tests/db/facts-parity.test.ts; here, what SQL alone can check.
begin;
select plan(13);

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
select ok((select count(*) from public.account_facts_compact) > 0, 'a member reads their organization''s compact rows');
select is_empty($$
  (select account_id, organization_id from public.account_facts except select account_id, organization_id from public.account_facts_compact)
  union all
  (select account_id, organization_id from public.account_facts_compact except select account_id, organization_id from public.account_facts)
$$, 'the same rows as account_facts');
select is_empty($$
  select a.account_id from public.account_facts a join public.account_facts_compact c using (account_id)
   where c.facts ->> 0 <> a.account_id::text
      or json_array_length(c.facts) <> 9
      or json_array_length(c.facts -> 1) <> json_array_length(a.facts -> 'goals')
      or json_array_length(c.facts -> 4) <> json_array_length(a.facts -> 'stakeholders')
      or json_array_length(c.facts -> 7) <> json_array_length(a.facts -> 'communication_steps')
      or json_array_length(c.facts -> 8) <> json_array_length(a.facts -> 'opportunities')
$$, 'each row starts with its account id, then the account''s lists and its opportunities, as many as account_facts lists');
select is_empty($$select account_id from public.account_facts_compact where facts::text ~ '[ \n]'$$,
  'no whitespace: nothing in the facts is free text');

-- Enums travel as their position in the type's declared order: the
-- TypeScript lists follow that order (tests/db/facts-parity.test.ts), and a
-- value added later must be appended, or every stored position shifts.
select is(
  (select c.facts -> 8 -> 0 -> 0 ->> 4 from public.account_facts_compact c where c.account_id = md5('sidecar-seed:account:1')::uuid),
  (select (array_position(enum_range(o.declared_stage), o.declared_stage) - 1)::text from public.opportunities o
    where o.account_id = md5('sidecar-seed:account:1')::uuid order by o.id limit 1),
  'an opportunity''s declared stage is its position in pipeline_stage');
select is(
  (select c.facts -> 1 -> 0 ->> 1 from public.account_facts_compact c where c.account_id = md5('sidecar-seed:account:1')::uuid),
  (select (a.facts -> 'goals' -> 0 ->> 'confirmed_current_on')::date - date '1970-01-01' from public.account_facts a where a.account_id = md5('sidecar-seed:account:1')::uuid)::text,
  'a day is its number of days since 1970-01-01');

select tests.act_as_superuser();
select is(tests.attempt('csm_b', format('select 1 from public.account_facts_compact where organization_id = %L', pg_temp.seed_id('organization'))),
  'ok: 0 rows', 'another organization''s CSM sees none');
select tests.act_as_superuser();
select ok(not has_table_privilege('anon', 'public.account_facts_compact', 'select'), 'anon cannot read it');
select ok((select reloptions @> array['security_invoker=true'] from pg_class where oid = 'public.account_facts_compact'::regclass),
  'account_facts_compact runs with the reader''s rights');
select ok((select a.attcompression = 'l' and c.reloptions @> array['toast_tuple_target=128']
             from pg_attribute a join pg_class c on c.oid = a.attrelid
            where a.attrelid = 'private.account_facts_cache'::regclass and a.attname = 'compact_facts'),
  'the compact form is stored out of line and lz4-compressed, as the named one was');

select is(
  (select array_agg(indexname::text order by indexname) from pg_indexes where schemaname = 'private' and tablename = 'account_facts_cache'),
  array['account_facts_cache_organization_account_idx', 'account_facts_cache_pkey'],
  'the cache keeps one index by organization (organization, account), and its key');

-- A write refreshes both forms in its transaction.
select pg_temp.as_seed_csm();
select public.save_goal(jsonb_build_object('id', md5('sidecar-seed:test:compact-goal')::uuid, 'account_id', md5('sidecar-seed:account:1')::uuid,
  'statement', 'Open two stores a quarter', 'confirmed_current_on', '2026-11-21'));
select ok(
  (select facts::jsonb -> 1 @> jsonb_build_array(jsonb_build_array(md5('sidecar-seed:test:compact-goal')::uuid, date '2026-11-21' - date '1970-01-01'))
   from public.account_facts_compact where account_id = md5('sidecar-seed:account:1')::uuid),
  'a goal just saved is in its account''s compact row');
select public.delete_record(jsonb_build_object('kind', 'goals', 'id', md5('sidecar-seed:test:compact-goal')::uuid));
select ok(
  not (select facts::text like '%' || md5('sidecar-seed:test:compact-goal')::uuid::text || '%'
   from public.account_facts_compact where account_id = md5('sidecar-seed:account:1')::uuid),
  'and gone once deleted');

select * from finish();
rollback;
