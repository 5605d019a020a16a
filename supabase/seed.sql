-- Demo data for `supabase start` / `supabase db reset` (and the test suite):
-- one vendor organization, Brightpath Software, with an admin, a manager and
-- three CSMs, and 30 customer accounts spread over every stage of the
-- pipeline and every flag the dashboard shows (single-threaded, unbacked
-- Intent, stale goal, stalled, won with an advocacy ask, lost, strong progress
-- with no open opportunity). All names and domains are invented; `.example`
-- domains never resolve.
--
-- Ids are deterministic (`seed_id(label)`), so tests and demos can name them.
-- Dates are relative to the day the seed is loaded, so the demo stays current.
-- Runs as the database owner (row-level security does not apply), and writes
-- `created_by` explicitly.

create function pg_temp.seed_id(label text) returns uuid
language sql immutable
as $$ select md5('sidecar-seed:' || label)::uuid $$;

-- One account and its records. `level` is how far the evidence goes:
-- 0 opportunity without a source, 1 with a source, 2 aligned (goal current,
-- progress, complete business case), 3 advocated (three mapped stakeholders,
-- sponsor, two engaged, recent insight), 4 intent (timing, budget owner,
-- approval path, confirmed date, verbal yes with owners), 5 won and closed.
-- `flags` bend the story: stale_goal, single_threaded, stalled, risk,
-- advocacy, lost, no_opportunity, second_opportunity.
create function pg_temp.seed_account(
  n integer, account_name text, domain text, owner_email text, arr numeric,
  level integer, declared public.pipeline_stage, flags text[]
) returns void
language plpgsql
as $$
declare
  org uuid := pg_temp.seed_id('organization');
  owner uuid := (select id from auth.users where email = owner_email);
  acct uuid := pg_temp.seed_id('account:' || n);
  opp uuid := pg_temp.seed_id('opportunity:' || n);
  goal uuid := pg_temp.seed_id('goal:' || n);
  today date := current_date;
  people uuid[] := '{}';
  first_names text[] := array['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Harper', 'Jules', 'Kendall', 'Logan', 'Morgan', 'Noor', 'Parker', 'Quinn', 'Riley', 'Sasha'];
  last_names text[] := array['Okafor', 'Lindqvist', 'Marchetti', 'Haddad', 'Nakamura', 'Brennan', 'Delgado', 'Kowalski', 'Achebe', 'Fontaine', 'Iverson', 'Chandra'];
  titles text[] := array['VP Customer Operations', 'Director of Finance', 'Head of Support', 'IT Manager', 'Chief Operating Officer'];
  roles text[] := array['executive_sponsor,budget_owner', 'approver,finance', 'champion_user,influencer', 'security,end_user'];
  positions public.stakeholder_position[] := array['sponsor', 'supporter', 'supporter', 'needs_education', 'detractor'];
  people_count integer;
  person uuid;
  entered timestamptz;
  stage_days integer;
  i integer;
