-- pull_snapshot (20261122001900): the first pull's dense parts. What SQL
-- alone can check: rights, argument errors, the bucket ranges, where the
-- organization's own rows go, and the cursor's form and order.
-- tests/db/pull-snapshot.test.ts decodes the parts and holds them equal to
-- pull_changes' rows kind by kind, and proves the cursor with transactions
-- that commit out of order (which one pgTAP transaction cannot show).
begin;
select plan(22);

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

-- The ids of one kind's rows in a part (a row's first value is its id).
create function pg_temp.ids(part json, kind text) returns setof uuid
language sql immutable
as $$ select (r ->> 0)::uuid from json_array_elements(part -> 'records' -> kind) r $$;

grant execute on function pg_temp.seed_id(text), pg_temp.ids(json, text) to authenticated;

select tests.two_organizations();

-- Rights.
select is(tests.attempt('anon', format('select public.pull_snapshot(%L, 0, 255)', pg_temp.seed_id('organization'))),
  '42501: permission denied for function pull_snapshot', 'anon cannot take a snapshot');
select is(split_part(tests.attempt('csm_b', format('select public.pull_snapshot(%L, 0, 255)', pg_temp.seed_id('organization'))), ':', 1),
  'SCREF', 'a CSM of another organization cannot take this one''s snapshot');
select is(split_part(tests.attempt('newcomer', format('select public.pull_snapshot(%L, 0, 255)', pg_temp.seed_id('organization'))), ':', 1),
  'SCREF', 'a signed-in user of no organization cannot either');
select ok(not (select prosecdef from pg_proc where oid = 'public.pull_snapshot(uuid, integer, integer)'::regprocedure),
  'it runs with the caller''s rights, so row-level security decides the rows');

-- Argument errors.
select pg_temp.as_seed_csm();
select throws_ok(format('select public.pull_snapshot(%L, -1, 3)', pg_temp.seed_id('organization')), 'SCRNG', null, 'a first bucket below 0 is SCRNG');
select throws_ok(format('select public.pull_snapshot(%L, 256, 256)', pg_temp.seed_id('organization')), 'SCRNG', null, 'a first bucket past 255 is SCRNG');
select throws_ok(format('select public.pull_snapshot(%L, 9, 8)', pg_temp.seed_id('organization')), 'SCRNG', null, 'a last bucket before the first is SCRNG');
select throws_ok(format('select public.pull_snapshot(%L, 0, 256)', pg_temp.seed_id('organization')), 'SCRNG', null, 'a last bucket past 255 is SCRNG');
select throws_ok(format('select public.pull_snapshot(%L, null, 3)', pg_temp.seed_id('organization')), 'SCRNG', null, 'a missing bucket is SCRNG');

-- Buckets: two halves are the whole, without overlap, and the whole is every
-- account of the organization (the seed has accounts on both sides of 80).
create temp table parts on commit drop as
select public.pull_snapshot(pg_temp.seed_id('organization'), 0, 255) as whole,
       public.pull_snapshot(pg_temp.seed_id('organization'), 0, 127) as low,
       public.pull_snapshot(pg_temp.seed_id('organization'), 128, 255) as high;
select set_eq(
  $$select pg_temp.ids(low, 'accounts') from parts union all select pg_temp.ids(high, 'accounts') from parts$$,
  $$select pg_temp.ids(whole, 'accounts') from parts$$,
  'accounts of buckets 0-127 and 128-255 are the accounts of 0-255');
select is((select count(*) from parts, pg_temp.ids(low, 'accounts') a where a in (select pg_temp.ids(high, 'accounts') from parts)), 0::bigint,
  'no account is in both halves');
select set_eq($$select pg_temp.ids(whole, 'accounts') from parts$$,
  format('select id from public.accounts where organization_id = %L', pg_temp.seed_id('organization')),
  'the whole range is every account of the organization');
select set_eq($$select pg_temp.ids(whole, 'stakeholders') from parts$$,
  format('select id from public.stakeholders where organization_id = %L', pg_temp.seed_id('organization')),
  'and every stakeholder of its accounts');
select is_empty($$select a from parts, pg_temp.ids(low, 'accounts') a where a::text >= '80'
    union all select a from parts, pg_temp.ids(high, 'accounts') a where a::text < '80'$$,
  'buckets 0-127 hold the accounts whose id starts with 00 to 7f, buckets 128-255 those from 80 to ff');
select is_empty($$select r from parts, json_array_elements(high -> 'records' -> 'opportunities') r where r ->> 4 < '80'$$,
  'a part''s opportunities belong to its accounts');

-- The organization's own rows travel once, with the part that starts at bucket 0.
select set_eq($$select json_object_keys(low -> 'records') from parts$$,
  array['organizations', 'organization_domains', 'members', 'accounts', 'account_domains', 'account_milestones', 'stakeholders', 'opportunities',
    'opportunity_stage_changes', 'goals', 'outcomes', 'use_cases', 'business_cases', 'intent_signals', 'insights', 'meetings', 'communication_steps', 'close_records'],
  'the part from bucket 0 carries the organization''s rows and every account-scoped kind (not invitations)');
select is_empty($$select k from parts, json_object_keys(high -> 'records') k where k in ('organizations', 'organization_domains', 'members')$$,
  'a part from another bucket carries none of the organization''s rows');
select is((select count(*) from parts, pg_temp.ids(low, 'members')),
  (select count(*) from public.members where organization_id = pg_temp.seed_id('organization')), 'every member of the organization');

-- The cursor: (xmin - 1) and the largest bigint, from the part's own snapshot.
select is(public.pull_snapshot(pg_temp.seed_id('organization'), 0, 0) ->> 'cursor',
  ((pg_snapshot_xmin(pg_current_snapshot())::text)::bigint - 1)::text || ':9223372036854775807',
  'the cursor is the snapshot''s xmin - 1, with the largest change_seq');
select is((select count(*) from parts, public.pull_changes(pg_temp.seed_id('organization'), whole ->> 'cursor', 5000)), 0::bigint,
  'pull_changes takes it, and nothing written before the snapshot comes after it');
select public.save_goal(jsonb_build_object('id', pg_temp.seed_id('test:snapshot-goal'), 'account_id', pg_temp.seed_id('account:1'),
  'statement', 'Written after the snapshot'));
select ok((select (g.change_xid, g.change_seq) > (c.after_xid, c.after_seq)
    from public.goals g, parts, private.parse_cursor(parts.whole ->> 'cursor') c where g.id = pg_temp.seed_id('test:snapshot-goal')),
  'a change written after the snapshot is after its cursor in pull_changes'' order');
select tests.act_as_superuser();
select ok((select bool_and(g.change_xid::text::bigint <= (split_part(p.whole ->> 'cursor', ':', 1))::bigint)
    from public.goals g, parts p where g.organization_id = pg_temp.seed_id('organization') and g.id <> pg_temp.seed_id('test:snapshot-goal')),
  'every seed change (committed before the snapshot, nothing else running) is at or before its cursor');

select * from finish();
rollback;
