-- Opportunities with their stage history, and the evidence records that back
-- (or fail to back) their stage. Evidence belongs to its author: any CSM or
-- manager records it; its author or a manager corrects or deletes it.
--
-- Every evidence row carries `account_id` (and `opportunity_id` when it is
-- about one opportunity) as composite foreign keys with `organization_id`, so
-- no row can ever point into another organization.

create type public.pipeline_stage as enum ('identify', 'align', 'advocate', 'intent', 'net_revenue_close');
create type public.opportunity_type as enum ('renewal', 'expansion', 'upsell', 'cross_sell', 'new_team', 'new_use_case');
create type public.opportunity_source as enum ('reason_for_purchase', 'onboarding_gap', 'constraint', 'future_need');
create type public.opportunity_status as enum ('open', 'won', 'lost');
create type public.use_case_status as enum ('active', 'discussed_not_active', 'adjacent_team');
create type public.intent_signal_kind as enum (
  'decision_timing_known', 'budget_owner_identified', 'approval_path_mapped', 'timeline_confirmed',
  'verbal_commitment', 'procurement_engaged', 'legal_review', 'security_review',
  'exec_conversation_scheduled', 'commercial_partner_engaged', 'renewal_planning_discussed',
  'stakeholder_introduced_procurement', 'budget_reallocated', 'risk_raised', 'other'
);
create type public.insight_kind as enum (
  'adoption_progress', 'operational_improvement', 'business_outcome', 'risk_reduced', 'new_opportunity'
);
create type public.meeting_kind as enum ('alignment_meeting', 'executive_conversation');
create type public.communication_step_status as enum ('planned', 'done', 'cancelled');
create type public.advocacy_ask_kind as enum (
  'quote', 'reference', 'case_study', 'review', 'referral', 'intro_to_team', 'internal_story'
);
-- The hosts of lib/hosts/supported-hosts.ts.
create type public.source_host as enum ('gmail', 'outlook', 'google-calendar');

-- Check constraints cannot loop; this keeps every item of a text list short.
create function private.texts_within(items text[], max_length integer)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(bool_and(char_length(item) between 1 and max_length), true)
  from unnest(items) as item
$$;
grant execute on function private.texts_within(text[], integer) to authenticated;

create table public.opportunities (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  type public.opportunity_type not null,
  -- Where it came from; null until the CSM notes it.
  source public.opportunity_source,
  -- What the CSM says; the evidence stage is computed, never stored.
  declared_stage public.pipeline_stage not null default 'identify',
  status public.opportunity_status not null default 'open',
  amount numeric(14, 2) check (amount >= 0),
  -- The target decision date, and the day the customer confirmed it.
  target_date date,
  target_date_confirmed_on date,
  notes text check (char_length(notes) <= 5000),
  -- When the declared stage last changed (trigger-kept).
  stage_entered_at timestamptz not null default now(),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id) references public.accounts (organization_id, id) on delete cascade,
  unique (organization_id, account_id, id)
);
alter table public.opportunities enable row level security;
create index opportunities_account_id_idx on public.opportunities (account_id);

-- Every change of declared stage or status, appended by trigger.
create table public.opportunity_stage_changes (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  opportunity_id uuid not null,
  stage public.pipeline_stage not null,
  status public.opportunity_status not null,
  changed_at timestamptz not null default now(),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id, opportunity_id)
    references public.opportunities (organization_id, account_id, id) on delete cascade
);
alter table public.opportunity_stage_changes enable row level security;
create index opportunity_stage_changes_opportunity_id_idx on public.opportunity_stage_changes (opportunity_id, changed_at);
create index opportunity_stage_changes_account_id_idx on public.opportunity_stage_changes (account_id);

create table public.goals (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  -- Why the customer bought, in their words.
  statement text not null check (char_length(btrim(statement)) between 1 and 1000),
  -- The last day the customer said it still holds.
  confirmed_current_on date,
  -- Where it was learnt: the host, the thread or event id there, and a link.
  source_host public.source_host,
  source_ref text check (char_length(source_ref) <= 500),
  source_url text check (source_url ~ '^https://' and char_length(source_url) <= 2000),
  -- The stakeholders it concerns (attendees, audience); same account only.
  stakeholder_ids uuid[] not null default '{}' check (cardinality(stakeholder_ids) <= 50),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id) references public.accounts (organization_id, id) on delete cascade,
  unique (organization_id, account_id, id)
);
alter table public.goals enable row level security;
create index goals_account_id_idx on public.goals (account_id);

