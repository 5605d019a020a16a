-- Saving evidence records: one `save_<kind>(payload jsonb)` per kind. Common
-- fields of every kind: `id` (client uuid), `account_id`, `source_host`,
-- `source_ref`, `source_url`, `stakeholder_ids`. Only the author or a manager
-- may correct a record (SCAUT otherwise). Contract: supabase/API.md.

-- The two outcomes a close record may have (an opportunity's other status is `open`).
create type public.close_outcome as enum ('won', 'lost');

-- A goal of the account: why the customer bought.
create function public.save_goal(payload jsonb)
returns public.goals
language plpgsql
set search_path = ''
as $$
declare
  target private.write_target;
  source private.evidence_source;
  result public.goals;
begin
  perform private.expect_fields(payload, private.evidence_fields(array['statement', 'confirmed_current_on']));
  source := private.evidence_source(payload);
  target := private.account_target('goals', payload, 'none', true);
  insert into public.goals (id, organization_id, account_id, statement, confirmed_current_on, source_host, source_ref, source_url, stakeholder_ids, created_by)
  values (
    target.id,
    target.organization_id,
    target.account_id,
    private.field_text(payload, 'statement', 1000, true),
    private.field_date(payload, 'confirmed_current_on'),
    source.host,
    source.ref,
    source.url,
    source.stakeholder_ids,
    (select auth.uid()))
  on conflict (id) do update set
    account_id = excluded.account_id, statement = excluded.statement, confirmed_current_on = excluded.confirmed_current_on, source_host = excluded.source_host, source_ref = excluded.source_ref, source_url = excluded.source_url, stakeholder_ids = excluded.stakeholder_ids;
  select * into result from public.goals r where r.id = target.id;
  return result;
end
$$;

-- Progress toward one of the account's goals.
create function public.save_outcome(payload jsonb)
returns public.outcomes
language plpgsql
set search_path = ''
as $$
declare
  target private.write_target;
  source private.evidence_source;
  result public.outcomes;
begin
  perform private.expect_fields(payload, private.evidence_fields(array['goal_id', 'summary', 'remaining']));
  perform private.field_uuid(payload, 'goal_id', true);
  source := private.evidence_source(payload);
  target := private.account_target('outcomes', payload, 'none', true);
  if not exists (select 1 from public.goals g where g.id = (payload ->> 'goal_id')::uuid and g.account_id = target.account_id) then
    perform private.fail('SCREF', 'goal_id', format('No goal %s on this account.', payload ->> 'goal_id'));
  end if;
  insert into public.outcomes (id, organization_id, account_id, goal_id, summary, remaining, source_host, source_ref, source_url, stakeholder_ids, created_by)
  values (
    target.id,
    target.organization_id,
    target.account_id,
    private.field_uuid(payload, 'goal_id', true),
    private.field_text(payload, 'summary', 2000, true),
    private.field_text(payload, 'remaining', 2000),
    source.host,
    source.ref,
    source.url,
    source.stakeholder_ids,
    (select auth.uid()))
  on conflict (id) do update set
    account_id = excluded.account_id, goal_id = excluded.goal_id, summary = excluded.summary, remaining = excluded.remaining, source_host = excluded.source_host, source_ref = excluded.source_ref, source_url = excluded.source_url, stakeholder_ids = excluded.stakeholder_ids;
  select * into result from public.outcomes r where r.id = target.id;
  return result;
end
$$;

-- A use case: active, discussed but not active, or in an adjacent team.
create function public.save_use_case(payload jsonb)
returns public.use_cases
language plpgsql
set search_path = ''
as $$
declare
  target private.write_target;
  source private.evidence_source;
  result public.use_cases;
begin
  perform private.expect_fields(payload, private.evidence_fields(array['name', 'status', 'description']));
  source := private.evidence_source(payload);
  target := private.account_target('use_cases', payload, 'none', true);
  insert into public.use_cases (id, organization_id, account_id, name, status, description, source_host, source_ref, source_url, stakeholder_ids, created_by)
  values (
    target.id,
    target.organization_id,
    target.account_id,
    private.field_text(payload, 'name', 200, true),
    private.field_enum(payload, 'status', 'public.use_case_status', true)::public.use_case_status,
    private.field_text(payload, 'description', 2000),
    source.host,
    source.ref,
    source.url,
    source.stakeholder_ids,
    (select auth.uid()))
  on conflict (id) do update set
    account_id = excluded.account_id, name = excluded.name, status = excluded.status, description = excluded.description, source_host = excluded.source_host, source_ref = excluded.source_ref, source_url = excluded.source_url, stakeholder_ids = excluded.stakeholder_ids;
  select * into result from public.use_cases r where r.id = target.id;
  return result;
end
$$;

-- The business case of an opportunity; one per opportunity, so saving again corrects it.
create function public.save_business_case(payload jsonb)
returns public.business_cases
language plpgsql
set search_path = ''
as $$
declare
  target private.write_target;
  source private.evidence_source;
  result public.business_cases;
begin
  perform private.expect_fields(payload, private.evidence_fields(array['goal_answer', 'goal_still_current', 'progress_answer', 'path_answer', 'success_answer', 'portable', 'opportunity_id']));
  source := private.evidence_source(payload);
  target := private.account_target('business_cases', payload, 'required', true);
  -- One per opportunity: saving with another id corrects the existing one, so
  -- the same author rule applies to it.
  if exists (
    select 1 from public.business_cases r
    where r.opportunity_id = target.opportunity_id and r.id <> target.id
      and private.record_state('business_cases', r.id, target.organization_id) = 'colleague'
  ) and not exists (select 1 from private.my_organizations('manager') as mine where mine = target.organization_id) then
    perform private.fail('SCAUT', 'opportunity_id', 'Only its author or a manager can correct this record.');
  end if;
  insert into public.business_cases (id, organization_id, account_id, opportunity_id, goal_answer, goal_still_current, progress_answer, path_answer, success_answer, portable, source_host, source_ref, source_url, stakeholder_ids, created_by)
  values (
    target.id,
    target.organization_id,
    target.account_id,
    target.opportunity_id,
    private.field_text(payload, 'goal_answer', 4000),
    private.field_boolean(payload, 'goal_still_current'),
    private.field_text(payload, 'progress_answer', 4000),
    private.field_text(payload, 'path_answer', 4000),
    private.field_text(payload, 'success_answer', 4000),
    coalesce(private.field_boolean(payload, 'portable'), false),
    source.host,
    source.ref,
    source.url,
    source.stakeholder_ids,
    (select auth.uid()))
  on conflict (opportunity_id) do update set
    account_id = excluded.account_id, goal_answer = excluded.goal_answer, goal_still_current = excluded.goal_still_current, progress_answer = excluded.progress_answer, path_answer = excluded.path_answer, success_answer = excluded.success_answer, portable = excluded.portable, source_host = excluded.source_host, source_ref = excluded.source_ref, source_url = excluded.source_url, stakeholder_ids = excluded.stakeholder_ids;
  select * into result from public.business_cases r where r.opportunity_id = target.opportunity_id;
  return result;
end
$$;

-- A sign of how the customer is organising the decision (or a risk against it).
create function public.save_intent_signal(payload jsonb)
returns public.intent_signals
language plpgsql
set search_path = ''
as $$
declare
  target private.write_target;
  source private.evidence_source;
  result public.intent_signals;
begin
  perform private.expect_fields(payload, private.evidence_fields(array['kind', 'occurred_on', 'summary', 'next_steps', 'has_next_steps_with_owners', 'opportunity_id']));
  source := private.evidence_source(payload);
  target := private.account_target('intent_signals', payload, 'required', true);
  insert into public.intent_signals (id, organization_id, account_id, opportunity_id, kind, occurred_on, summary, next_steps, has_next_steps_with_owners, source_host, source_ref, source_url, stakeholder_ids, created_by)
  values (
    target.id,
    target.organization_id,
    target.account_id,
    target.opportunity_id,
    private.field_enum(payload, 'kind', 'public.intent_signal_kind', true)::public.intent_signal_kind,
    private.field_date(payload, 'occurred_on', true),
    private.field_text(payload, 'summary', 2000),
    private.field_text(payload, 'next_steps', 2000),
    coalesce(private.field_boolean(payload, 'has_next_steps_with_owners'), false),
    source.host,
    source.ref,
    source.url,
    source.stakeholder_ids,
    (select auth.uid()))
  on conflict (id) do update set
    account_id = excluded.account_id, opportunity_id = excluded.opportunity_id, kind = excluded.kind, occurred_on = excluded.occurred_on, summary = excluded.summary, next_steps = excluded.next_steps, has_next_steps_with_owners = excluded.has_next_steps_with_owners, source_host = excluded.source_host, source_ref = excluded.source_ref, source_url = excluded.source_url, stakeholder_ids = excluded.stakeholder_ids;
  select * into result from public.intent_signals r where r.id = target.id;
  return result;
end
$$;

-- An insight shared (or drafted, `shared_on` null) with the customer.
create function public.save_insight(payload jsonb)
returns public.insights
language plpgsql
set search_path = ''
as $$
declare
  target private.write_target;
  source private.evidence_source;
  result public.insights;
begin
  perform private.expect_fields(payload, private.evidence_fields(array['kind', 'summary', 'proof', 'shared_on', 'travels_unedited', 'opportunity_id']));
  source := private.evidence_source(payload);
  target := private.account_target('insights', payload, 'optional', true);
  insert into public.insights (id, organization_id, account_id, opportunity_id, kind, summary, proof, shared_on, travels_unedited, source_host, source_ref, source_url, stakeholder_ids, created_by)
  values (
    target.id,
    target.organization_id,
    target.account_id,
    target.opportunity_id,
    private.field_enum(payload, 'kind', 'public.insight_kind', true)::public.insight_kind,
    private.field_text(payload, 'summary', 2000, true),
    private.field_text(payload, 'proof', 2000),
    private.field_date(payload, 'shared_on'),
    coalesce(private.field_boolean(payload, 'travels_unedited'), false),
    source.host,
    source.ref,
    source.url,
    source.stakeholder_ids,
    (select auth.uid()))
  on conflict (id) do update set
    account_id = excluded.account_id, opportunity_id = excluded.opportunity_id, kind = excluded.kind, summary = excluded.summary, proof = excluded.proof, shared_on = excluded.shared_on, travels_unedited = excluded.travels_unedited, source_host = excluded.source_host, source_ref = excluded.source_ref, source_url = excluded.source_url, stakeholder_ids = excluded.stakeholder_ids;
  select * into result from public.insights r where r.id = target.id;
  return result;
end
$$;

-- An alignment meeting or executive conversation; attendees are `stakeholder_ids`.
create function public.save_meeting(payload jsonb)
returns public.meetings
language plpgsql
set search_path = ''
as $$
declare
  target private.write_target;
  source private.evidence_source;
  result public.meetings;
begin
  perform private.expect_fields(payload, private.evidence_fields(array['kind', 'held_on', 'summary', 'opportunity_id']));
  source := private.evidence_source(payload);
  target := private.account_target('meetings', payload, 'optional', true);
  insert into public.meetings (id, organization_id, account_id, opportunity_id, kind, held_on, summary, source_host, source_ref, source_url, stakeholder_ids, created_by)
  values (
    target.id,
    target.organization_id,
    target.account_id,
    target.opportunity_id,
    private.field_enum(payload, 'kind', 'public.meeting_kind', true)::public.meeting_kind,
    private.field_date(payload, 'held_on', true),
    private.field_text(payload, 'summary', 2000),
    source.host,
    source.ref,
    source.url,
    source.stakeholder_ids,
    (select auth.uid()))
  on conflict (id) do update set
    account_id = excluded.account_id, opportunity_id = excluded.opportunity_id, kind = excluded.kind, held_on = excluded.held_on, summary = excluded.summary, source_host = excluded.source_host, source_ref = excluded.source_ref, source_url = excluded.source_url, stakeholder_ids = excluded.stakeholder_ids;
  select * into result from public.meetings r where r.id = target.id;
  return result;
end
$$;

-- A planned conversation with one stakeholder.
create function public.save_communication_step(payload jsonb)
returns public.communication_steps
language plpgsql
set search_path = ''
as $$
declare
  target private.write_target;
  source private.evidence_source;
  result public.communication_steps;
begin
  perform private.expect_fields(payload, private.evidence_fields(array['stakeholder_id', 'purpose', 'status', 'planned_on', 'opportunity_id']));
  perform private.field_uuid(payload, 'stakeholder_id', true);
  source := private.evidence_source(payload);
  target := private.account_target('communication_steps', payload, 'optional', true);
  if not exists (select 1 from public.stakeholders s where s.id = (payload ->> 'stakeholder_id')::uuid and s.account_id = target.account_id) then
    perform private.fail('SCREF', 'stakeholder_id', format('No stakeholder %s on this account.', payload ->> 'stakeholder_id'));
  end if;
  insert into public.communication_steps (id, organization_id, account_id, opportunity_id, stakeholder_id, purpose, status, planned_on, source_host, source_ref, source_url, stakeholder_ids, created_by)
  values (
    target.id,
    target.organization_id,
    target.account_id,
    target.opportunity_id,
    private.field_uuid(payload, 'stakeholder_id', true),
    private.field_text(payload, 'purpose', 1000, true),
    coalesce(private.field_enum(payload, 'status', 'public.communication_step_status'), 'planned')::public.communication_step_status,
    private.field_date(payload, 'planned_on'),
    source.host,
    source.ref,
    source.url,
    source.stakeholder_ids,
    (select auth.uid()))
  on conflict (id) do update set
    account_id = excluded.account_id, opportunity_id = excluded.opportunity_id, stakeholder_id = excluded.stakeholder_id, purpose = excluded.purpose, status = excluded.status, planned_on = excluded.planned_on, source_host = excluded.source_host, source_ref = excluded.source_ref, source_url = excluded.source_url, stakeholder_ids = excluded.stakeholder_ids;
  select * into result from public.communication_steps r where r.id = target.id;
  return result;
end
$$;

-- What was decided at the close; one per opportunity. Saving it also sets the opportunity's status to the outcome, in the same transaction.
create function public.save_close_record(payload jsonb)
returns public.close_records
language plpgsql
set search_path = ''
as $$
declare
  target private.write_target;
  source private.evidence_source;
  result public.close_records;
begin
  perform private.expect_fields(payload, private.evidence_fields(array['outcome', 'amount', 'terms_summary', 'agreement_finalized_on', 'close_reasons', 'win_summary_sent_on', 'advocacy_ask', 'advocacy_answer', 'next_cycle_goals', 'opportunity_id']));
  source := private.evidence_source(payload);
  target := private.account_target('close_records', payload, 'required', true);
  -- One per opportunity: saving with another id corrects the existing one, so
  -- the same author rule applies to it.
  if exists (
    select 1 from public.close_records r
    where r.opportunity_id = target.opportunity_id and r.id <> target.id
      and private.record_state('close_records', r.id, target.organization_id) = 'colleague'
  ) and not exists (select 1 from private.my_organizations('manager') as mine where mine = target.organization_id) then
    perform private.fail('SCAUT', 'opportunity_id', 'Only its author or a manager can correct this record.');
  end if;
  insert into public.close_records (id, organization_id, account_id, opportunity_id, outcome, amount, terms_summary, agreement_finalized_on, close_reasons, win_summary_sent_on, advocacy_ask, advocacy_answer, next_cycle_goals, source_host, source_ref, source_url, stakeholder_ids, created_by)
  values (
    target.id,
    target.organization_id,
    target.account_id,
    target.opportunity_id,
    private.field_enum(payload, 'outcome', 'public.close_outcome', true)::text::public.opportunity_status,
    private.field_number(payload, 'amount', 0, 999999999999),
    private.field_text(payload, 'terms_summary', 4000),
    private.field_date(payload, 'agreement_finalized_on'),
    private.field_text_list(payload, 'close_reasons', 20, 500),
    private.field_date(payload, 'win_summary_sent_on'),
    private.field_enum(payload, 'advocacy_ask', 'public.advocacy_ask_kind')::public.advocacy_ask_kind,
    private.field_text(payload, 'advocacy_answer', 2000),
    private.field_text_list(payload, 'next_cycle_goals', 20, 500),
    source.host,
    source.ref,
    source.url,
    source.stakeholder_ids,
    (select auth.uid()))
  on conflict (opportunity_id) do update set
    account_id = excluded.account_id, outcome = excluded.outcome, amount = excluded.amount, terms_summary = excluded.terms_summary, agreement_finalized_on = excluded.agreement_finalized_on, close_reasons = excluded.close_reasons, win_summary_sent_on = excluded.win_summary_sent_on, advocacy_ask = excluded.advocacy_ask, advocacy_answer = excluded.advocacy_answer, next_cycle_goals = excluded.next_cycle_goals, source_host = excluded.source_host, source_ref = excluded.source_ref, source_url = excluded.source_url, stakeholder_ids = excluded.stakeholder_ids;
  select * into result from public.close_records r where r.opportunity_id = target.opportunity_id;
  update public.opportunities o set status = result.outcome where o.id = result.opportunity_id;
  return result;
end
$$;

grant execute on function
  public.save_goal(jsonb),
  public.save_outcome(jsonb),
  public.save_use_case(jsonb),
  public.save_business_case(jsonb),
  public.save_intent_signal(jsonb),
  public.save_insight(jsonb),
  public.save_meeting(jsonb),
  public.save_communication_step(jsonb),
  public.save_close_record(jsonb)
to authenticated;

-- The kinds `delete_record` accepts: every record a member writes.
create function private.deletable_kinds()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array[
    'accounts', 'account_domains', 'account_milestones', 'stakeholders', 'opportunities',
    'goals', 'outcomes', 'use_cases', 'business_cases', 'intent_signals', 'insights',
    'meetings', 'communication_steps', 'close_records'
  ]
$$;

-- Deletes one record (and, through foreign keys, what hangs off it); each
-- deleted row leaves a tombstone for the delta pull. Returns false when the
-- record is already gone, so a replayed delete is not an error.
create function public.delete_record(payload jsonb)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  kind text;
  record_id uuid;
  visible_in uuid;
  deleted integer;
begin
  perform private.expect_fields(payload, array['kind', 'id']);
  kind := private.field_text(payload, 'kind', 100, true);
  if not (kind = any (private.deletable_kinds())) then
    perform private.fail('SCENM', 'kind', format('kind must be one of: %s.', array_to_string(private.deletable_kinds(), ', ')));
  end if;
  record_id := private.field_uuid(payload, 'id', true);
  if (select auth.uid()) is null then
    perform private.fail('SCAUT', null, 'Sign in first.');
  end if;
  execute format('select organization_id from public.%I where id = $1', kind) into visible_in using record_id;
  if visible_in is null then
    if private.record_state(kind, record_id, '00000000-0000-0000-0000-000000000000') = 'foreign' then
      perform private.fail('SCREF', 'id', 'No such record in your organization.');
    end if;
    return false;
  end if;
  execute format('delete from public.%I where id = $1', kind) using record_id;
  get diagnostics deleted = row_count;
  if deleted = 0 then
    perform private.fail('SCAUT', 'id', 'Only its author or a manager can delete this record.');
  end if;
  return true;
end
$$;

grant execute on function public.delete_record(jsonb) to authenticated;
grant execute on function private.deletable_kinds() to authenticated;
