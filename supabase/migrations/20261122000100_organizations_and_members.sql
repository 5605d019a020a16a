-- Organizations, their members, invitations and own email domains; the
-- machinery every later table shares: the membership helper the policies call,
-- the change stamps the sync cursor reads, and the tombstones of deleted rows.
--
-- Conventions of every table in `public` (tests enforce the first three):
-- * row-level security is enabled beside its `create table`;
-- * one policy per command, `to authenticated`, named as a sentence;
-- * membership is checked only through `private.my_organizations(role)`;
-- * a client-generated uuid primary key, so a retried write is idempotent;
-- * `organization_id`, `created_by`, `created_at`, `updated_at` (trigger-kept)
--   and the change stamps `change_xid`, `change_seq` (see `private.stamp_row`).

-- Schema for helpers the API never exposes (PostgREST serves `public` only).
create schema private;
revoke all on schema private from public;
-- Policies run with the caller's privileges, so the caller must reach the helper.
grant usage on schema private to authenticated;

-- Nothing is executable unless granted by name: the API is small and explicit.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from anon, authenticated;
alter default privileges in schema private revoke execute on functions from anon, authenticated;
-- anon reads and writes nothing. TRUNCATE, REFERENCES and TRIGGER would bypass
-- or sidestep row-level security, so even signed-in users never get them.
alter default privileges in schema public revoke all on tables from anon;
alter default privileges in schema public revoke all on sequences from anon;
alter default privileges in schema public revoke truncate, references, trigger on tables from authenticated, service_role;

create type public.member_role as enum ('csm', 'manager', 'admin');
comment on type public.member_role is
  'Ordered: each role may do what the ones before it may (csm < manager < admin).';

-- One sequence for every table: with the writer's transaction id it orders all
-- changes of an organization for the delta pull (see `pull_changes`).
create sequence private.change_seq as bigint;
grant usage on sequence private.change_seq to authenticated, service_role;

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  -- Equal to `id`, so this table has the column every policy and the sync read.
  organization_id uuid generated always as (id) stored,
  name text not null check (char_length(btrim(name)) between 1 and 200),
  -- Freshness windows of time-bound evidence, in days (lib/pipeline/settings.ts).
  goal_current_days integer not null default 90 check (goal_current_days between 1 and 3650),
  insight_shared_days integer not null default 90 check (insight_shared_days between 1 and 3650),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq')
);
alter table public.organizations enable row level security;

create table public.members (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  email text check (char_length(email) <= 320),
  display_name text check (char_length(display_name) <= 200),
  role public.member_role not null,
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  unique (organization_id, user_id)
);
alter table public.members enable row level security;
create index members_user_id_idx on public.members (user_id, organization_id, role);

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  -- Stored lower-case: sign-in matches it against the verified email.
  email text not null check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 320),
  role public.member_role not null default 'csm',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq')
);
alter table public.invitations enable row level security;
create unique index invitations_one_open_per_email on public.invitations (organization_id, email) where accepted_at is null;
create index invitations_email_idx on public.invitations (email) where accepted_at is null;

-- The vendor's own domains: never matched as a customer's.
create table public.organization_domains (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  domain text not null check (domain = lower(domain) and domain ~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$' and char_length(domain) <= 253),
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq'),
  unique (organization_id, domain)
);
alter table public.organization_domains enable row level security;

-- What the sync learns deletions from: one row per deleted row, kept by trigger.
create table public.deleted_records (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  table_name text not null,
  record_id uuid not null,
  created_by uuid not null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_xid xid8 not null default pg_current_xact_id(),
  change_seq bigint not null default nextval('private.change_seq')
);
alter table public.deleted_records enable row level security;
create index deleted_records_record_idx on public.deleted_records (record_id);

-- The one membership helper. It returns the caller's organizations (where the
-- caller holds at least `at_least`) as a set, so a policy reads
-- `organization_id in (select private.my_organizations('csm'))`: Postgres
-- computes the set once per statement instead of once per row, which keeps a
-- scan of half a million evidence rows fast. Security definer so that reading
-- `members` does not recurse into the policies of `members`.
create function private.my_organizations(at_least public.member_role)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.organization_id
  from public.members m
  where m.user_id = (select auth.uid())
    and m.role >= at_least
$$;
grant execute on function private.my_organizations(public.member_role) to authenticated;

-- Keeps `updated_at` and the change stamps, and holds the identity columns
-- still. An update that changes nothing is dropped, so a replayed write does
-- not show up again in everyone's delta pull.
create function private.stamp_row()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    -- (In a BEFORE trigger the generated `organizations.organization_id` is
    -- not computed yet; there, `id` is the organization.)
    if new.id is distinct from old.id
       or (tg_table_name <> 'organizations' and new.organization_id is distinct from old.organization_id) then
      raise exception using
        errcode = 'SCIMM',
        message = 'A record cannot move to another id or organization.',
        detail = jsonb_build_object('table', tg_table_name)::text;
    end if;
    new.created_by := old.created_by;
    new.created_at := old.created_at;
    if (to_jsonb(new) - array['organization_id', 'updated_at', 'change_xid', 'change_seq'])
       = (to_jsonb(old) - array['organization_id', 'updated_at', 'change_xid', 'change_seq']) then
      return null;
    end if;
  else
    new.created_at := now();
  end if;
  new.updated_at := now();
  new.change_xid := pg_current_xact_id();
  new.change_seq := nextval('private.change_seq');
  return new;
