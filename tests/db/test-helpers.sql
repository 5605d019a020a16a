-- Test-only helpers, loaded after the migrations by the test harness
-- (`createSidecarDatabase(..., { testHelpers: true })`), never by a real
-- project. Schema `tests` is not exposed and nobody but the superuser may use it.
--
-- * tests.id(label)            a deterministic uuid for a fixture label
-- * tests.two_organizations()  organizations A and B, their people, one row of
--                              every table in each, and copies written by A's manager
-- * tests.act_as(who)          become a fixture user the way PostgREST does
--                              (set local role + request.jwt.claims); 'anon' too
-- * tests.attempt(who, sql)    run one statement as `who` inside a
--                              subtransaction that is always rolled back, and
--                              say what happened: 'ok: N rows' or 'SQLSTATE: message'

create schema tests;
revoke all on schema tests from public;

create function tests.id(label text) returns uuid
language sql immutable
as $$ select md5('sidecar-fixture:' || label)::uuid $$;

-- Fixture people: admin_a, manager_a, csm_a (org A); admin_b, csm_b (org B);
-- newcomer (signed up, member of nothing).
create function tests.user_id(who text) returns uuid
language sql immutable
as $$ select tests.id('user:' || who) $$;

create function tests.email(who text) returns text
language sql immutable
as $$ select replace(who, '_', '.') || '@' || case when who like '%\_b' then 'vendor-b.example' else 'vendor-a.example' end $$;

create function tests.create_user(who text) returns uuid
language sql
as $$
  insert into auth.users (id, email) values (tests.user_id(who), tests.email(who))
  on conflict (id) do nothing;
  select tests.user_id(who);
$$;

create function tests.act_as(who text) returns void
language plpgsql
as $$
begin
  if who = 'anon' then
    perform set_config('request.jwt.claims', '{"role":"anon"}', true);
    set local role anon;
  else
    perform set_config('request.jwt.claims',
      jsonb_build_object('sub', tests.user_id(who), 'role', 'authenticated', 'email', tests.email(who))::text, true);
    set local role authenticated;
  end if;
end
$$;

-- Back to the superuser, claims cleared.
create function tests.act_as_superuser() returns void
language plpgsql
as $$
begin
  reset role;
  perform set_config('request.jwt.claims', '', true);
end
$$;

create function tests.attempt(who text, statement text) returns text
language plpgsql
as $$
declare
  affected bigint;
begin
  begin
    perform tests.act_as(who);
    execute statement;
    get diagnostics affected = row_count;
    raise exception using errcode = 'TSTRB', message = affected::text;
  exception
    when sqlstate 'TSTRB' then
      return format('ok: %s rows', sqlerrm);
    when others then
      return format('%s: %s', sqlstate, sqlerrm);
  end;
end
$$;

-- One row of every table for organization `org` ('A' or 'B'); the row of
-- table T has id tests.id('T:' || org). Evidence is written by the org's CSM;
-- organization-level rows by its admin.
create function tests.fill_organization(org text) returns void
language plpgsql
as $$
declare
  o uuid := tests.id('organizations:' || org);
  admin uuid := tests.create_user('admin_' || lower(org));
  csm uuid := tests.create_user('csm_' || lower(org));
  acct uuid := tests.id('accounts:' || org);
  opp uuid := tests.id('opportunities:' || org);
  person uuid := tests.id('stakeholders:' || org);
  dom text := lower(org) || '-customer.example';
