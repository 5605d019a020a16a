-- Fixes found by the sync: a deleted id stays deleted (SCCNF on a save that
-- would bring it back), and save_account keeps the client's id of a new
-- account domain (so a later tombstone names the row the client holds).
begin;
select tests.two_organizations();
select plan(10);

-- The stable code of `fn(payload)` called as csm_a ('ok' when it succeeds).
create function pg_temp.code_of(fn text, payload jsonb) returns text
language sql
as $$ select split_part(tests.attempt('csm_a', format('select public.%I(%L::jsonb)', fn, payload)), ':', 1) $$;

-- A goal written, then deleted by its author: a queued correction of it is refused.
select tests.act_as('csm_a');
select is((public.save_goal(jsonb_build_object('id', tests.id('doomed-goal'), 'account_id', tests.id('accounts:A'), 'statement', 'Halve the backlog'))).id,
  tests.id('doomed-goal'), 'a new goal is saved');
select is(public.delete_record(jsonb_build_object('kind', 'goals', 'id', tests.id('doomed-goal'))), true, 'its author deletes it');
select tests.act_as_superuser();
select is(tests.attempt('csm_a', format('select public.save_goal(%L::jsonb)',
    jsonb_build_object('id', tests.id('doomed-goal'), 'account_id', tests.id('accounts:A'), 'statement', 'Halve the backlog by June'))),
  'SCCNF: This record was deleted by a teammate; your change to it was not saved.',
  'a save of the deleted id is refused with SCCNF');
select is((select count(*)::int from public.goals where id = tests.id('doomed-goal')), 0, 'and writes nothing');
select is(pg_temp.code_of('save_stakeholder', jsonb_build_object('id', tests.id('gone:A'), 'account_id', tests.id('accounts:A'), 'name', 'Same id, other kind')),
  'ok', 'a tombstone of another kind does not block the id');

-- A live row with a tombstone (re-created before the fix) stays editable.
insert into public.deleted_records (organization_id, table_name, record_id, created_by)
values (tests.id('organizations:A'), 'stakeholders', tests.id('stakeholders:A'), tests.user_id('csm_a'));
select is(pg_temp.code_of('save_stakeholder', jsonb_build_object('id', tests.id('stakeholders:A'), 'account_id', tests.id('accounts:A'), 'name', 'Still here')),
  'ok', 'a live record with an old tombstone can still be corrected');

-- Account domains keep the client's id when it is free.
insert into public.deleted_records (organization_id, table_name, record_id, created_by)
values (tests.id('organizations:A'), 'account_domains', tests.id('buried-domain'), tests.user_id('csm_a'));
select tests.act_as('csm_a');
select isnt((public.save_account(jsonb_build_object('id', tests.id('accounts:A'), 'organization_id', tests.id('organizations:A'), 'name', 'A Customer',
    'domains', jsonb_build_array('a-customer.example', 'second-a-customer.example', 'kept-id.example', 'taken-id.example', 'buried-id.example'),
    'domain_ids', jsonb_build_object('kept-id.example', tests.id('domain:kept'), 'taken-id.example', tests.id('account_domains:B'),
                                     'buried-id.example', tests.id('buried-domain'))))).id,
  null, 'an account saved with its domains'' ids');
select tests.act_as_superuser();
select is((select array_agg(id = tests.id('domain:kept') order by domain) from public.account_domains
           where domain in ('kept-id.example', 'taken-id.example', 'buried-id.example')),
  array[false, true, false], 'a new domain keeps the id the client sent, unless another row has it or had it');
select is((select count(*)::int from public.account_domains where id in (tests.id('account_domains:B'), tests.id('buried-domain')) and account_id = tests.id('accounts:A')),
  0, 'a taken or buried id is not reused');
select is(pg_temp.code_of('save_account', jsonb_build_object('id', tests.id('accounts:A'), 'organization_id', tests.id('organizations:A'), 'name', 'A Customer',
    'domains', jsonb_build_array('a-customer.example'), 'domain_ids', jsonb_build_object('a-customer.example', 'not-a-uuid'))),
  'SCTYP', 'domain_ids that are not uuids are refused');

select * from finish();
rollback;
