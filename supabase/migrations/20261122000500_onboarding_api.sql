-- Onboarding: the first user creates an organization and becomes its admin;
-- admins invite by email, set the organization's own domains and freshness
-- windows, and manage roles. An invited person joins on first sign-in with
-- the invited address. Contract and errors: supabase/API.md.
--
-- These functions run with the caller's rights (security invoker), so the
-- policies stay the one place that decides who may write what; they add
-- validation and clear errors. Only joining needs the definer's rights.

-- Whether a record id is free ('new'), taken in `organization` by the caller
-- ('mine') or by a colleague ('colleague'), or taken in another organization
-- ('foreign'). Security definer because row-level security hides exactly the
-- rows this must tell apart; it reveals nothing but that verdict.
create function private.record_state(table_name text, record_id uuid, organization uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  owner_organization uuid;
  author uuid;
begin
  if table_name not in (select c.relname from pg_catalog.pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r') then
    raise exception 'record_state: unknown table %', table_name;
  end if;
  execute format('select organization_id, created_by from public.%I where id = $1', table_name)
    into owner_organization, author using record_id;
  return case
    when owner_organization is null then 'new'
    when owner_organization <> organization then 'foreign'
    when author = (select auth.uid()) then 'mine'
    else 'colleague'
  end;
end
$$;

-- The caller's role in an organization, or SCAUT when it is below `at_least`.
create function private.require_role(organization uuid, at_least public.member_role)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    perform private.fail('SCAUT', null, 'Sign in first.');
  end if;
  if not exists (select 1 from private.my_organizations('csm') as mine where mine = organization) then
    perform private.fail('SCREF', 'organization_id', 'You are not a member of this organization.');
  end if;
  if not exists (select 1 from private.my_organizations(at_least) as mine where mine = organization) then
    perform private.fail('SCAUT', 'organization_id', format('Only a member with role %s or above can do this.', at_least));
  end if;
end
$$;

create function public.create_organization(payload jsonb)
returns public.organizations
language plpgsql
set search_path = ''
as $$
declare
  new_id uuid;
  result public.organizations;
begin
  perform private.expect_fields(payload, array['id', 'name']);
  new_id := private.field_uuid(payload, 'id', true);
  if (select auth.uid()) is null then
    perform private.fail('SCAUT', null, 'Sign in first.');
  end if;
  if private.record_state('organizations', new_id, new_id) <> 'new' then
    select * into result from public.organizations where id = new_id;
    if not found then
      perform private.fail('SCCNF', 'id', 'This id is already used by another organization.');
    end if;
    return result; -- a replay of the same call
  end if;
  begin
    insert into public.organizations (id, name, created_by)
    values (new_id, private.field_text(payload, 'name', 200, true), (select auth.uid()));
  exception when unique_violation then
    perform private.fail('SCCNF', 'id', 'This id is already used by another organization.');
  end;
  select * into result from public.organizations where id = new_id;
  return result;
end
$$;

create function public.update_organization_settings(payload jsonb)
returns public.organizations
language plpgsql
set search_path = ''
as $$
declare
  organization uuid;
  result public.organizations;
begin
  perform private.expect_fields(payload, array['organization_id', 'name', 'goal_current_days', 'insight_shared_days']);
  organization := private.field_uuid(payload, 'organization_id', true);
  perform private.require_role(organization, 'admin');
  update public.organizations o set
    name = coalesce(private.field_text(payload, 'name', 200), o.name),
    goal_current_days = coalesce(private.field_integer(payload, 'goal_current_days', 1, 3650), o.goal_current_days),
    insight_shared_days = coalesce(private.field_integer(payload, 'insight_shared_days', 1, 3650), o.insight_shared_days)
  where o.id = organization;
  select * into result from public.organizations where id = organization;
  return result;
end
$$;

-- Replaces the organization's own domains with `domains` (a set: replaying
-- the call changes nothing).
create function public.set_organization_domains(payload jsonb)
returns setof public.organization_domains
language plpgsql
set search_path = ''
as $$
declare
  organization uuid;
  wanted text[];
  clash text;
begin
  perform private.expect_fields(payload, array['organization_id', 'domains']);
  organization := private.field_uuid(payload, 'organization_id', true);
  wanted := private.domain_list(payload, 'domains', 50);
  perform private.require_role(organization, 'admin');
  select d.domain into clash from public.account_domains d
  where d.organization_id = organization and d.domain = any (wanted) limit 1;
  if clash is not null then
    perform private.fail('SCCNF', 'domains', format('%s is a customer account''s domain; remove it from the account first.', clash));
  end if;
  delete from public.organization_domains d where d.organization_id = organization and d.domain <> all (wanted);
  insert into public.organization_domains (organization_id, domain, created_by)
  select organization, w, (select auth.uid()) from unnest(wanted) as w
  on conflict (organization_id, domain) do nothing;
  return query select * from public.organization_domains d where d.organization_id = organization order by d.domain;
end
$$;

-- Domain names, lower-cased and de-duplicated; SCTYP for anything else.
create function private.domain_list(payload jsonb, field text, max_items integer)
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  domains text[] := private.field_text_list(payload, field, max_items, 253);
  bad text;
begin
  select d into bad from unnest(domains) as d where lower(d) !~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$' limit 1;
  if bad is not null then
    perform private.fail('SCTYP', field, format('"%s" is not a domain name like example.com.', bad));
  end if;
  return (select coalesce(array_agg(distinct lower(d)), '{}') from unnest(domains) as d);
end
$$;

create function public.invite_member(payload jsonb)
returns public.invitations
language plpgsql
set search_path = ''
as $$
declare
  invitation_id uuid;
  organization uuid;
  address text;
  result public.invitations;
begin
  perform private.expect_fields(payload, array['id', 'organization_id', 'email', 'role']);
  invitation_id := private.field_uuid(payload, 'id', true);
  organization := private.field_uuid(payload, 'organization_id', true);
  address := lower(private.field_text(payload, 'email', 320, true));
  if address !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    perform private.fail('SCTYP', 'email', 'email must be an email address.');
  end if;
  perform private.require_role(organization, 'admin');
  if private.record_state('invitations', invitation_id, organization) = 'foreign' then
    perform private.fail('SCCNF', 'id', 'This id is already used by another record.');
  end if;
  if exists (select 1 from public.members m where m.organization_id = organization and lower(m.email) = address) then
    perform private.fail('SCCNF', 'email', format('%s is already a member.', address));
  end if;
  begin
    insert into public.invitations (id, organization_id, email, role, created_by)
    values (invitation_id, organization, address,
            coalesce(private.field_enum(payload, 'role', 'public.member_role'), 'csm')::public.member_role, (select auth.uid()))
    on conflict (id) do update set role = excluded.role;
  exception when unique_violation then
    perform private.fail('SCCNF', 'email', format('%s already has an open invitation.', address));
  end;
  select * into result from public.invitations where id = invitation_id and organization_id = organization and email = address;
  if not found then
    perform private.fail('SCCNF', 'id', 'This id is already used by another invitation.');
  end if;
  return result;
end
$$;

-- Turns the open invitations for a user's confirmed address into memberships.
create function private.accept_invitations(joining_user uuid)
returns setof public.members
language plpgsql
security definer
set search_path = ''
as $$
declare
  address text;
begin
  select lower(u.email) into address from auth.users u where u.id = joining_user and u.email_confirmed_at is not null;
  if address is null then
    return;
  end if;
  insert into public.members (organization_id, user_id, email, role, created_by)
  select i.organization_id, joining_user, address, i.role, i.created_by
  from public.invitations i
  where i.email = address and i.accepted_at is null
  on conflict (organization_id, user_id) do nothing;
  update public.invitations i set accepted_at = now(), accepted_by = joining_user
  where i.email = address and i.accepted_at is null;
  return query select * from public.members m where m.user_id = joining_user;
end
$$;

-- First sign-in: Supabase confirms the address of an email-OTP user on the
-- first successful code, which updates `auth.users.email_confirmed_at`.
create function private.join_on_confirmed_email()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.email_confirmed_at is not null and (tg_op = 'INSERT' or old.email_confirmed_at is null or new.email is distinct from old.email) then
    perform private.accept_invitations(new.id);
  end if;
  return null;
end
$$;

create trigger join_on_confirmed_email after insert or update of email_confirmed_at, email on auth.users
  for each row execute function private.join_on_confirmed_email();

-- For a user who was invited after they first signed in. Security definer
-- because the caller is not yet a member of the organizations they join; it
-- only ever acts for the caller's own confirmed address.
create function public.join_invited_organizations()
returns setof public.members
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    perform private.fail('SCAUT', null, 'Sign in first.');
  end if;
  return query select * from private.accept_invitations((select auth.uid()));
end
$$;

-- An organization always keeps an admin, however the change is made.
create function private.keep_one_admin()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role = 'admin' and (tg_op = 'DELETE' or new.role <> 'admin')
     and exists (select 1 from public.organizations o where o.id = old.organization_id)
     and not exists (
       select 1 from public.members m
       where m.organization_id = old.organization_id and m.role = 'admin' and m.id <> old.id
     ) then
    perform private.fail('SCCNF', 'role', 'An organization must keep at least one admin.');
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger keep_one_admin before update of role or delete on public.members
  for each row execute function private.keep_one_admin();

create function public.set_member_role(payload jsonb)
returns public.members
language plpgsql
set search_path = ''
as $$
declare
  member_id uuid;
  organization uuid;
  result public.members;
begin
  perform private.expect_fields(payload, array['member_id', 'role']);
  member_id := private.field_uuid(payload, 'member_id', true);
  select m.organization_id into organization from public.members m where m.id = member_id;
  if organization is null then
    perform private.fail('SCREF', 'member_id', 'No such member in your organization.');
  end if;
  perform private.require_role(organization, 'admin');
  update public.members m set role = private.field_enum(payload, 'role', 'public.member_role', true)::public.member_role
  where m.id = member_id;
  select * into result from public.members where id = member_id;
  return result;
end
$$;

create function public.remove_member(payload jsonb)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  member_id uuid;
  organization uuid;
begin
  perform private.expect_fields(payload, array['member_id']);
  member_id := private.field_uuid(payload, 'member_id', true);
  select m.organization_id into organization from public.members m where m.id = member_id;
  if organization is null then
    return false; -- already gone: a replayed removal is not an error
  end if;
  perform private.require_role(organization, 'admin');
  delete from public.members m where m.id = member_id;
  return true;
end
$$;

grant execute on function
  public.create_organization(jsonb),
  public.update_organization_settings(jsonb),
  public.set_organization_domains(jsonb),
  public.invite_member(jsonb),
  public.join_invited_organizations(),
  public.set_member_role(jsonb),
  public.remove_member(jsonb)
to authenticated;

-- The helpers the functions above call with the caller's rights.
grant execute on function
  private.fail(text, text, text),
  private.expect_fields(jsonb, text[]),
  private.present(jsonb, text, boolean),
  private.field_text(jsonb, text, integer, boolean),
  private.field_uuid(jsonb, text, boolean),
  private.field_date(jsonb, text, boolean),
  private.field_number(jsonb, text, numeric, numeric, boolean),
  private.field_integer(jsonb, text, integer, integer, boolean),
  private.field_boolean(jsonb, text, boolean),
  private.enum_labels(regtype),
  private.check_enum(jsonb, text, regtype),
  private.field_enum(jsonb, text, regtype, boolean),
  private.field_list(jsonb, text, integer),
  private.field_enum_list(jsonb, text, regtype, integer),
  private.field_text_list(jsonb, text, integer, integer),
  private.field_uuid_list(jsonb, text, integer),
  private.require_role(uuid, public.member_role),
  private.record_state(text, uuid, uuid),
  private.domain_list(jsonb, text, integer)
to authenticated;
