-- Found by the write-RPC fuzz test (tests/db/write-rpc-fuzz.test.ts): calls
-- that leaked a raw PostgreSQL error (23503, 23505) instead of a stable SC
-- code, or succeeded while storing something other than what was sent.
-- Regression tests: supabase/tests/database/13-write-rpc-stable-errors.sql.
--
-- 1. Amounts with fractions of a cent were rounded silently (arr 0.001 stored
--    as 0, 99999999999.995 as 100000000000). Numbers now
--    carry at most two decimals, else SCTYP.
-- 2. Moving an opportunity, goal or stakeholder to another account while
--    records hang off it failed with 23503. Now SCCNF, saying why.
-- 3. Reusing the id of one milestone / business case / close record for
--    another kind or opportunity failed with 23505 on the primary key. Now
--    SCCNF, like any other id used by another record.
-- 4. save_account's `domains` is the account's whole set, but a CSM's delete
--    of a domain a colleague added was skipped by row-level security without
--    a word, leaving it in place. Now SCAUT, and nothing is written.
-- 5. create_organization called again with an existing id skipped validation
--    and ignored a different name. It now validates first; a replay with the
--    same name returns the organization, another name is SCCNF.

create or replace function private.field_number(payload jsonb, field text, minimum numeric, maximum numeric, required boolean default false)
returns numeric
language plpgsql
immutable
set search_path = ''
as $$
declare
  value jsonb := private.present(payload, field, required);
begin
  if value is null then
    return null;
  end if;
  if jsonb_typeof(value) <> 'number' then
    perform private.fail('SCTYP', field, format('%s must be a number.', field));
  end if;
  if value::numeric < minimum or value::numeric > maximum then
    perform private.fail('SCRNG', field, format('%s must be between %s and %s.', field, minimum, maximum));
  end if;
  -- Amounts are stored to the cent (numeric(14, 2)): more decimals would be rounded away.
  if value::numeric <> round(value::numeric, 2) then
    perform private.fail('SCTYP', field, format('%s has at most two decimals.', field));
  end if;
  return value::numeric;
end
$$;

-- A record with records hanging off it (by organization, account and id)
-- cannot move to another account: they would point across accounts.
-- Arguments: pairs of child table and the column that names this record.
create function private.refuse_move_with_dependents()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  i integer := 0;
  found boolean;
begin
  if new.account_id is not distinct from old.account_id then
    return new;
  end if;
  while i < tg_nargs loop
    execute format('select exists (select 1 from public.%I where %I = $1)', tg_argv[i], tg_argv[i + 1]) into found using old.id;
    if found then
      perform private.fail('SCCNF', 'account_id',
        format('This record has %s on its account, so it cannot move to another account.', replace(tg_argv[i], '_', ' ')));
    end if;
    i := i + 2;
  end loop;
  return new;
end
$$;

create trigger refuse_move_with_dependents before update of account_id on public.opportunities
  for each row execute function private.refuse_move_with_dependents(
    'opportunity_stage_changes', 'opportunity_id', 'business_cases', 'opportunity_id', 'intent_signals', 'opportunity_id',
    'insights', 'opportunity_id', 'meetings', 'opportunity_id', 'communication_steps', 'opportunity_id', 'close_records', 'opportunity_id');
create trigger refuse_move_with_dependents before update of account_id on public.goals
  for each row execute function private.refuse_move_with_dependents('outcomes', 'goal_id');
create trigger refuse_move_with_dependents before update of account_id on public.stakeholders
  for each row execute function private.refuse_move_with_dependents('communication_steps', 'stakeholder_id');

-- Records that are one per something (a milestone kind of an account, the
-- business case or close record of an opportunity) are written with
-- `on conflict` on that key; an id already used by another such record
-- would otherwise hit the primary key. Argument: the column that is unique
-- besides the account (`kind`) or alone (`opportunity_id`).
create function private.refuse_id_of_another_record()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  clash boolean;
begin
  execute format('select exists (select 1 from public.%I t where t.id = $1 and (t.account_id, t.%I::text) is distinct from ($2, $3))',
    tg_table_name, tg_argv[0]) into clash using new.id, new.account_id, to_jsonb(new) ->> tg_argv[0];
  if clash then
    perform private.fail('SCCNF', 'id', 'This id is already used by another record.');
  end if;
  return new;
end
$$;

create trigger refuse_id_of_another_record before insert on public.account_milestones
  for each row execute function private.refuse_id_of_another_record('kind');
create trigger refuse_id_of_another_record before insert on public.business_cases
  for each row execute function private.refuse_id_of_another_record('opportunity_id');
create trigger refuse_id_of_another_record before insert on public.close_records
  for each row execute function private.refuse_id_of_another_record('opportunity_id');

-- save_account as 20261122001020 left it (client domain ids), plus the
-- refusal below when a colleague's domain would silently stay.
create or replace function public.save_account(payload jsonb)
returns public.accounts
language plpgsql
set search_path = ''
as $$
declare
  the_account uuid;
  organization uuid;
  owner uuid;
  domains text[];
  domain_ids jsonb := coalesce(payload -> 'domain_ids', '{}'::jsonb);
  clash text;
  result public.accounts;