end
$$;

-- Leaves a tombstone the delta pull hands to every member's local store.
-- Security definer: members may read tombstones but never write them.
create function private.record_deletion()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- When the whole organization goes, its tombstones go with it.
  if exists (select 1 from public.organizations o where o.id = old.organization_id) then
    insert into public.deleted_records (organization_id, table_name, record_id, created_by)
    values (old.organization_id, tg_table_name, old.id, coalesce(auth.uid(), old.created_by));
  end if;
  return old;
end
$$;

-- The organization's creator becomes its first admin.
create function private.add_creator_as_admin()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.members (organization_id, user_id, email, role, created_by)
  select new.id, u.id, u.email, 'admin', new.created_by
  from auth.users u
  where u.id = new.created_by;
  if not found then
    raise exception using errcode = 'SCREF', message = 'The creator of an organization must be a signed-in user.';
  end if;
  return new;
end
$$;

create trigger stamp_row before insert or update on public.organizations for each row execute function private.stamp_row();
create trigger add_creator_as_admin after insert on public.organizations for each row execute function private.add_creator_as_admin();
create trigger stamp_row before insert or update on public.members for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.members for each row execute function private.record_deletion();
create trigger stamp_row before insert or update on public.invitations for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.invitations for each row execute function private.record_deletion();
create trigger stamp_row before insert or update on public.organization_domains for each row execute function private.stamp_row();
create trigger record_deletion after delete on public.organization_domains for each row execute function private.record_deletion();
create trigger stamp_row before insert or update on public.deleted_records for each row execute function private.stamp_row();

-- Indexes on what the policies and the delta pull read.
create index organizations_sync_idx on public.organizations (organization_id, change_xid, change_seq);
create index organizations_created_by_idx on public.organizations (created_by);
create index members_sync_idx on public.members (organization_id, change_xid, change_seq);
create index members_created_by_idx on public.members (created_by);
create index invitations_sync_idx on public.invitations (organization_id, change_xid, change_seq);
create index invitations_created_by_idx on public.invitations (created_by);
create index organization_domains_sync_idx on public.organization_domains (organization_id, change_xid, change_seq);
create index organization_domains_created_by_idx on public.organization_domains (created_by);
create index deleted_records_sync_idx on public.deleted_records (organization_id, change_xid, change_seq);
create index deleted_records_created_by_idx on public.deleted_records (created_by);

-- Policies: organizations.
create policy "Members can read their organization"
  on public.organizations for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "Signed-in users can create an organization they own"
  on public.organizations for insert to authenticated
  with check (created_by = (select auth.uid()));
create policy "Admins can change their organization's name and settings"
  on public.organizations for update to authenticated
  using (organization_id in (select private.my_organizations('admin')))
  with check (organization_id in (select private.my_organizations('admin')));
create policy "Admins can delete their organization"
  on public.organizations for delete to authenticated
  using (organization_id in (select private.my_organizations('admin')));

-- Policies: members, invitations and own domains are the admins' to manage.
create policy "Members can see who else is a member"
  on public.members for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "Admins can add members"
  on public.members for insert to authenticated
  with check (organization_id in (select private.my_organizations('admin')) and created_by = (select auth.uid()));
create policy "Admins can change members' roles"
  on public.members for update to authenticated
  using (organization_id in (select private.my_organizations('admin')))
  with check (organization_id in (select private.my_organizations('admin')));
create policy "Admins can remove members"
  on public.members for delete to authenticated
  using (organization_id in (select private.my_organizations('admin')));

create policy "Members can see the open and accepted invitations"
  on public.invitations for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "Admins can invite people"
  on public.invitations for insert to authenticated
  with check (organization_id in (select private.my_organizations('admin')) and created_by = (select auth.uid()));
create policy "Admins can change invitations"
  on public.invitations for update to authenticated
  using (organization_id in (select private.my_organizations('admin')))
  with check (organization_id in (select private.my_organizations('admin')));
create policy "Admins can withdraw invitations"
  on public.invitations for delete to authenticated
  using (organization_id in (select private.my_organizations('admin')));

create policy "Members can read their organization's own domains"
  on public.organization_domains for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "Admins can add own domains"
  on public.organization_domains for insert to authenticated
  with check (organization_id in (select private.my_organizations('admin')) and created_by = (select auth.uid()));
create policy "Admins can change own domains"
  on public.organization_domains for update to authenticated
  using (organization_id in (select private.my_organizations('admin')))
  with check (organization_id in (select private.my_organizations('admin')));
create policy "Admins can remove own domains"
  on public.organization_domains for delete to authenticated
  using (organization_id in (select private.my_organizations('admin')));

-- Tombstones are written by trigger only; members read them to sync.
create policy "Members can read what was deleted in their organization"
  on public.deleted_records for select to authenticated
  using (organization_id in (select private.my_organizations('csm')));
create policy "Nobody inserts tombstones directly"
  on public.deleted_records for insert to authenticated
  with check (false);
create policy "Nobody changes tombstones"
  on public.deleted_records for update to authenticated
  using (false);
create policy "Nobody deletes tombstones"
  on public.deleted_records for delete to authenticated
  using (false);