create table public.outcomes (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  goal_id uuid not null,
  -- Progress made toward the goal, and what remains.
  summary text not null check (char_length(btrim(summary)) between 1 and 2000),
  remaining text check (char_length(remaining) <= 2000),
  -- Where it was learnt: the host, the thread or event id there, and a link.
  source_host public.source_host,
  source_ref text check (char_length(source_ref) <= 500),
  source_url text check (source_url ~ '^https://' and char_length(source_url) <= 2000),
  -- The stakeholders it concerns (attendees, audience); same account only.
  stakeholder_ids uuid[] not null default '{}' check (cardinality(stakeholder_ids) <= 50),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id, goal_id) references public.goals (organization_id, account_id, id) on delete cascade
);
alter table public.outcomes enable row level security;
create index outcomes_account_id_idx on public.outcomes (account_id);
create index outcomes_goal_id_idx on public.outcomes (goal_id);

create table public.use_cases (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  name text not null check (char_length(btrim(name)) between 1 and 200),
  status public.use_case_status not null,
  description text check (char_length(description) <= 2000),
  -- Where it was learnt: the host, the thread or event id there, and a link.
  source_host public.source_host,
  source_ref text check (char_length(source_ref) <= 500),
  source_url text check (source_url ~ '^https://' and char_length(source_url) <= 2000),
  -- The stakeholders it concerns (attendees, audience); same account only.
  stakeholder_ids uuid[] not null default '{}' check (cardinality(stakeholder_ids) <= 50),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id) references public.accounts (organization_id, id) on delete cascade
);
alter table public.use_cases enable row level security;
create index use_cases_account_id_idx on public.use_cases (account_id);

-- The four answers of an opportunity's business case; blank means unanswered.
create table public.business_cases (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  opportunity_id uuid not null unique,
  goal_answer text check (char_length(goal_answer) <= 4000),
  goal_still_current boolean,
  progress_answer text check (char_length(progress_answer) <= 4000),
  path_answer text check (char_length(path_answer) <= 4000),
  success_answer text check (char_length(success_answer) <= 4000),
  -- The customer can explain it without the CSM.
  portable boolean not null default false,
  -- Where it was learnt: the host, the thread or event id there, and a link.
  source_host public.source_host,
  source_ref text check (char_length(source_ref) <= 500),
  source_url text check (source_url ~ '^https://' and char_length(source_url) <= 2000),
  -- The stakeholders it concerns (attendees, audience); same account only.
  stakeholder_ids uuid[] not null default '{}' check (cardinality(stakeholder_ids) <= 50),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id, opportunity_id)
    references public.opportunities (organization_id, account_id, id) on delete cascade
);
alter table public.business_cases enable row level security;
create index business_cases_account_id_idx on public.business_cases (account_id);

create table public.intent_signals (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  opportunity_id uuid not null,
  kind public.intent_signal_kind not null,
  occurred_on date not null,
  summary text check (char_length(summary) <= 2000),
  next_steps text check (char_length(next_steps) <= 2000),
  -- Each agreed next step has an owner: what makes a verbal yes count.
  has_next_steps_with_owners boolean not null default false,
  -- Where it was learnt: the host, the thread or event id there, and a link.
  source_host public.source_host,
  source_ref text check (char_length(source_ref) <= 500),
  source_url text check (source_url ~ '^https://' and char_length(source_url) <= 2000),
  -- The stakeholders it concerns (attendees, audience); same account only.
  stakeholder_ids uuid[] not null default '{}' check (cardinality(stakeholder_ids) <= 50),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id, opportunity_id)
    references public.opportunities (organization_id, account_id, id) on delete cascade
);
alter table public.intent_signals enable row level security;
create index intent_signals_account_id_idx on public.intent_signals (account_id);
create index intent_signals_opportunity_id_idx on public.intent_signals (opportunity_id);

create table public.insights (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  opportunity_id uuid,
  kind public.insight_kind not null,
  summary text not null check (char_length(btrim(summary)) between 1 and 2000),
  -- The metric or proof behind it.
  proof text check (char_length(proof) <= 2000),
  -- Null while it is a draft.
  shared_on date,
  -- It can be forwarded inside the customer without editing.
  travels_unedited boolean not null default false,
  -- Where it was learnt: the host, the thread or event id there, and a link.
  source_host public.source_host,
  source_ref text check (char_length(source_ref) <= 500),
  source_url text check (source_url ~ '^https://' and char_length(source_url) <= 2000),
  -- The stakeholders it concerns (attendees, audience); same account only.
  stakeholder_ids uuid[] not null default '{}' check (cardinality(stakeholder_ids) <= 50),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id) references public.accounts (organization_id, id) on delete cascade,
  foreign key (organization_id, account_id, opportunity_id)
    references public.opportunities (organization_id, account_id, id) on delete cascade
);
alter table public.insights enable row level security;
create index insights_account_id_idx on public.insights (account_id);
create index insights_opportunity_id_idx on public.insights (opportunity_id);