begin
  perform private.expect_fields(payload, array['id', 'organization_id', 'name', 'owner_id', 'arr', 'renewal_on', 'notes', 'domains', 'domain_ids']);
  the_account := private.field_uuid(payload, 'id', true);
  organization := private.field_uuid(payload, 'organization_id', true);
  owner := private.field_uuid(payload, 'owner_id');
  domains := private.domain_list(payload, 'domains', 20);
  if jsonb_typeof(domain_ids) = 'null' then
    domain_ids := '{}'::jsonb;
  end if;
  if jsonb_typeof(domain_ids) <> 'object'
     or exists (select 1 from jsonb_each(domain_ids) e
                where jsonb_typeof(e.value) <> 'string'
                   or e.value #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
    perform private.fail('SCTYP', 'domain_ids', 'domain_ids must map each domain to a uuid.');
  end if;
  perform private.require_role(organization, 'csm');
  if private.record_state('accounts', the_account, organization) = 'foreign' then
    perform private.fail('SCCNF', 'id', 'This id is already used by another record.');
  end if;
  if owner is not null and not exists (select 1 from public.members m where m.organization_id = organization and m.user_id = owner) then
    perform private.fail('SCREF', 'owner_id', 'The owner must be a member of your organization.');
  end if;
  select d.domain into clash from public.organization_domains d where d.organization_id = organization and d.domain = any (domains) limit 1;
  if clash is not null then
    perform private.fail('SCCNF', 'domains', format('%s is your organization''s own domain, never a customer''s.', clash));
  end if;
  select d.domain into clash from public.account_domains d
  where d.organization_id = organization and d.domain = any (domains) and d.account_id <> the_account limit 1;
  if clash is not null then
    perform private.fail('SCCNF', 'domains', format('%s already belongs to another account.', clash));
  end if;

  insert into public.accounts (id, organization_id, name, owner_id, arr, renewal_on, notes, created_by)
  values (the_account, organization, private.field_text(payload, 'name', 200, true), owner,
          private.field_number(payload, 'arr', 0, 999999999999), private.field_date(payload, 'renewal_on'),
          private.field_text(payload, 'notes', 5000), (select auth.uid()))
  on conflict (id) do update set
    name = excluded.name, owner_id = excluded.owner_id, arr = excluded.arr,
    renewal_on = excluded.renewal_on, notes = excluded.notes;
  -- `domains`, when sent, is the account's whole set.
  if payload ? 'domains' then
    delete from public.account_domains d where d.account_id = the_account and d.domain <> all (domains);
    -- Row-level security lets a CSM delete only the domains they added: a
    -- colleague's that should go would stay without a word.
    select d.domain into clash from public.account_domains d where d.account_id = the_account and d.domain <> all (domains) limit 1;
    if clash is not null then
      perform private.fail('SCAUT', 'domains', format('%s was added by a colleague: only they or a manager can remove it.', clash));
    end if;
    -- The client's id for a new row, unless some row has it (in any
    -- organization: record_state sees past row-level security) or had it.
    insert into public.account_domains (id, organization_id, account_id, domain, created_by)
    select case when c.wanted is not null
                 and private.record_state('account_domains', c.wanted, organization) = 'new'
                 and not exists (select 1 from public.deleted_records t where t.record_id = c.wanted and t.table_name = 'account_domains')
           then c.wanted else gen_random_uuid() end,
           organization, the_account, c.d, (select auth.uid())
    from (select d, (domain_ids ->> d)::uuid as wanted from unnest(domains) as d) as c
    on conflict (organization_id, domain) do nothing;
  end if;
  select * into result from public.accounts a where a.id = the_account;
  return result;
end
$$;

create or replace function public.create_organization(payload jsonb)
returns public.organizations
language plpgsql
set search_path = ''
as $$
declare
  new_id uuid;
  new_name text;
  result public.organizations;
begin
  perform private.expect_fields(payload, array['id', 'name']);
  new_id := private.field_uuid(payload, 'id', true);
  new_name := private.field_text(payload, 'name', 200, true);
  if (select auth.uid()) is null then
    perform private.fail('SCAUT', null, 'Sign in first.');
  end if;
  if private.record_state('organizations', new_id, new_id) <> 'new' then
    select * into result from public.organizations where id = new_id;
    if not found or result.name <> new_name then
      perform private.fail('SCCNF', 'id', 'This id is already used by another organization.');
    end if;
    return result; -- a replay of the same call
  end if;
  begin
    insert into public.organizations (id, name, created_by) values (new_id, new_name, (select auth.uid()));
  exception when unique_violation then
    perform private.fail('SCCNF', 'id', 'This id is already used by another organization.');
  end;
  select * into result from public.organizations where id = new_id;
  return result;
end
$$;