begin
  insert into public.accounts (id, organization_id, name, owner_id, arr, renewal_on, created_by)
  values (acct, org, account_name, owner, arr, today + (30 + n * 11 % 300), owner);
  insert into public.account_domains (organization_id, account_id, domain, created_by)
  values (org, acct, domain, owner);

  insert into public.account_milestones (organization_id, account_id, kind, reached_on, created_by)
  select org, acct, m.kind, today - m.days_ago, owner
  from (values ('purchase_welcome'::public.milestone_kind, 400, 0), ('kickoff', 390, 0), ('onboarding_complete', 330, 1),
               ('first_value', 280, 2), ('insight_shared', 40, 3), ('alignment_meeting', 35, 3), ('renew_grow', 5, 5)) as m (kind, days_ago, from_level)
  where m.from_level <= greatest(level, case when 'no_opportunity' = any (flags) then 3 else 0 end);

  -- Stakeholders: the sponsor first; single-threaded accounts stop there.
  people_count := case when level >= 3 or 'no_opportunity' = any (flags) then 4 when level = 2 then 2 else 1 end;
  if 'single_threaded' = any (flags) then people_count := 1; end if;
  for i in 1 .. people_count loop
    person := pg_temp.seed_id('stakeholder:' || n || ':' || i);
    people := people || person;
    insert into public.stakeholders (id, organization_id, account_id, name, email, title, roles, position, influence, created_by)
    values (person, org, acct,
            first_names[1 + (n * 3 + i) % 16] || ' ' || last_names[1 + (n + i * 5) % 12],
            lower(first_names[1 + (n * 3 + i) % 16]) || '@' || domain,
            titles[1 + (i - 1) % 5],
            case when level >= 3 or i = 1 then string_to_array(roles[i], ',')::public.stakeholder_role[] else '{}' end,
            case when level >= 2 or i = 1 then positions[i] else 'unknown' end,
            case i when 1 then 'high' when 2 then 'high' else 'medium' end::public.influence_level,
            owner);
  end loop;

  if level >= 2 or 'no_opportunity' = any (flags) then
    insert into public.goals (id, organization_id, account_id, statement, confirmed_current_on, source_host, source_ref, source_url, stakeholder_ids, created_by)
    values (goal, org, acct, 'Cut the time to resolve customer tickets by a third',
            case when 'stale_goal' = any (flags) then today - 200 else today - (5 + n % 40) end,
            'gmail', 'thread-' || n, 'https://mail.google.com/mail/u/0/#inbox/seed' || n, people[1:1], owner);
    insert into public.outcomes (organization_id, account_id, goal_id, summary, remaining, created_by)
    values (org, acct, goal, 'Resolution time down 22% since launch', 'Rollout to the night shift', owner);
    insert into public.use_cases (organization_id, account_id, name, status, created_by)
    values (org, acct, 'Ticket triage', 'active', owner),
           (org, acct, 'Field service scheduling', 'discussed_not_active', owner);
  end if;

  if 'no_opportunity' = any (flags) then
    insert into public.insights (organization_id, account_id, kind, summary, proof, shared_on, stakeholder_ids, created_by)
    values (org, acct, 'business_outcome', 'Support costs per ticket fell 18%', 'Quarterly cost report', today - 20, people[1:2], owner);
    return;
  end if;

  stage_days := case when 'stalled' = any (flags) then 120 else 6 + n % 25 end;
  entered := (today - stage_days)::timestamptz + interval '10 hours';
  insert into public.opportunities (id, organization_id, account_id, title, type, source, declared_stage, status, amount,
    target_date, target_date_confirmed_on, stage_entered_at, created_by)
  values (opp, org, acct,
          case when level >= 5 then 'Renewal ' || extract(year from today)::text else 'Renewal and support add-on' end,
          case when n % 3 = 0 then 'expansion' else 'renewal' end::public.opportunity_type,
          case when level >= 1 then (array['reason_for_purchase', 'onboarding_gap', 'constraint', 'future_need'])[1 + n % 4]::public.opportunity_source end,
          declared,
          case when 'lost' = any (flags) then 'lost' when level >= 5 then 'won' else 'open' end::public.opportunity_status,
          round(arr * 0.25, -2),
          case when level >= 3 then today + 45 + n end,
          case when level >= 4 then today - 3 end,
          entered, owner);

  if level >= 2 then
    insert into public.business_cases (organization_id, account_id, opportunity_id, goal_answer, goal_still_current, progress_answer,
      path_answer, success_answer, portable, created_by)
    values (org, acct, opp, 'Faster ticket resolution', true, 'Down 22%; the night shift is next',
            'Extending to field service removes the scheduling backlog', 'Under 4 hours median resolution by Q3', n % 2 = 0, owner);
  end if;

  if level >= 3 then
    insert into public.insights (organization_id, account_id, opportunity_id, kind, summary, proof, shared_on, travels_unedited, stakeholder_ids, created_by)
    values (org, acct, opp, 'adoption_progress', 'Weekly active agents up from 40 to 95', 'Usage dashboard export', today - (10 + n % 30), true, people[1:2], owner);
    insert into public.meetings (organization_id, account_id, opportunity_id, kind, held_on, summary, stakeholder_ids, created_by)
    values (org, acct, opp, 'alignment_meeting', today - 30, 'Reviewed progress with leadership', people, owner);
    insert into public.communication_steps (organization_id, account_id, opportunity_id, stakeholder_id, purpose, planned_on, created_by)
    select org, acct, opp, p, 'Share the quarter''s numbers and hear concerns', today + 7, owner
    from unnest(people) with ordinality as u (p, k) where k in (1, 2, 4);
  end if;

  if level >= 4 then
    insert into public.intent_signals (organization_id, account_id, opportunity_id, kind, occurred_on, summary, has_next_steps_with_owners, created_by)
    select org, acct, opp, k::public.intent_signal_kind, today - 12 + j::integer, 'Heard on the planning call', k = 'verbal_commitment', owner
    from unnest(array['decision_timing_known', 'budget_owner_identified', 'approval_path_mapped', 'timeline_confirmed', 'verbal_commitment', 'procurement_engaged'])
      with ordinality as s (k, j);
  elsif level = 3 then
    insert into public.intent_signals (organization_id, account_id, opportunity_id, kind, occurred_on, summary, created_by)
    values (org, acct, opp, 'renewal_planning_discussed', today - 9, 'Planning starts next month', owner);
  end if;
  if 'risk' = any (flags) then
    insert into public.intent_signals (organization_id, account_id, opportunity_id, kind, occurred_on, summary, created_by)
    values (org, acct, opp, 'risk_raised', today - 4, 'A new CFO is reviewing every tool contract', owner);
  end if;

  if level >= 5 or 'lost' = any (flags) then
    insert into public.close_records (organization_id, account_id, opportunity_id, outcome, amount, terms_summary, agreement_finalized_on,
      close_reasons, win_summary_sent_on, advocacy_ask, advocacy_answer, next_cycle_goals, created_by)
    values (org, acct, opp,
            case when 'lost' = any (flags) then 'lost' else 'won' end::public.opportunity_status,
            round(arr * 0.25, -2), 'Two-year term, price held',
            case when 'lost' = any (flags) then null else today - 8 end,
            case when 'lost' = any (flags) then array['Budget moved to a platform consolidation']
                 else array['Resolution time kept falling', 'Agents asked to keep it'] end,
            case when 'advocacy' = any (flags) then today - 6 end,
            case when 'advocacy' = any (flags) then (array['reference', 'case_study', 'quote'])[1 + n % 3]::public.advocacy_ask_kind end,
            case when 'advocacy' = any (flags) then 'Yes, after the quarter closes' end,
            case when 'lost' = any (flags) then '{}'::text[] else array['Bring field service onto the platform'] end,
            owner);
  end if;

  if 'second_opportunity' = any (flags) then
    insert into public.opportunities (id, organization_id, account_id, title, type, source, declared_stage, amount, stage_entered_at, created_by)
    values (pg_temp.seed_id('opportunity:' || n || ':2'), org, acct, 'Finance team rollout', 'new_team', 'future_need', 'align',
            round(arr * 0.4, -2), (today - 15)::timestamptz, owner);
  end if;
