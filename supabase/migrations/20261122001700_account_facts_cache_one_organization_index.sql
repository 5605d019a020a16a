-- 20261122001600 added (organization_id, account_id) to page one
-- organization's rows by account; it serves every lookup the older
-- (organization_id) index of 20261122001400 did (the cache's policy filters
-- by organization), so that one only cost each save's refresh a second index
-- update. Dropped.
drop index private.account_facts_cache_organization_id_idx;
