-- The stall threshold (20261122001200): a team setting admins change through
-- update_organization_settings, like the freshness windows; what the database
-- refuses to anyone else, whatever the page shows them.
begin;
select plan(13);

select tests.two_organizations();

create function pg_temp.code(who text, statement text) returns text
language sql
as $$ select split_part(tests.attempt(who, statement), ':', 1) $$;

create function pg_temp.settings(threshold jsonb) returns text
language sql
as $$ select format('select public.update_organization_settings(%L)',
  jsonb_build_object('organization_id', tests.id('organizations:A'), 'stall_threshold_days', threshold)) $$;

select is((select stall_threshold_days from public.organizations where id = tests.id('organizations:A')), 30,
  'a new organization counts 30 days before an opportunity is stalled');

select tests.act_as('admin_a');
select is((public.update_organization_settings(jsonb_build_object(
  'organization_id', tests.id('organizations:A'), 'stall_threshold_days', 45))).stall_threshold_days, 45,
  'an admin sets the stall threshold');
select is((public.update_organization_settings(jsonb_build_object(
  'organization_id', tests.id('organizations:A'), 'goal_current_days', 60))).stall_threshold_days, 45,
  'a settings change without it keeps the threshold');
select is((public.update_organization_settings(jsonb_build_object(
  'organization_id', tests.id('organizations:A'), 'stall_threshold_days', 3650))).stall_threshold_days, 3650,
  'ten years is the longest threshold');
select tests.act_as_superuser();

select is(pg_temp.code('admin_a', pg_temp.settings('0')), 'SCRNG', 'a threshold of 0 days is SCRNG');
select is(pg_temp.code('admin_a', pg_temp.settings('3651')), 'SCRNG', 'a threshold over ten years is SCRNG');
select is(pg_temp.code('admin_a', pg_temp.settings('12.5')), 'SCTYP', 'a threshold of 12.5 days is SCTYP');
select is(pg_temp.code('admin_a', pg_temp.settings('"thirty"')), 'SCTYP', 'a threshold in words is SCTYP');
select is(pg_temp.code('csm_a', pg_temp.settings('10')), 'SCAUT', 'a CSM cannot change it');
select is(pg_temp.code('manager_a', pg_temp.settings('10')), 'SCAUT', 'a manager cannot change it');
select is(pg_temp.code('admin_b', pg_temp.settings('10')), 'SCREF', 'another organization''s admin cannot change it');
select is(tests.attempt('csm_a', format('update public.organizations set stall_threshold_days = 5 where id = %L', tests.id('organizations:A'))),
  'ok: 0 rows', 'a CSM''s direct update reaches no row (row-level security)');
select is((select stall_threshold_days from public.organizations where id = tests.id('organizations:A')), 3650,
  'and the threshold is what the admin set');

select * from finish();
rollback;
