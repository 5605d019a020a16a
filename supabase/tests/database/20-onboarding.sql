-- Onboarding: creating an organization, settings, own domains, invitations,
-- joining on first sign-in, roles.
begin;
select plan(27);

select tests.two_organizations();

create function pg_temp.code(who text, statement text) returns text
language sql
as $$ select split_part(tests.attempt(who, statement), ':', 1) $$;

-- Creating an organization.
select tests.act_as('newcomer');
select is(
  (public.create_organization(jsonb_build_object('id', tests.id('organizations:N'), 'name', 'Newco'))).name,
  'Newco', 'a signed-in user creates an organization');
select is(
  (public.create_organization(jsonb_build_object('id', tests.id('organizations:N'), 'name', 'Newco'))).id,
  tests.id('organizations:N'), 'replaying the creation returns the same organization');
select tests.act_as_superuser();
select is((select count(*) from public.organizations where id = tests.id('organizations:N')), 1::bigint, 'and leaves one organization');
select is((select role::text from public.members where organization_id = tests.id('organizations:N') and user_id = tests.user_id('newcomer')),
  'admin', 'its creator is its admin');
select is(pg_temp.code('newcomer', format('select public.create_organization(%L)', jsonb_build_object('id', tests.id('organizations:X')))),
  'SCREQ', 'an organization needs a name');
select is(pg_temp.code('newcomer', format('select public.create_organization(%L)', jsonb_build_object('id', tests.id('organizations:B'), 'name', 'Mine now'))),
  'SCCNF', 'another organization''s id cannot be taken over');
select is(tests.attempt('anon', $$select public.create_organization('{"id": "6f1d9a1e-2f4b-4c38-9d2c-4b1e7c1d0a01", "name": "x"}')$$),
  '42501: permission denied for function create_organization', 'anon cannot create an organization');

-- Settings.
select is(tests.attempt('admin_a', format('select public.update_organization_settings(%L)',
  jsonb_build_object('organization_id', tests.id('organizations:A'), 'goal_current_days', 30))), 'ok: 1 rows', 'an admin sets a freshness window');
select is(pg_temp.code('csm_a', format('select public.update_organization_settings(%L)',
  jsonb_build_object('organization_id', tests.id('organizations:A'), 'goal_current_days', 30))), 'SCAUT', 'a CSM cannot');
select is(pg_temp.code('admin_b', format('select public.update_organization_settings(%L)',
  jsonb_build_object('organization_id', tests.id('organizations:A'), 'goal_current_days', 30))), 'SCREF', 'another organization''s admin cannot');
select is(pg_temp.code('admin_a', format('select public.update_organization_settings(%L)',
  jsonb_build_object('organization_id', tests.id('organizations:A'), 'goal_current_days', 0))), 'SCRNG', 'a window of 0 days is SCRNG');
select is(pg_temp.code('admin_a', format('select public.update_organization_settings(%L)',
  jsonb_build_object('organization_id', tests.id('organizations:A'), 'insight_shared_days', 2.5))), 'SCTYP', 'a window of 2.5 days is SCTYP');

-- Own domains.
select tests.act_as('admin_a');
select is(
  (select array_agg(domain order by domain) from public.set_organization_domains(jsonb_build_object(
    'organization_id', tests.id('organizations:A'), 'domains', jsonb_build_array('Vendor-A.example', 'mail.vendor-a.example', 'vendor-a.example')))),
  array['mail.vendor-a.example', 'vendor-a.example'], 'an admin sets the own domains: lower-cased, de-duplicated, the old set replaced');
select is(
  (select count(*) from public.set_organization_domains(jsonb_build_object(
    'organization_id', tests.id('organizations:A'), 'domains', jsonb_build_array('vendor-a.example', 'mail.vendor-a.example')))),
  2::bigint, 'setting the same domains again changes nothing');
select tests.act_as_superuser();
select is(pg_temp.code('admin_a', format('select public.set_organization_domains(%L)',
  jsonb_build_object('organization_id', tests.id('organizations:A'), 'domains', jsonb_build_array('a-customer.example')))),
  'SCCNF', 'a customer''s domain cannot be an own domain');
select is(pg_temp.code('admin_a', format('select public.set_organization_domains(%L)',
  jsonb_build_object('organization_id', tests.id('organizations:A'), 'domains', jsonb_build_array('not a domain')))),
  'SCTYP', 'a malformed domain is SCTYP');

-- Invitations and joining.
select tests.act_as('admin_a');
select is((public.invite_member(jsonb_build_object('id', tests.id('invite:hire'), 'organization_id', tests.id('organizations:A'),
  'email', 'New.Hire@vendor-a.example', 'role', 'manager'))).email, 'new.hire@vendor-a.example', 'an admin invites by email');
select is((public.invite_member(jsonb_build_object('id', tests.id('invite:hire'), 'organization_id', tests.id('organizations:A'),
  'email', 'New.Hire@vendor-a.example', 'role', 'manager'))).id, tests.id('invite:hire'), 'replaying the invitation returns it');
select tests.act_as_superuser();
select is((select count(*) from public.invitations where email = 'new.hire@vendor-a.example'), 1::bigint, 'and leaves one invitation');
select is(pg_temp.code('csm_a', format('select public.invite_member(%L)', jsonb_build_object('id', tests.id('invite:x'),
  'organization_id', tests.id('organizations:A'), 'email', 'x@vendor-a.example'))), 'SCAUT', 'a CSM cannot invite');
select is(pg_temp.code('admin_a', format('select public.invite_member(%L)', jsonb_build_object('id', tests.id('invite:x'),
  'organization_id', tests.id('organizations:A'), 'email', 'x@vendor-a.example', 'role', 'owner'))), 'SCENM', 'an unknown role is SCENM');

insert into auth.users (id, email) values (tests.id('user:hire'), 'new.hire@vendor-a.example');
select is((select count(*) from public.members where user_id = tests.id('user:hire')), 0::bigint,
  'an unconfirmed sign-up joins nothing');
update auth.users set email_confirmed_at = now() where id = tests.id('user:hire');
select is((select role::text from public.members where user_id = tests.id('user:hire') and organization_id = tests.id('organizations:A')),
  'manager', 'on first sign-in with the invited address, the person joins with the invited role');

update auth.users set email_confirmed_at = now() where id = tests.user_id('newcomer');
select tests.act_as('admin_b');
select public.invite_member(jsonb_build_object('id', tests.id('invite:newcomer'), 'organization_id', tests.id('organizations:B'),
  'email', tests.email('newcomer')));
select tests.act_as_superuser();
select tests.act_as('newcomer');
select is((select array_agg(organization_id) from public.join_invited_organizations() where role = 'csm'),
  array[tests.id('organizations:B')], 'someone invited after signing up joins with join_invited_organizations()');
select tests.act_as_superuser();

-- Roles.
select is(pg_temp.code('admin_a', format('select public.set_member_role(%L)', jsonb_build_object(
  'member_id', (select id from public.members where user_id = tests.user_id('admin_a')), 'role', 'csm'))),
  'SCCNF', 'the last admin cannot step down');
select is(pg_temp.code('csm_a', format('select public.set_member_role(%L)', jsonb_build_object('member_id', tests.id('members:A'), 'role', 'admin'))),
  'SCAUT', 'a CSM cannot promote themselves');
select is(tests.attempt('admin_a', format('select public.remove_member(%L)', jsonb_build_object('member_id', tests.id('members:A')))),
  'ok: 1 rows', 'an admin removes a member');

select * from finish();
rollback;
