-- Weekly forecast snapshots, and descriptions for Supabase Studio.
--
-- A snapshot records, for one organization and one ISO week (Monday to
-- Sunday, UTC), every open opportunity as it stood when it was taken: its
-- declared stage, amount, target date and the facts the stage rules read
-- (the `opportunity_facts` JSON). The dashboard evaluates those facts with
-- lib/pipeline at the snapshot's time, so it can tell a forecast the evidence
-- supported from one that was only declared, and compares both with what
-- closed (close records and status changes).
--
-- One snapshot per organization and week, and the first one taken stands:
-- calling `take_forecast_snapshot` again in the same week returns the week's
-- snapshot unchanged. A forecast is "what we expected at that date"; letting a
-- later call rewrite it after deals closed would make forecast accuracy
-- measure nothing. A mistaken snapshot can be deleted by an admin, and the
-- next call takes a new one.
--
-- Not synced to the local store (`pull_changes` does not return these
-- tables), so they leave no tombstones: deleting a snapshot removes its lines
-- with it, and members' browsers never held them.

create table public.forecast_snapshots (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  -- The Monday of the ISO week the snapshot belongs to.
  week_start date not null check (extract(isodow from week_start) = 1),
  taken_at timestamptz not null default now(),
  -- How many open opportunities it holds, and their amounts summed (blank as 0).
  line_count integer not null default 0 check (line_count >= 0),
  open_amount numeric(16, 2) not null default 0,
  -- The manager or admin who took it; null when the weekly scheduler did.
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  unique (organization_id, week_start),
  unique (organization_id, id)
);
alter table public.forecast_snapshots enable row level security;
create index forecast_snapshots_organization_id_idx on public.forecast_snapshots (organization_id, week_start);
create index forecast_snapshots_created_by_idx on public.forecast_snapshots (created_by);

create table public.forecast_snapshot_lines (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  snapshot_id uuid not null,
  week_start date not null,
  opportunity_id uuid not null,
  account_id uuid not null,
  title text not null,
  type public.opportunity_type not null,
  declared_stage public.pipeline_stage not null,
  amount numeric(14, 2),
  target_date date,
  -- Whether the opportunity was expected to close within the snapshot's week:
  -- what the week's forecast is made of. Stored so a reader can fetch just these.
  due_in_week boolean not null,
  stage_entered_at timestamptz not null,
  -- `OpportunityFacts` of lib/pipeline/facts.ts as they were at `taken_at`.
  facts json not null,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, snapshot_id) references public.forecast_snapshots (organization_id, id) on delete cascade,
  unique (snapshot_id, opportunity_id),
  check (due_in_week = coalesce(target_date between week_start and week_start + 6, false))
);
alter table public.forecast_snapshot_lines enable row level security;
create index forecast_snapshot_lines_organization_id_idx on public.forecast_snapshot_lines (organization_id, week_start) where due_in_week;
create index forecast_snapshot_lines_organization_id_all_idx on public.forecast_snapshot_lines (organization_id);
create index forecast_snapshot_lines_created_by_idx on public.forecast_snapshot_lines (created_by);

create trigger stamp_row before insert or update on public.forecast_snapshots for each row execute function private.stamp_row();
create trigger stamp_row before insert or update on public.forecast_snapshot_lines for each row execute function private.stamp_row();

create policy "Members can read their organization's forecast snapshots"
  on public.forecast_snapshots for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "Managers can take a forecast snapshot"
  on public.forecast_snapshots for insert to authenticated
  with check (organization_id in (select private.my_organizations('manager')) and created_by = (select auth.uid()));
create policy "Nobody rewrites a forecast snapshot once taken"
  on public.forecast_snapshots for update to authenticated
  using (false);
create policy "Admins can delete a mistaken forecast snapshot"
  on public.forecast_snapshots for delete to authenticated
  using (organization_id in (select private.my_organizations('admin')));

create policy "Members can read their organization's forecast snapshot lines"
  on public.forecast_snapshot_lines for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "Managers can add lines to a forecast snapshot"
  on public.forecast_snapshot_lines for insert to authenticated
  with check (organization_id in (select private.my_organizations('manager')) and created_by = (select auth.uid()));
create policy "Nobody rewrites a forecast snapshot line once taken"
  on public.forecast_snapshot_lines for update to authenticated
  using (false);
create policy "Snapshot lines go only with their snapshot"
  on public.forecast_snapshot_lines for delete to authenticated
  using (false);

-- Takes the snapshot of `organization` for the ISO week of `as_of`, or returns
-- the one already taken that week. Runs with the caller's rights: row-level
-- security decides (managers and admins may insert; the scheduler runs as the
-- database owner). `taker` is the caller, or null for the scheduler.
create function private.snapshot_forecast(organization uuid, taker uuid, as_of timestamptz default now())
returns public.forecast_snapshots
language plpgsql
set search_path = ''
as $$
declare
  week date := date_trunc('week', as_of at time zone 'UTC')::date;
  snapshot public.forecast_snapshots;
