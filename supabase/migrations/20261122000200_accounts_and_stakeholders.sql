-- Customer accounts, their email domains and lifecycle milestones, and the
-- people at the customer (stakeholders). These are shared working records:
-- any CSM or manager of the organization may add and correct them; their
-- author or a manager may delete them.

create type public.milestone_kind as enum (
  'purchase_welcome', 'kickoff', 'onboarding_complete', 'first_value',
  'value_block', 'insight_shared', 'alignment_meeting', 'renew_grow'
);
create type public.stakeholder_role as enum (
  'executive_sponsor', 'budget_owner', 'approver', 'influencer', 'steering_committee',
  'champion_user', 'end_user', 'procurement', 'legal', 'security', 'finance'
);
create type public.stakeholder_position as enum ('sponsor', 'supporter', 'needs_education', 'detractor', 'unknown');
create type public.influence_level as enum ('high', 'medium', 'low');

create table public.accounts (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 200),
  -- The CSM who owns the account (a member's user id); null while unassigned.
  owner_id uuid references auth.users (id) on delete set null,
  arr numeric(14, 2) check (arr >= 0),
  renewal_on date,
  notes text check (char_length(notes) <= 5000),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  -- Children reference (organization_id, id) so a row can never point into
  -- another organization, whoever writes it and however.
  unique (organization_id, id)
);
alter table public.accounts enable row level security;
create index accounts_owner_id_idx on public.accounts (owner_id);

create table public.account_domains (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  domain text not null check (domain = lower(domain) and domain ~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$' and char_length(domain) <= 253),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id) references public.accounts (organization_id, id) on delete cascade,
  -- A domain belongs to at most one account of an organization.
  unique (organization_id, domain)
);
alter table public.account_domains enable row level security;
create index account_domains_account_id_idx on public.account_domains (account_id);

create table public.account_milestones (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  kind public.milestone_kind not null,
  reached_on date not null,
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id) references public.accounts (organization_id, id) on delete cascade,
  unique (account_id, kind)
);
alter table public.account_milestones enable row level security;

create table public.stakeholders (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  name text not null check (char_length(btrim(name)) between 1 and 200),
  email text check (email = lower(email) and char_length(email) <= 320),
  title text check (char_length(title) <= 200),
  roles public.stakeholder_role[] not null default '{}' check (cardinality(roles) <= 11),
  position public.stakeholder_position not null default 'unknown',
  influence public.influence_level,
  -- The belief this person still needs to hold for the opportunity to move.
  belief_needed text check (char_length(belief_needed) <= 2000),
  notes text check (char_length(notes) <= 5000),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  foreign key (organization_id, account_id) references public.accounts (organization_id, id) on delete cascade,
  unique (organization_id, account_id, id)
);
alter table public.stakeholders enable row level security;
create index stakeholders_account_id_idx on public.stakeholders (account_id);
create unique index stakeholders_one_per_email on public.stakeholders (account_id, email) where email is not null;

create trigger stamp_row before insert or update on public.accounts for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.accounts for each row execute function private.record_deletion();
create index accounts_sync_idx on public.accounts (organization_id, change_xid, change_seq);
create index accounts_created_by_idx on public.accounts (created_by);
create policy "Members can read their organization's accounts"
  on public.accounts for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can add accounts"
  on public.accounts for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "CSMs and managers can correct accounts"
  on public.accounts for update to authenticated
  using (organization_id in (select private.my_organizations('csm')))
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete accounts"
  on public.accounts for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.account_domains for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.account_domains for each row execute function private.record_deletion();
create index account_domains_sync_idx on public.account_domains (organization_id, change_xid, change_seq);
create index account_domains_created_by_idx on public.account_domains (created_by);
create policy "Members can read their organization's account domains"
  on public.account_domains for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can add account domains"
  on public.account_domains for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "CSMs and managers can correct account domains"
  on public.account_domains for update to authenticated
  using (organization_id in (select private.my_organizations('csm')))
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete account domains"
  on public.account_domains for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.account_milestones for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.account_milestones for each row execute function private.record_deletion();
create index account_milestones_sync_idx on public.account_milestones (organization_id, change_xid, change_seq);
create index account_milestones_created_by_idx on public.account_milestones (created_by);
create policy "Members can read their organization's account milestones"
  on public.account_milestones for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can add account milestones"
  on public.account_milestones for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "CSMs and managers can correct account milestones"
  on public.account_milestones for update to authenticated
  using (organization_id in (select private.my_organizations('csm')))
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete account milestones"
  on public.account_milestones for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
create trigger stamp_row before insert or update on public.stakeholders for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.stakeholders for each row execute function private.record_deletion();
create index stakeholders_sync_idx on public.stakeholders (organization_id, change_xid, change_seq);
create index stakeholders_created_by_idx on public.stakeholders (created_by);
create policy "Members can read their organization's stakeholders"
  on public.stakeholders for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "CSMs and managers can add stakeholders"
  on public.stakeholders for insert to authenticated
  with check (organization_id in (select private.my_organizations('csm')) and created_by = (select auth.uid()));
create policy "CSMs and managers can correct stakeholders"
  on public.stakeholders for update to authenticated
  using (organization_id in (select private.my_organizations('csm')))
  with check (organization_id in (select private.my_organizations('csm')));
create policy "Authors and managers can delete stakeholders"
  on public.stakeholders for delete to authenticated
  using (
    organization_id in (select private.my_organizations('manager'))
    or (created_by = (select auth.uid()) and organization_id in (select private.my_organizations('csm')))
  );