begin
  insert into public.organizations (id, name, created_by) values (o, 'Organization ' || org, admin);
  insert into public.members (id, organization_id, user_id, email, role, created_by)
  values (tests.id('members:' || org), o, csm, tests.email('csm_' || lower(org)), 'csm', admin);
  insert into public.invitations (id, organization_id, email, role, created_by)
  values (tests.id('invitations:' || org), o, 'invitee@vendor-' || lower(org) || '.example', 'csm', admin);
  insert into public.organization_domains (id, organization_id, domain, created_by)
  values (tests.id('organization_domains:' || org), o, 'vendor-' || lower(org) || '.example', admin);

  insert into public.accounts (id, organization_id, name, owner_id, arr, created_by)
  values (acct, o, 'Customer of ' || org, csm, 120000, csm);
  insert into public.account_domains (id, organization_id, account_id, domain, created_by)
  values (tests.id('account_domains:' || org), o, acct, dom, csm);
  insert into public.account_milestones (id, organization_id, account_id, kind, reached_on, created_by)
  values (tests.id('account_milestones:' || org), o, acct, 'kickoff', '2026-01-15', csm);
  insert into public.stakeholders (id, organization_id, account_id, name, email, position, influence, created_by)
  values (person, o, acct, 'Pat Sponsor', 'pat@' || dom, 'sponsor', 'high', csm);
  insert into public.opportunities (id, organization_id, account_id, title, type, source, declared_stage, amount, created_by)
  values (opp, o, acct, 'Renewal 2027', 'renewal', 'reason_for_purchase', 'align', 50000, csm);
  -- The trigger appended the opportunity's first stage change; add a later one with a known id.
  insert into public.opportunity_stage_changes (id, organization_id, account_id, opportunity_id, stage, status, changed_at, created_by)
  values (tests.id('opportunity_stage_changes:' || org), o, acct, opp, 'align', 'open', '2026-10-01', csm);

  insert into public.goals (id, organization_id, account_id, statement, confirmed_current_on, created_by)
  values (tests.id('goals:' || org), o, acct, 'Cut onboarding time in half', '2026-11-01', csm);
  insert into public.outcomes (id, organization_id, account_id, goal_id, summary, created_by)
  values (tests.id('outcomes:' || org), o, acct, tests.id('goals:' || org), 'Onboarding down 30%', csm);
  insert into public.use_cases (id, organization_id, account_id, name, status, created_by)
  values (tests.id('use_cases:' || org), o, acct, 'Ticket triage', 'active', csm);
  insert into public.business_cases (id, organization_id, account_id, opportunity_id, goal_answer, created_by)
  values (tests.id('business_cases:' || org), o, acct, opp, 'Faster onboarding', csm);
  insert into public.intent_signals (id, organization_id, account_id, opportunity_id, kind, occurred_on, created_by)
  values (tests.id('intent_signals:' || org), o, acct, opp, 'decision_timing_known', '2026-11-10', csm);
  insert into public.insights (id, organization_id, account_id, kind, summary, shared_on, created_by)
  values (tests.id('insights:' || org), o, acct, 'adoption_progress', 'Usage doubled', '2026-11-05', csm);
  insert into public.meetings (id, organization_id, account_id, kind, held_on, created_by)
  values (tests.id('meetings:' || org), o, acct, 'alignment_meeting', '2026-11-12', csm);
  insert into public.communication_steps (id, organization_id, account_id, stakeholder_id, purpose, created_by)
  values (tests.id('communication_steps:' || org), o, acct, person, 'Share the quarterly numbers', csm);
  insert into public.close_records (id, organization_id, account_id, opportunity_id, outcome, created_by)
  values (tests.id('close_records:' || org), o, acct, opp, 'won', csm);
  insert into public.deleted_records (id, organization_id, table_name, record_id, created_by)
  values (tests.id('deleted_records:' || org), o, 'goals', tests.id('gone:' || org), csm);
  -- A forecast snapshot (taken by the scheduler: no author) with one line.
  insert into public.forecast_snapshots (id, organization_id, week_start, line_count, open_amount, created_by)
  values (tests.id('forecast_snapshots:' || org), o, '2026-11-02', 1, 50000, null);
  insert into public.forecast_snapshot_lines (id, organization_id, snapshot_id, week_start, opportunity_id, account_id, title, type,
    declared_stage, amount, target_date, due_in_week, stage_entered_at, facts, created_by)
  values (tests.id('forecast_snapshot_lines:' || org), o, tests.id('forecast_snapshots:' || org), '2026-11-02', opp, acct, 'Renewal 2027',
    'renewal', 'align', 50000, '2026-11-05', true, '2026-10-01', '{}', null);
