-- A deleted account domain survived in a CSM's local store. The store keeps
-- a domain under the id it made when the CSM typed it; save_account inserted
-- the domain under an id of its own, and the local row took the server's id
-- only when a pull brought the server's row. When a teammate removed the
-- domain before that pull, the pull brought only the tombstone, under the
-- server's id, which named nothing in the store: the local row stayed, and
-- the account went on being recognised by a domain it no longer has.
--
-- save_account now takes `domain_ids` ({ domain: id }, optional) and keeps a
-- new domain under the client's id, so a tombstone names the row the store
-- holds. An id that is already taken (by any row, in any organization) or
-- that was deleted before gets a fresh id instead, as every domain did
-- before: the set still saves, and the store's stand-in is replaced by the
-- server's row when it is pulled.
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