create table public.meetings (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  opportunity_id uuid,
  kind public.meeting_kind not null,
  held_on date not null,
  summary text check (char_length(summary) <= 2000),
  -- Where it was learnt: the host, the thread or event id there, and a link.
  source_host public.source_host,
  source_ref text check (char_length(source_ref) <= 500),
  source_url text check (source_url ~ '^https://' and char_length(source_url) <= 2000),
  -- The stakeholders it concerns (attendees, audience); same account only.
  stakeholder_ids uuid[] not null default '{}' check (cardinality(stakeholder_ids) <= 50),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id) references public.accounts (organization_id, id) on delete cascade,
  foreign key (organization_id, account_id, opportunity_id)
    references public.opportunities (organization_id, account_id, id) on delete cascade
);
alter table public.meetings enable row level security;
create index meetings_account_id_idx on public.meetings (account_id);
create index meetings_opportunity_id_idx on public.meetings (opportunity_id);

create table public.communication_steps (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  opportunity_id uuid,
  -- The stakeholder the conversation is planned with.
  stakeholder_id uuid not null,
  purpose text not null check (char_length(btrim(purpose)) between 1 and 1000),
  status public.communication_step_status not null default 'planned',
  planned_on date,
  -- Where it was learnt: the host, the thread or event id there, and a link.
  source_host public.source_host,
  source_ref text check (char_length(source_ref) <= 500),
  source_url text check (source_url ~ '^https://' and char_length(source_url) <= 2000),
  -- The stakeholders it concerns (attendees, audience); same account only.
  stakeholder_ids uuid[] not null default '{}' check (cardinality(stakeholder_ids) <= 50),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id, stakeholder_id)
    references public.stakeholders (organization_id, account_id, id) on delete cascade,
  foreign key (organization_id, account_id, opportunity_id)
    references public.opportunities (organization_id, account_id, id) on delete cascade
);
alter table public.communication_steps enable row level security;
create index communication_steps_account_id_idx on public.communication_steps (account_id);
create index communication_steps_stakeholder_id_idx on public.communication_steps (stakeholder_id);
create index communication_steps_opportunity_id_idx on public.communication_steps (opportunity_id);

create table public.close_records (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  opportunity_id uuid not null unique,
  outcome public.opportunity_status not null check (outcome in ('won', 'lost')),
  amount numeric(14, 2) check (amount >= 0),
  terms_summary text check (char_length(terms_summary) <= 4000),
  agreement_finalized_on date,
  -- Why the customer chose to keep investing, one reason per item.
  close_reasons text[] not null default '{}' check (cardinality(close_reasons) <= 20 and private.texts_within(close_reasons, 500)),
  win_summary_sent_on date,
  advocacy_ask public.advocacy_ask_kind,
  advocacy_answer text check (char_length(advocacy_answer) <= 2000),
  next_cycle_goals text[] not null default '{}' check (cardinality(next_cycle_goals) <= 20 and private.texts_within(next_cycle_goals, 500)),
  -- Where it was learnt: the host, the thread or event id there, and a link.
  source_host public.source_host,
  source_ref text check (char_length(source_ref) <= 500),
  source_url text check (source_url ~ '^https://' and char_length(source_url) <= 2000),
  -- The stakeholders it concerns (attendees, audience); same account only.
  stakeholder_ids uuid[] not null default '{}' check (cardinality(stakeholder_ids) <= 50),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id, opportunity_id)
    references public.opportunities (organization_id, account_id, id) on delete cascade
);
alter table public.close_records enable row level security;
create index close_records_account_id_idx on public.close_records (account_id);

create trigger stamp_row before insert or update on public.opportunities for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.opportunities for each row execute function private.record_deletion();
create index opportunities_sync_idx on public.opportunities (organization_id, change_xid, change_seq);
create index opportunities_created_by_idx on public.opportunities (created_by);
create policy "Members can read their organization's opportunities"
  on public.opportunities for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can add opportunities"
  on public.opportunities for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "CSMs and managers can correct opportunities"
  on public.opportunities for update to authenticated
  using (organization_id in (select private.my_organizations('csm')))
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete opportunities"
  on public.opportunities for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.opportunity_stage_changes for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.opportunity_stage_changes for each row execute function private.record_deletion();
