-- Regressions found by the write-RPC fuzz test (tests/db/write-rpc-fuzz.test.ts),
-- fixed in 20261122001300_write_rpc_stable_errors.sql: each of these calls
-- used to leak a raw PostgreSQL error or store something other than what was
-- sent. Each now gets a stable code and writes nothing.
begin;

select tests.two_organizations();
select plan(14);

create function pg_temp.code(who text, fn text, payload jsonb) returns text
language sql
as $$ select split_part(tests.attempt(who, format('select public.%I(%L::jsonb)', fn, payload)), ':', 1) $$;

-- 1. Fractions of a cent.
select is(pg_temp.code('csm_a', 'save_account', jsonb_build_object('id', tests.id('new-account'), 'organization_id', tests.id('organizations:A'), 'name', 'Cents', 'arr', 0.001)),
  'SCTYP', 'an ARR with a fraction of a cent is SCTYP, not rounded to 0');
select is(pg_temp.code('csm_a', 'save_opportunity', jsonb_build_object('id', tests.id('new-opportunity'), 'account_id', tests.id('accounts:A'), 'title', 'T', 'type', 'renewal', 'amount', 99999999999.995)),
  'SCTYP', 'an amount a rounding would change (to 100000000000) is SCTYP, not stored rounded');
select is(pg_temp.code('csm_a', 'save_opportunity', jsonb_build_object('id', tests.id('new-opportunity'), 'account_id', tests.id('accounts:A'), 'title', 'T', 'type', 'renewal', 'amount', 1234.5)),
  'ok', 'an amount with cents is still stored');

-- 2. Moving a record with dependents to another account.
select is(pg_temp.code('csm_a', 'save_opportunity', jsonb_build_object('id', tests.id('opportunities:A'), 'account_id', tests.id('accounts:A:by-manager'), 'title', 'Renewal 2027', 'type', 'renewal')),
  'SCCNF', 'an opportunity with stage history cannot move to another account (was 23503)');
select is(pg_temp.code('csm_a', 'save_goal', jsonb_build_object('id', tests.id('goals:A'), 'account_id', tests.id('accounts:A:by-manager'), 'statement', 'Moved')),
  'SCCNF', 'a goal with outcomes cannot move to another account (was 23503)');
select is(pg_temp.code('csm_a', 'save_stakeholder', jsonb_build_object('id', tests.id('stakeholders:A'), 'account_id', tests.id('accounts:A:by-manager'), 'name', 'Pat Sponsor')),
  'SCCNF', 'a stakeholder with planned steps cannot move to another account (was 23503)');
select is(pg_temp.code('csm_a', 'save_use_case', jsonb_build_object('id', tests.id('use_cases:A'), 'account_id', tests.id('accounts:A:by-manager'), 'name', 'Ticket triage', 'status', 'active')),
  'ok', 'a record with nothing hanging off it still moves');

-- 3. The id of another one-per-key record.
select is(pg_temp.code('csm_a', 'save_account_milestone', jsonb_build_object('id', tests.id('account_milestones:A'), 'account_id', tests.id('accounts:A'), 'kind', 'renew_grow', 'reached_on', '2026-05-01')),
  'SCCNF', 'a milestone id reused for another kind is SCCNF (was 23505)');
select is(pg_temp.code('csm_a', 'save_business_case', jsonb_build_object('id', tests.id('business_cases:A'), 'account_id', tests.id('accounts:A'), 'opportunity_id', tests.id('opportunities-3:A'))),
  'SCCNF', 'a business case id reused for another opportunity is SCCNF (was 23505)');
select is(pg_temp.code('csm_a', 'save_close_record', jsonb_build_object('id', tests.id('close_records:A'), 'account_id', tests.id('accounts:A'), 'opportunity_id', tests.id('opportunities-3:A'), 'outcome', 'won')),
  'SCCNF', 'a close record id reused for another opportunity is SCCNF (was 23505)');

-- 4. save_account's domains are the whole set, or nothing is written.
select is(pg_temp.code('csm_a', 'save_account', jsonb_build_object('id', tests.id('accounts:A'), 'organization_id', tests.id('organizations:A'), 'name', 'Renamed', 'domains', '[]'::jsonb)),
  'SCAUT', 'a CSM cannot drop a domain a colleague added (it used to stay, silently)');
select is((select name from public.accounts where id = tests.id('accounts:A')), 'Customer of A', 'and the account is unchanged');

-- 5. create_organization validates a replay.
select is(pg_temp.code('admin_a', 'create_organization', jsonb_build_object('id', tests.id('organizations:A'), 'name', 12345)),
  'SCTYP', 'a replay with a name that is not text is SCTYP (it used to succeed)');
select is(pg_temp.code('admin_a', 'create_organization', jsonb_build_object('id', tests.id('organizations:A'), 'name', 'Another name')),
  'SCCNF', 'a replay with another name is SCCNF (it used to succeed and ignore the name)');

select * from finish();
rollback;