end
$$;

-- The people. Confirmed addresses, as after a first email-OTP sign-in.
insert into auth.users (id, email, email_confirmed_at) values
  (pg_temp.seed_id('user:admin'), 'jordan.reyes@brightpath-software.example', now()),
  (pg_temp.seed_id('user:manager'), 'priya.natarajan@brightpath-software.example', now()),
  (pg_temp.seed_id('user:csm1'), 'marcus.webb@brightpath-software.example', now()),
  (pg_temp.seed_id('user:csm2'), 'elena.sorensen@brightpath-software.example', now()),
  (pg_temp.seed_id('user:csm3'), 'tomas.ibarra@brightpath-software.example', now());

-- The admin creates the organization (and so becomes its admin), sets the own
-- domain, and adds the team.
insert into public.organizations (id, name, created_by)
values (pg_temp.seed_id('organization'), 'Brightpath Software', pg_temp.seed_id('user:admin'));
update public.members set display_name = 'Jordan Reyes' where user_id = pg_temp.seed_id('user:admin');
insert into public.organization_domains (organization_id, domain, created_by)
values (pg_temp.seed_id('organization'), 'brightpath-software.example', pg_temp.seed_id('user:admin'));
insert into public.members (id, organization_id, user_id, email, display_name, role, created_by)
select pg_temp.seed_id('member:' || who), pg_temp.seed_id('organization'), pg_temp.seed_id('user:' || who), email, display_name, role::public.member_role,
       pg_temp.seed_id('user:admin')
from (values ('manager', 'priya.natarajan@brightpath-software.example', 'Priya Natarajan', 'manager'),
             ('csm1', 'marcus.webb@brightpath-software.example', 'Marcus Webb', 'csm'),
             ('csm2', 'elena.sorensen@brightpath-software.example', 'Elena Sorensen', 'csm'),
             ('csm3', 'tomas.ibarra@brightpath-software.example', 'Tomás Ibarra', 'csm')) as t (who, email, display_name, role);
insert into public.invitations (organization_id, email, role, created_by)
values (pg_temp.seed_id('organization'), 'sam.oduya@brightpath-software.example', 'csm', pg_temp.seed_id('user:admin'));

-- The seed backdates stage entry (for stalled opportunities); the API never can.
alter table public.opportunities disable trigger restart_stage_clock;