create index opportunity_stage_changes_sync_idx on public.opportunity_stage_changes (organization_id, change_xid, change_seq);
create index opportunity_stage_changes_created_by_idx on public.opportunity_stage_changes (created_by);
create policy "Members can read their organization's stage history"
  on public.opportunity_stage_changes for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can record stage history"
  on public.opportunity_stage_changes for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "Authors and managers can correct stage history"
  on public.opportunity_stage_changes for update to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  )
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete stage history"
  on public.opportunity_stage_changes for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.goals for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.goals for each row execute function private.record_deletion();
create index goals_sync_idx on public.goals (organization_id, change_xid, change_seq);
create index goals_created_by_idx on public.goals (created_by);
create policy "Members can read their organization's goals"
  on public.goals for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can record goals"
  on public.goals for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "Authors and managers can correct goals"
  on public.goals for update to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  )
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete goals"
  on public.goals for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.outcomes for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.outcomes for each row execute function private.record_deletion();
create index outcomes_sync_idx on public.outcomes (organization_id, change_xid, change_seq);
create index outcomes_created_by_idx on public.outcomes (created_by);
create policy "Members can read their organization's outcomes"
  on public.outcomes for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can record outcomes"
  on public.outcomes for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "Authors and managers can correct outcomes"
  on public.outcomes for update to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  )
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete outcomes"
  on public.outcomes for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.use_cases for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.use_cases for each row execute function private.record_deletion();
create index use_cases_sync_idx on public.use_cases (organization_id, change_xid, change_seq);
create index use_cases_created_by_idx on public.use_cases (created_by);
create policy "Members can read their organization's use cases"
  on public.use_cases for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can record use cases"
  on public.use_cases for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "Authors and managers can correct use cases"
  on public.use_cases for update to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  )
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete use cases"
  on public.use_cases for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.business_cases for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.business_cases for each row execute function private.record_deletion();
create index business_cases_sync_idx on public.business_cases (organization_id, change_xid, change_seq);
create index business_cases_created_by_idx on public.business_cases (created_by);
create policy "Members can read their organization's business cases"
  on public.business_cases for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can record business cases"
  on public.business_cases for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "Authors and managers can correct business cases"
  on public.business_cases for update to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  )
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete business cases"
  on public.business_cases for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.intent_signals for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.intent_signals for each row execute function private.record_deletion();
create index intent_signals_sync_idx on public.intent_signals (organization_id, change_xid, change_seq);
create index intent_signals_created_by_idx on public.intent_signals (created_by);
create policy "Members can read their organization's intent signals"
  on public.intent_signals for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can record intent signals"
  on public.intent_signals for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "Authors and managers can correct intent signals"
  on public.intent_signals for update to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  )
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete intent signals"
  on public.intent_signals for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.insights for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.insights for each row execute function private.record_deletion();
create index insights_sync_idx on public.insights (organization_id, change_xid, change_seq);
create index insights_created_by_idx on public.insights (created_by);
create policy "Members can read their organization's insights"
  on public.insights for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can record insights"
  on public.insights for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "Authors and managers can correct insights"
  on public.insights for update to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  )
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete insights"
  on public.insights for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.meetings for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.meetings for each row execute function private.record_deletion();
create index meetings_sync_idx on public.meetings (organization_id, change_xid, change_seq);
create index meetings_created_by_idx on public.meetings (created_by);
create policy "Members can read their organization's meetings"
  on public.meetings for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can record meetings"
  on public.meetings for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "Authors and managers can correct meetings"
  on public.meetings for update to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  )
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete meetings"
  on public.meetings for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.communication_steps for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.communication_steps for each row execute function private.record_deletion();
create index communication_steps_sync_idx on public.communication_steps (organization_id, change_xid, change_seq);
create index communication_steps_created_by_idx on public.communication_steps (created_by);
create policy "Members can read their organization's communication steps"
  on public.communication_steps for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can record communication steps"
  on public.communication_steps for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "Authors and managers can correct communication steps"
  on public.communication_steps for update to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  )
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete communication steps"
  on public.communication_steps for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.close_records for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.close_records for each row execute function private.record_deletion();
create index close_records_sync_idx on public.close_records (organization_id, change_xid, change_seq);
create index close_records_created_by_idx on public.close_records (created_by);
create policy "Members can read their organization's close records"
  on public.close_records for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can record close records"
  on public.close_records for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "Authors and managers can correct close records"
  on public.close_records for update to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  )
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete close records"
  on public.close_records for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );

-- Stage history: a change of declared stage restarts the stage clock, and
-- every change of stage or status is appended to the history.
create function private.restart_stage_clock()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.declared_stage is distinct from old.declared_stage then
    new.stage_entered_at := now();
  end if;
  return new;
