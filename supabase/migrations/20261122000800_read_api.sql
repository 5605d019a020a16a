-- Reads: the delta pull the extension syncs with and account detail (the
-- `opportunity_facts` view is in the next migration). Both run with the
-- caller's rights, so row-level security decides what is returned.
--
-- The sync cursor. Every row carries (change_xid, change_seq): the id of the
-- transaction that last wrote it and a number drawn at that write. Ordering by
-- (change_xid, change_seq) alone would not be safe: a transaction that started
-- earlier can commit later, and a reader that had already moved its cursor past
-- it would never see its rows. So a pull only returns rows whose transaction id
-- is below the oldest transaction still running (the snapshot's xmin): every
-- such transaction has finished, and any transaction that writes later gets a
-- larger id than the cursor. Rows of a transaction still running wait for the
-- next pull instead of being skipped. Deletions arrive the same way, as
-- tombstones (`deleted_records`). Cost: a long-running transaction delays
-- (never loses) changes until it ends.

-- A cursor is '<xid>:<seq>' (opaque to clients); null means from the start.
create function private.parse_cursor(cursor text, out after_xid xid8, out after_seq bigint)
language plpgsql
immutable
set search_path = ''
as $$
begin
  if cursor is null then
    after_xid := '0'::xid8;
    after_seq := 0;
    return;
  end if;
  if cursor !~ '^\d{1,20}:\d{1,19}$' then
    perform private.fail('SCTYP', 'since', 'since must be a cursor returned by pull_changes, or null.');
  end if;
  after_xid := split_part(cursor, ':', 1)::xid8;
  after_seq := split_part(cursor, ':', 2)::bigint;
end
$$;

-- Everything of one organization changed after `since`, oldest first, at most
-- `page_size` rows. Pass the last row's `cursor` as the next `since`; a page
-- shorter than `page_size` means the caller is up to date.
create function public.pull_changes(organization_id uuid, since text default null, page_size integer default 500)
returns table (cursor text, table_name text, record_id uuid, deleted boolean, record jsonb)
language plpgsql
stable
set search_path = ''
as $$
declare
  organization uuid := pull_changes.organization_id;
  after_xid xid8;
  after_seq bigint;
  horizon xid8 := pg_snapshot_xmin(pg_current_snapshot());
begin
  if page_size is null or page_size < 1 or page_size > 5000 then
    perform private.fail('SCRNG', 'page_size', 'page_size must be between 1 and 5000.');
  end if;
  perform private.require_role(organization, 'csm');
  select c.after_xid, c.after_seq into after_xid, after_seq from private.parse_cursor(since) c;
  return query
  select changed.change_xid::text || ':' || changed.change_seq::text, changed.table_name, changed.record_id, changed.deleted, changed.record
  from (
    (select 'organizations'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.organizations t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'members'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.members t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'invitations'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.invitations t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'organization_domains'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.organization_domains t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'accounts'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.accounts t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'account_domains'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.account_domains t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'account_milestones'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.account_milestones t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'stakeholders'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.stakeholders t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'opportunities'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.opportunities t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'opportunity_stage_changes'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.opportunity_stage_changes t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'goals'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.goals t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'outcomes'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.outcomes t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'use_cases'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.use_cases t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'business_cases'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.business_cases t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'intent_signals'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.intent_signals t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'insights'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.insights t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'meetings'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.meetings t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'communication_steps'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.communication_steps t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select 'close_records'::text, t.id, false, to_jsonb(t), t.change_xid, t.change_seq from public.close_records t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
    union all
    (select t.table_name, t.record_id, true, null::jsonb, t.change_xid, t.change_seq from public.deleted_records t
      where t.organization_id = organization and (t.change_xid, t.change_seq) > (after_xid, after_seq) and t.change_xid < horizon
      order by t.change_xid, t.change_seq limit page_size)
  ) as changed (table_name, record_id, deleted, record, change_xid, change_seq)
  order by changed.change_xid, changed.change_seq
  limit page_size;
end
$$;

-- One account with everything recorded about it, for the panel. Lists are
-- ordered oldest first; SCREF when the account is not one of the caller's.
create function public.account_detail(account_id uuid)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  the_account uuid := account_detail.account_id;
  result jsonb;
begin
  select jsonb_build_object(
    'account', to_jsonb(a),
    'domains', coalesce((select jsonb_agg(to_jsonb(x) order by x.domain) from public.account_domains x where x.account_id = the_account), '[]'),
    'milestones', coalesce((select jsonb_agg(to_jsonb(x) order by x.reached_on) from public.account_milestones x where x.account_id = the_account), '[]'),
    'stakeholders', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from public.stakeholders x where x.account_id = the_account), '[]'),
    'opportunities', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from public.opportunities x where x.account_id = the_account), '[]'),
    'stage_changes', coalesce((select jsonb_agg(to_jsonb(x) order by x.changed_at, x.id) from public.opportunity_stage_changes x where x.account_id = the_account), '[]'),
    'goals', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from public.goals x where x.account_id = the_account), '[]'),
    'outcomes', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from public.outcomes x where x.account_id = the_account), '[]'),
    'use_cases', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from public.use_cases x where x.account_id = the_account), '[]'),
    'business_cases', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from public.business_cases x where x.account_id = the_account), '[]'),
    'intent_signals', coalesce((select jsonb_agg(to_jsonb(x) order by x.occurred_on, x.id) from public.intent_signals x where x.account_id = the_account), '[]'),
    'insights', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from public.insights x where x.account_id = the_account), '[]'),
    'meetings', coalesce((select jsonb_agg(to_jsonb(x) order by x.held_on, x.id) from public.meetings x where x.account_id = the_account), '[]'),
    'communication_steps', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from public.communication_steps x where x.account_id = the_account), '[]'),
    'close_records', coalesce((select jsonb_agg(to_jsonb(x) order by x.created_at, x.id) from public.close_records x where x.account_id = the_account), '[]')
  ) into result
  from public.accounts a
  where a.id = the_account;
  if result is null then
    perform private.fail('SCREF', 'account_id', format('No account %s in your organization.', the_account));
  end if;
  return result;
end
$$;

grant execute on function public.pull_changes(uuid, text, integer), public.account_detail(uuid) to authenticated;
grant execute on function private.parse_cursor(text) to authenticated;