select pg_temp.seed_account(n, name, domain,
  (array['marcus.webb', 'elena.sorensen', 'tomas.ibarra'])[1 + n % 3] || '@brightpath-software.example',
  arr, level, declared::public.pipeline_stage, flags)
from (values
  -- Identify: written down, source missing.
  (1, 'Northwind Freight', 'northwind-freight.example', 48000, 0, 'identify', '{}'::text[]),
  (2, 'Alder Street Bakeries', 'alderstreet-bakeries.example', 22000, 0, 'identify', '{stalled}'),
  (3, 'Larkspur Travel', 'larkspur-travel.example', 36000, 0, 'align', '{}'),
  -- Align: source known, no goals yet.
  (4, 'Bluefin Logistics', 'bluefin-logistics.example', 120000, 1, 'align', '{}'),
  (5, 'Cedar & Pine Dental', 'cedarpine-dental.example', 31000, 1, 'align', '{stalled}'),
  (6, 'Foxglove Media', 'foxglove-media.example', 57000, 1, 'intent', '{}'),
  (7, 'Saffron Foods', 'saffron-foods.example', 88000, 1, 'align', '{risk}'),
  -- Advocate: aligned, nobody carries it yet.
  (8, 'Orbital Analytics', 'orbital-analytics.example', 210000, 2, 'advocate', '{}'),
  (9, 'Harbor Credit Union', 'harborcu.example', 145000, 2, 'advocate', '{stale_goal}'),
  (10, 'Quarry Stone Builders', 'quarrystone.example', 64000, 2, 'intent', '{}'),
  (11, 'Marigold Hotels', 'marigold-hotels.example', 175000, 2, 'advocate', '{}'),
  (12, 'Glacier Water Co', 'glacier-water.example', 42000, 2, 'advocate', '{stalled}'),
  -- Intent: carried inside, the decision not yet organised.
  (13, 'Kestrel Aerospace Parts', 'kestrel-aero.example', 390000, 3, 'intent', '{}'),
  (14, 'Fathom Marine Research', 'fathom-marine.example', 96000, 3, 'intent', '{single_threaded}'),
  (15, 'Juniper Schools Trust', 'juniper-schools.example', 73000, 3, 'intent', '{stalled}'),
  (16, 'Copperline Utilities', 'copperline-utilities.example', 260000, 3, 'intent', '{risk}'),
  (17, 'Redwood Legal LLP', 'redwood-legal.example', 118000, 3, 'advocate', '{}'),
  (18, 'Tidewater Insurance', 'tidewater-insurance.example', 305000, 3, 'intent', '{}'),
  -- Net Revenue Close: decision organised, not yet signed.
  (19, 'Granite Peak Outfitters', 'granitepeak-outfitters.example', 54000, 4, 'net_revenue_close', '{}'),
  (20, 'Vireo Pharmacy Group', 'vireo-pharmacy.example', 230000, 4, 'net_revenue_close', '{stalled}'),
  (21, 'Atlas Field Services', 'atlas-field.example', 99000, 4, 'intent', '{}'),
  (22, 'Helix Biotech', 'helix-biotech.example', 410000, 4, 'net_revenue_close', '{}'),
  (23, 'Meridian Payroll', 'meridian-payroll.example', 67000, 4, 'net_revenue_close', '{single_threaded}'),
  -- Won.
  (24, 'Bramble Kids Apparel', 'bramble-kids.example', 45000, 5, 'net_revenue_close', '{advocacy}'),
  (25, 'Cobalt Robotics Lab', 'cobalt-robotics.example', 160000, 5, 'net_revenue_close', '{advocacy}'),
  (26, 'Driftwood Realty', 'driftwood-realty.example', 39000, 5, 'net_revenue_close', '{}'),
  -- Lost.
  (27, 'Evergreen Vet Clinics', 'evergreen-vets.example', 58000, 3, 'intent', '{lost}'),
  -- Strong progress, no open opportunity.
  (28, 'Ironbark Construction', 'ironbark-construction.example', 140000, 0, 'identify', '{no_opportunity}'),
  (29, 'Nimbus Cloud Hosting', 'nimbus-hosting.example', 82000, 0, 'identify', '{no_opportunity}'),
  -- Two motions on one account.
  (30, 'Lumen Health Partners', 'lumen-health.example', 275000, 3, 'intent', '{second_opportunity}')
) as a (n, name, domain, arr, level, declared, flags);

alter table public.opportunities enable trigger restart_stage_clock;