end
$$;

create function private.append_stage_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.declared_stage is distinct from old.declared_stage or new.status is distinct from old.status then
    insert into public.opportunity_stage_changes (organization_id, account_id, opportunity_id, stage, status, changed_at, created_by)
    values (new.organization_id, new.account_id, new.id, new.declared_stage, new.status, new.stage_entered_at,
            coalesce((select auth.uid()), new.created_by));
  end if;
  return null;
end
$$;

create trigger restart_stage_clock before insert or update on public.opportunities
  for each row execute function private.restart_stage_clock();
create trigger append_stage_change after insert or update on public.opportunities
  for each row execute function private.append_stage_change();

-- Linked stakeholders must be people of the record's own account. The lookup
-- runs with the writer's rights, so another organization's stakeholder is as
-- unknown as one that does not exist.
create function private.check_stakeholder_links()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  stranger uuid;
begin
  select linked into stranger
  from unnest(new.stakeholder_ids) as linked
  where not exists (
    select 1 from public.stakeholders s
    where s.id = linked and s.organization_id = new.organization_id and s.account_id = new.account_id
  )
  limit 1;
  if stranger is not null then
    raise exception using
      errcode = 'SCREF',
      message = format('Stakeholder %s is not a stakeholder of this account.', stranger),
      detail = jsonb_build_object('field', 'stakeholder_ids', 'id', stranger)::text;
  end if;
  return new;
end
$$;

create trigger check_stakeholder_links before insert or update of stakeholder_ids, account_id on public.goals
  for each row execute function private.check_stakeholder_links();
create trigger check_stakeholder_links before insert or update of stakeholder_ids, account_id on public.outcomes
  for each row execute function private.check_stakeholder_links();
create trigger check_stakeholder_links before insert or update of stakeholder_ids, account_id on public.use_cases
  for each row execute function private.check_stakeholder_links();
create trigger check_stakeholder_links before insert or update of stakeholder_ids, account_id on public.business_cases
  for each row execute function private.check_stakeholder_links();
create trigger check_stakeholder_links before insert or update of stakeholder_ids, account_id on public.intent_signals
  for each row execute function private.check_stakeholder_links();
create trigger check_stakeholder_links before insert or update of stakeholder_ids, account_id on public.insights
  for each row execute function private.check_stakeholder_links();
create trigger check_stakeholder_links before insert or update of stakeholder_ids, account_id on public.meetings
  for each row execute function private.check_stakeholder_links();
create trigger check_stakeholder_links before insert or update of stakeholder_ids, account_id on public.communication_steps
  for each row execute function private.check_stakeholder_links();
create trigger check_stakeholder_links before insert or update of stakeholder_ids, account_id on public.close_records
  for each row execute function private.check_stakeholder_links();

-- A deleted stakeholder leaves no dangling link. Security definer because the
-- records that mention them may have other authors than the one deleting.
create function private.unlink_deleted_stakeholder()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.goals set stakeholder_ids = array_remove(stakeholder_ids, old.id) where account_id = old.account_id and old.id = any (stakeholder_ids);
  update public.outcomes set stakeholder_ids = array_remove(stakeholder_ids, old.id) where account_id = old.account_id and old.id = any (stakeholder_ids);
  update public.use_cases set stakeholder_ids = array_remove(stakeholder_ids, old.id) where account_id = old.account_id and old.id = any (stakeholder_ids);
  update public.business_cases set stakeholder_ids = array_remove(stakeholder_ids, old.id) where account_id = old.account_id and old.id = any (stakeholder_ids);
  update public.intent_signals set stakeholder_ids = array_remove(stakeholder_ids, old.id) where account_id = old.account_id and old.id = any (stakeholder_ids);
  update public.insights set stakeholder_ids = array_remove(stakeholder_ids, old.id) where account_id = old.account_id and old.id = any (stakeholder_ids);
  update public.meetings set stakeholder_ids = array_remove(stakeholder_ids, old.id) where account_id = old.account_id and old.id = any (stakeholder_ids);
  update public.communication_steps set stakeholder_ids = array_remove(stakeholder_ids, old.id) where account_id = old.account_id and old.id = any (stakeholder_ids);
  update public.close_records set stakeholder_ids = array_remove(stakeholder_ids, old.id) where account_id = old.account_id and old.id = any (stakeholder_ids);
  return null;
end
$$;

create trigger unlink_deleted_stakeholder after delete on public.stakeholders
  for each row execute function private.unlink_deleted_stakeholder();