begin
  insert into public.forecast_snapshots (organization_id, week_start, taken_at, created_by, line_count, open_amount)
  select organization, week, as_of, taker, count(*), coalesce(sum(o.amount), 0)
  from public.opportunities o
  where o.organization_id = organization and o.status = 'open'
  on conflict (organization_id, week_start) do nothing
  returning * into snapshot;
  if snapshot.id is null then
    -- Already taken this week (perhaps by a call running at the same moment): that one stands.
    select * into snapshot from public.forecast_snapshots s where s.organization_id = organization and s.week_start = week;
    return snapshot;
  end if;
  insert into public.forecast_snapshot_lines (organization_id, snapshot_id, week_start, opportunity_id, account_id, title, type,
    declared_stage, amount, target_date, due_in_week, stage_entered_at, facts, created_by)
  select organization, snapshot.id, week, o.id, o.account_id, o.title, o.type, o.declared_stage, o.amount, o.target_date,
    coalesce(o.target_date between week and week + 6, false), o.stage_entered_at, f.facts, taker
  from public.opportunities o
  join public.opportunity_facts f on f.opportunity_id = o.id
  where o.organization_id = organization and o.status = 'open';
  return snapshot;
end
$$;
grant execute on function private.snapshot_forecast(uuid, uuid, timestamptz) to authenticated;

-- The dashboard's "Take this week's snapshot": managers and admins (`SCAUT`
-- for a CSM, `SCREF` for someone outside the organization). Idempotent per
-- ISO week: a second call that week answers the first snapshot.
create function public.take_forecast_snapshot(organization_id uuid)
returns public.forecast_snapshots
language plpgsql
set search_path = ''
as $$
begin
  perform private.require_role(take_forecast_snapshot.organization_id, 'manager');
  return private.snapshot_forecast(take_forecast_snapshot.organization_id, (select auth.uid()));
end
$$;
grant execute on function public.take_forecast_snapshot(uuid) to authenticated;

-- For a scheduler running as the database owner (pg_cron in a Supabase
-- project; see supabase/API.md): every organization's snapshot of this week.
-- Not executable by API roles.
create function private.take_weekly_forecast_snapshots()
returns integer
language plpgsql
set search_path = ''
as $$
declare
  organization uuid;
  taken integer := 0;
begin
  for organization in select o.id from public.organizations o order by o.id loop
    perform private.snapshot_forecast(organization, null);
    taken := taken + 1;
  end loop;
  return taken;
end
$$;

revoke all on public.forecast_snapshots, public.forecast_snapshot_lines from anon;

-- What a manager browsing the project in Supabase Studio reads about each table and view.
comment on table public.organizations is 'The vendor: your company. Name and the freshness windows (days) of time-bound evidence.';
comment on table public.members is 'People of the organization and their role: csm, manager or admin.';
comment on table public.invitations is 'Invitations to join the organization; accepted when the invitee signs in with that email.';
comment on table public.organization_domains is 'The organization''s own email domains, never taken for a customer''s.';
comment on table public.deleted_records is 'Tombstones: one row per deleted record, so every member''s browser learns of the deletion.';
comment on table public.accounts is 'Customer accounts: owner CSM, ARR, renewal date.';
comment on table public.account_domains is 'Email domains of each customer account (a domain belongs to one account).';
comment on table public.account_milestones is 'Lifecycle milestones of each account (purchase, kickoff, First Value, ...) with the day reached.';
comment on table public.stakeholders is 'People at the customer: roles in the decision, relationship position, influence.';
comment on table public.opportunities is 'Renewal and growth motions: declared stage, status (open, won, lost), amount, target decision date.';
comment on table public.opportunity_stage_changes is 'History of each opportunity''s declared stage and status, appended on every change.';
comment on table public.goals is 'Customer goals: why they bought, and when last confirmed current.';
comment on table public.outcomes is 'Progress recorded toward a customer goal.';
comment on table public.use_cases is 'Use cases of an account: active, discussed but not active, or another team''s.';
comment on table public.business_cases is 'The business case of an opportunity: its four answers and whether the customer can carry it alone.';
comment on table public.intent_signals is 'Signs the customer is organising a decision (timing, budget owner, approval path, verbal yes) or a risk against it.';
comment on table public.insights is 'Insights shared with the customer: kind, proof, audience, day shared.';
comment on table public.meetings is 'Alignment meetings and executive conversations held, with attendees.';
comment on table public.communication_steps is 'Planned conversations with a stakeholder, and their status.';
comment on table public.close_records is 'How an opportunity closed: outcome, amount, reasons, advocacy ask, next-cycle goals.';
comment on view public.opportunity_facts is 'One row per opportunity: the facts the stage rules read (JSON), kept current on every write. Evaluate with lib/pipeline.';
comment on table public.forecast_snapshots is 'Weekly forecast snapshots (one per organization and ISO week; the first taken stands).';
comment on table public.forecast_snapshot_lines is 'Each open opportunity as it stood in a weekly forecast snapshot, with its facts at that time.';
comment on column public.forecast_snapshot_lines.due_in_week is 'Expected to close within the snapshot''s week: the lines that make up that week''s forecast.';