end
$$;

-- Organizations A and B. A also has a manager, two more opportunities
-- (`opportunities-2:A` holds the manager's copies, `opportunities-3:A` is
-- empty) and, for every table CSMs write, a copy of the row written by the
-- manager (id tests.id('T:A:by-manager')), to tell authors from non-authors.
create function tests.two_organizations() returns void
language plpgsql
as $$
declare
  a uuid := tests.id('organizations:A');
  manager uuid := tests.create_user('manager_a');
  table_name text;
  patch jsonb;
begin
  perform tests.create_user('newcomer');
  perform tests.fill_organization('A');
  perform tests.fill_organization('B');
  insert into public.members (id, organization_id, user_id, email, role, created_by)
  values (tests.id('members:A:manager'), a, manager, tests.email('manager_a'), 'manager', tests.user_id('admin_a'));
  insert into public.opportunities (id, organization_id, account_id, title, type, created_by)
  values (tests.id('opportunities-2:A'), a, tests.id('accounts:A'), 'Expansion to support', 'expansion', manager),
         (tests.id('opportunities-3:A'), a, tests.id('accounts:A'), 'New team in finance', 'new_team', manager);
  foreach table_name in array array[
    'accounts', 'account_domains', 'account_milestones', 'stakeholders', 'opportunities',
    'opportunity_stage_changes', 'goals', 'outcomes', 'use_cases', 'business_cases',
    'intent_signals', 'insights', 'meetings', 'communication_steps', 'close_records'
  ] loop
    patch := jsonb_build_object('id', tests.id(table_name || ':A:by-manager'), 'created_by', manager)
      || case table_name
           when 'account_domains' then '{"domain": "second-a-customer.example"}'
           when 'account_milestones' then '{"kind": "first_value"}'
           when 'stakeholders' then '{"email": "second@a-customer.example"}'
           when 'business_cases' then jsonb_build_object('opportunity_id', tests.id('opportunities-2:A'))
           when 'close_records' then jsonb_build_object('opportunity_id', tests.id('opportunities-2:A'))
           else '{}'
         end;
    execute tests.copy_row_sql(table_name, tests.id(table_name || ':A'), patch);
  end loop;
end
$$;

-- `insert` of a copy of row `source_id` of `table_name`, with `patch` applied;
-- generated and trigger-kept columns are left to their defaults.
create function tests.copy_row_sql(table_name text, source_id uuid, patch jsonb) returns text
language plpgsql
as $$
declare
  source jsonb;
  columns text;
begin
  execute format('select to_jsonb(t) from public.%I t where id = $1', table_name) into source using source_id;
  if source is null then
    raise exception 'no fixture row % in %', source_id, table_name;
  end if;
  source := (source || patch) - array['organization_id', 'created_at', 'updated_at', 'change_xid', 'change_seq']
    || case when table_name = 'organizations' then '{}'::jsonb else jsonb_build_object('organization_id', source -> 'organization_id') end;
  select string_agg(quote_ident(key), ', ') into columns from jsonb_object_keys(source) as key;
  return format('insert into public.%I (%s) select %s from jsonb_populate_record(null::public.%I, %L::jsonb)',
    table_name, columns, columns, table_name, source);
end
$$;

-- A test acting as a user must be able to come back, and to name fixtures;
-- nothing else in `tests` is reachable from the API roles.
grant usage on schema tests to anon, authenticated;
revoke execute on all functions in schema tests from public;
grant execute on function tests.act_as_superuser(), tests.id(text), tests.user_id(text), tests.email(text) to anon, authenticated;
