-- `pull_snapshot`: everything of an organization a first pull needs, in a
-- dense form, part by part (issue 7: the first pull of 20,000 accounts in
-- under 10 s). `pull_changes` sends each row as named JSON with every column
-- and key name (407 MB for the scale organization, ~7 s of the server's time
-- alone); a client with an empty store needs no history and no tombstones,
-- only the rows as they are now and a cursor to continue from.
--
-- Parts. The account-scoped kinds are cut by account: bucket b (0..255) is
-- the accounts whose id starts with the two hex digits of b, so a range of
-- buckets is a range of uuids and the `*_account_id_idx` indexes (the
-- primary key for accounts) find it. A client asks for a few ranges at once
-- and keeps each part in its local store's bucket of the same accounts.
-- The organization's own rows (the kinds the local store keeps:
-- organizations, organization_domains, members; not invitations) come with
-- the part that starts at bucket 0.
--
-- Rows. Each row is the positional form of its kind's record schema
-- (lib/zod-positional.ts over `specOf(kind).schema` in lib/schemas, without
-- `organization_id`, which is the call's argument): a list of the columns in
-- the schema's key order; an enum as the index of its value in the schema's
-- list (written out below, so the order of the database's enum types does not
-- matter; a value the list lacks is -1, which readers refuse); a date as its
-- number of days since 1970-01-01 (an infinite date stays its text, which
-- readers refuse, as they refuse it from pull_changes); everything else as
-- `to_jsonb` writes it. tests/db/pull-snapshot.test.ts holds the decoded rows
-- equal to pull_changes' rows, kind by kind.
--
-- Cursor. Every transaction with an id below this statement's snapshot xmin
-- has ended, so its changes are in this snapshot (and in any later one);
-- a change by any other transaction has a change_xid >= xmin. The cursor
-- `(xmin - 1):<largest bigint>` makes pull_changes return exactly the changes
-- with change_xid >= xmin: a delta pull from it misses nothing a part left
-- out, and may only repeat rows a part already had (an upsert of the same
-- row, or its later state). Every part returns the cursor of its own
-- snapshot; a client keeps the first part's, which is the oldest.
--
-- Rights: the caller's (security invoker); `private.require_role` refuses a
-- non-member as pull_changes does, and row-level security decides the rows.
create function public.pull_snapshot(organization_id uuid, first_bucket integer, last_bucket integer)
returns json
-- plpgsql, not sql: its plan is kept per connection (see 20261122001500).
language plpgsql
stable
set search_path = ''
as $$
declare
  organization uuid := pull_snapshot.organization_id;
  low uuid;
  high uuid;
  cursor text;
begin
  if first_bucket is null or first_bucket < 0 or first_bucket > 255 then
    perform private.fail('SCRNG', 'first_bucket', 'first_bucket must be a bucket between 0 and 255.');
  end if;
  if last_bucket is null or last_bucket < first_bucket or last_bucket > 255 then
    perform private.fail('SCRNG', 'last_bucket', 'last_bucket must be a bucket between first_bucket and 255.');
  end if;
  perform private.require_role(organization, 'csm');
  low := (pg_catalog.lpad(pg_catalog.to_hex(first_bucket), 2, '0') || '000000-0000-0000-0000-000000000000')::uuid;
  high := (pg_catalog.lpad(pg_catalog.to_hex(last_bucket), 2, '0') || 'ffffff-ffff-ffff-ffff-ffffffffffff')::uuid;
  cursor := ((pg_catalog.pg_snapshot_xmin(pg_catalog.pg_current_snapshot())::text)::bigint - 1)::text || ':9223372036854775807';
  -- One block per kind: its rows' columns in the record schema's key order,
  -- without organization_id (written from lib/schemas; the DB test binds them).
  -- The organization's kinds only when first_bucket = 0 (a one-time filter:
  -- their queries do not run otherwise).
  return pg_catalog.json_build_object('cursor', cursor, 'records', (
    select pg_catalog.json_object_agg(part.kind, part.rows) from (
    select 'organizations', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.name, t.goal_current_days, t.insight_shared_days, t.stall_threshold_days)), '[]')
      from public.organizations t where t.organization_id = organization) where first_bucket = 0
    union all
    select 'organization_domains', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.domain)), '[]')
      from public.organization_domains t where t.organization_id = organization) where first_bucket = 0
    union all
    select 'members', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.user_id, t.email, t.display_name,
        case t.role when 'csm' then 0 when 'manager' then 1 when 'admin' then 2 else -1 end)), '[]')
      from public.members t where t.organization_id = organization) where first_bucket = 0
    union all
    select 'accounts', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.name, t.owner_id, t.arr, case when pg_catalog.isfinite(t.renewal_on) then pg_catalog.to_json(t.renewal_on - date '1970-01-01') else pg_catalog.to_json(t.renewal_on) end, t.notes)), '[]')
      from public.accounts t where t.organization_id = organization and t.id between low and high)
    union all
    select 'account_domains', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.domain)), '[]')
      from public.account_domains t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'account_milestones', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id,
        case t.kind when 'purchase_welcome' then 0 when 'kickoff' then 1 when 'onboarding_complete' then 2 when 'first_value' then 3 when 'value_block' then 4 when 'insight_shared' then 5 when 'alignment_meeting' then 6 when 'renew_grow' then 7 else -1 end,
        case when pg_catalog.isfinite(t.reached_on) then pg_catalog.to_json(t.reached_on - date '1970-01-01') else pg_catalog.to_json(t.reached_on) end)), '[]')
      from public.account_milestones t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'stakeholders', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.name, t.email, t.title,
        coalesce((select pg_catalog.json_agg(case r.v when 'executive_sponsor' then 0 when 'budget_owner' then 1 when 'approver' then 2 when 'influencer' then 3 when 'steering_committee' then 4 when 'champion_user' then 5 when 'end_user' then 6 when 'procurement' then 7 when 'legal' then 8 when 'security' then 9 when 'finance' then 10 else -1 end order by r.n) from pg_catalog.unnest(t.roles) with ordinality as r (v, n)), '[]'),
        case t.position when 'sponsor' then 0 when 'supporter' then 1 when 'needs_education' then 2 when 'detractor' then 3 when 'unknown' then 4 else -1 end,
        case when t.influence is null then null else case t.influence when 'high' then 0 when 'medium' then 1 when 'low' then 2 else -1 end end,
        t.belief_needed, t.notes)), '[]')
      from public.stakeholders t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'opportunities', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.title,
        case t.type when 'renewal' then 0 when 'expansion' then 1 when 'upsell' then 2 when 'cross_sell' then 3 when 'new_team' then 4 when 'new_use_case' then 5 else -1 end,
        case when t.source is null then null else case t.source when 'reason_for_purchase' then 0 when 'onboarding_gap' then 1 when 'constraint' then 2 when 'future_need' then 3 else -1 end end,
        case t.declared_stage when 'identify' then 0 when 'align' then 1 when 'advocate' then 2 when 'intent' then 3 when 'net_revenue_close' then 4 else -1 end,
        case t.status when 'open' then 0 when 'won' then 1 when 'lost' then 2 else -1 end, t.amount,
        case when pg_catalog.isfinite(t.target_date) then pg_catalog.to_json(t.target_date - date '1970-01-01') else pg_catalog.to_json(t.target_date) end, case when pg_catalog.isfinite(t.target_date_confirmed_on) then pg_catalog.to_json(t.target_date_confirmed_on - date '1970-01-01') else pg_catalog.to_json(t.target_date_confirmed_on) end, t.notes, t.stage_entered_at)), '[]')
      from public.opportunities t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'opportunity_stage_changes', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.opportunity_id,
        case t.stage when 'identify' then 0 when 'align' then 1 when 'advocate' then 2 when 'intent' then 3 when 'net_revenue_close' then 4 else -1 end,
        case t.status when 'open' then 0 when 'won' then 1 when 'lost' then 2 else -1 end, t.changed_at)), '[]')
      from public.opportunity_stage_changes t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'goals', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.statement, case when pg_catalog.isfinite(t.confirmed_current_on) then pg_catalog.to_json(t.confirmed_current_on - date '1970-01-01') else pg_catalog.to_json(t.confirmed_current_on) end,
        case when t.source_host is null then null else case t.source_host when 'gmail' then 0 when 'outlook' then 1 when 'google-calendar' then 2 else -1 end end,
        t.source_ref, t.source_url, t.stakeholder_ids)), '[]')
      from public.goals t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'outcomes', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.goal_id, t.summary, t.remaining,
        case when t.source_host is null then null else case t.source_host when 'gmail' then 0 when 'outlook' then 1 when 'google-calendar' then 2 else -1 end end,
        t.source_ref, t.source_url, t.stakeholder_ids)), '[]')
      from public.outcomes t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'use_cases', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.name,
        case t.status when 'active' then 0 when 'discussed_not_active' then 1 when 'adjacent_team' then 2 else -1 end,
        t.description,
        case when t.source_host is null then null else case t.source_host when 'gmail' then 0 when 'outlook' then 1 when 'google-calendar' then 2 else -1 end end,
        t.source_ref, t.source_url, t.stakeholder_ids)), '[]')
      from public.use_cases t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'business_cases', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.opportunity_id, t.goal_answer, t.goal_still_current,
        t.progress_answer, t.path_answer, t.success_answer, t.portable,
        case when t.source_host is null then null else case t.source_host when 'gmail' then 0 when 'outlook' then 1 when 'google-calendar' then 2 else -1 end end,
        t.source_ref, t.source_url, t.stakeholder_ids)), '[]')
      from public.business_cases t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'intent_signals', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.opportunity_id,
        case t.kind when 'decision_timing_known' then 0 when 'budget_owner_identified' then 1 when 'approval_path_mapped' then 2 when 'timeline_confirmed' then 3 when 'verbal_commitment' then 4 when 'procurement_engaged' then 5 when 'legal_review' then 6 when 'security_review' then 7 when 'exec_conversation_scheduled' then 8 when 'commercial_partner_engaged' then 9 when 'renewal_planning_discussed' then 10 when 'stakeholder_introduced_procurement' then 11 when 'budget_reallocated' then 12 when 'risk_raised' then 13 when 'other' then 14 else -1 end,
        case when pg_catalog.isfinite(t.occurred_on) then pg_catalog.to_json(t.occurred_on - date '1970-01-01') else pg_catalog.to_json(t.occurred_on) end, t.summary, t.next_steps, t.has_next_steps_with_owners,
        case when t.source_host is null then null else case t.source_host when 'gmail' then 0 when 'outlook' then 1 when 'google-calendar' then 2 else -1 end end,
        t.source_ref, t.source_url, t.stakeholder_ids)), '[]')
      from public.intent_signals t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'insights', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.opportunity_id,
        case t.kind when 'adoption_progress' then 0 when 'operational_improvement' then 1 when 'business_outcome' then 2 when 'risk_reduced' then 3 when 'new_opportunity' then 4 else -1 end,
        t.summary, t.proof, case when pg_catalog.isfinite(t.shared_on) then pg_catalog.to_json(t.shared_on - date '1970-01-01') else pg_catalog.to_json(t.shared_on) end, t.travels_unedited,
        case when t.source_host is null then null else case t.source_host when 'gmail' then 0 when 'outlook' then 1 when 'google-calendar' then 2 else -1 end end,
        t.source_ref, t.source_url, t.stakeholder_ids)), '[]')
      from public.insights t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'meetings', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.opportunity_id,
        case t.kind when 'alignment_meeting' then 0 when 'executive_conversation' then 1 else -1 end,
        case when pg_catalog.isfinite(t.held_on) then pg_catalog.to_json(t.held_on - date '1970-01-01') else pg_catalog.to_json(t.held_on) end, t.summary,
        case when t.source_host is null then null else case t.source_host when 'gmail' then 0 when 'outlook' then 1 when 'google-calendar' then 2 else -1 end end,
        t.source_ref, t.source_url, t.stakeholder_ids)), '[]')
      from public.meetings t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'communication_steps', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.opportunity_id, t.stakeholder_id, t.purpose,
        case t.status when 'planned' then 0 when 'done' then 1 when 'cancelled' then 2 else -1 end,
        case when pg_catalog.isfinite(t.planned_on) then pg_catalog.to_json(t.planned_on - date '1970-01-01') else pg_catalog.to_json(t.planned_on) end,
        case when t.source_host is null then null else case t.source_host when 'gmail' then 0 when 'outlook' then 1 when 'google-calendar' then 2 else -1 end end,
        t.source_ref, t.source_url, t.stakeholder_ids)), '[]')
      from public.communication_steps t where t.organization_id = organization and t.account_id between low and high)
    union all
    select 'close_records', (select coalesce(pg_catalog.json_agg(pg_catalog.json_build_array(
        t.id, t.created_by, t.created_at, t.updated_at, t.account_id, t.opportunity_id,
        case t.outcome when 'won' then 0 when 'lost' then 1 else -1 end, t.amount, t.terms_summary,
        case when pg_catalog.isfinite(t.agreement_finalized_on) then pg_catalog.to_json(t.agreement_finalized_on - date '1970-01-01') else pg_catalog.to_json(t.agreement_finalized_on) end, t.close_reasons, case when pg_catalog.isfinite(t.win_summary_sent_on) then pg_catalog.to_json(t.win_summary_sent_on - date '1970-01-01') else pg_catalog.to_json(t.win_summary_sent_on) end,
        case when t.advocacy_ask is null then null else case t.advocacy_ask when 'quote' then 0 when 'reference' then 1 when 'case_study' then 2 when 'review' then 3 when 'referral' then 4 when 'intro_to_team' then 5 when 'internal_story' then 6 else -1 end end,
        t.advocacy_answer, t.next_cycle_goals,
        case when t.source_host is null then null else case t.source_host when 'gmail' then 0 when 'outlook' then 1 when 'google-calendar' then 2 else -1 end end,
        t.source_ref, t.source_url, t.stakeholder_ids)), '[]')
      from public.close_records t where t.organization_id = organization and t.account_id between low and high)
    ) as part (kind, rows)));
end
$$;

grant execute on function public.pull_snapshot(uuid, integer, integer) to authenticated;
