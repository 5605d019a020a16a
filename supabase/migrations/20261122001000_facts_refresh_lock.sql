-- Concurrent writes to one account refreshed its opportunity facts at the same
-- time: both transactions deleted the account's cache rows and inserted them
-- again, and the second insert met the first one's rows once it committed
-- (23505 on opportunity_facts_cache_pkey; seen as a failed save in the panel).
--
-- The refresh now takes a transaction-scoped advisory lock per account first,
-- in a fixed order (no deadlock between two refreshes of the same accounts).
-- A second writer waits for the first to commit; its delete and insert then
-- run on a snapshot taken after the wait, so it sees the first writer's rows
-- (and facts built from the first writer's records too): the cache ends up
-- as the facts of everything committed, not as whichever refresh ran last.
-- ON CONFLICT alone would silence the error but keep the older writer's
-- facts when it commits last.
create or replace function private.refresh_opportunity_facts(accounts uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- 0x5343 ('SC'): Sidecar's advisory-lock class for an account's facts.
  perform pg_catalog.pg_advisory_xact_lock(21315, pg_catalog.hashtext(a.id::text))
  from (select distinct u.id from unnest(accounts) as u(id) order by u.id) as a;
  delete from private.opportunity_facts_cache c where c.account_id = any (accounts);
  insert into private.opportunity_facts_cache (opportunity_id, organization_id, account_id, stage_entered_at, facts)
  select f.opportunity_id, f.organization_id, f.account_id, f.stage_entered_at, f.facts from private.facts_of_accounts(accounts) f;
end
$$;
