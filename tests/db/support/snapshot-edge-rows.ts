/**
 * Rows at the edges of what the snapshot's positional form must carry, added
 * to the seed's organization by the superuser (as Studio or an import could
 * write them): every value of every enum column, nulls and empty lists,
 * text with quotes, backslashes, line breaks and characters outside the BMP,
 * amounts with cents, the first and last days a record's schema accepts.
 *
 * A second account holds rows the schemas refuse although the database took
 * them (an infinite date, a day past year 9999, a day before year 1, an
 * amount past the schema's maximum): both pulls must leave those out, and
 * name them.
 */
export const EDGE_ACCOUNT_LABEL = 'snapshot:edge-account';
export const REFUSED_ACCOUNT_LABEL = 'snapshot:refused-account';

/** The ids of the rows the schemas refuse: kind and md5 label. */
export const REFUSED_ROWS: readonly { kind: string; label: string }[] = [
  { kind: 'accounts', label: REFUSED_ACCOUNT_LABEL },
  { kind: 'goals', label: 'snapshot:goal-infinite' },
  { kind: 'goals', label: 'snapshot:goal-past-9999' },
  { kind: 'goals', label: 'snapshot:goal-before-christ' },
];

export const SNAPSHOT_EDGE_ROWS_SQL = `
do $edge$
declare
  org uuid := md5('sidecar-seed:organization')::uuid;
  who uuid := md5('sidecar-seed:user:csm1')::uuid;
  acc uuid := md5('${EDGE_ACCOUNT_LABEL}')::uuid;
  refused uuid := md5('${REFUSED_ACCOUNT_LABEL}')::uuid;
  hosts public.source_host[] := array[null, 'gmail', 'outlook', 'google-calendar'];
  odd_text text := E'Quotes "like this", a back\\\\slash, a tab\\t, a line\\nbreak, \\u2028, caf\\u00e9, \\U0001F600 and <tags>';
begin
  insert into public.accounts (id, organization_id, name, owner_id, arr, renewal_on, notes, created_by) values
    (acc, org, 'Edge "Cases" Ltd', who, 1234.5, '9999-12-31', odd_text, who),
    (refused, org, 'Refused amounts', null, 999999999999.99, null, null, who);

  insert into public.account_milestones (id, organization_id, account_id, kind, reached_on, created_by)
  select md5('snapshot:milestone:' || i)::uuid, org, acc, k, case i when 1 then date '0001-01-01' when 2 then date '9999-12-31' else date '2026-01-01' + i::integer end, who
  from unnest(enum_range(null::public.milestone_kind)) with ordinality as m(k, i);

  insert into public.stakeholders (id, organization_id, account_id, name, email, title, roles, position, influence, belief_needed, notes, created_by)
  select md5('snapshot:stakeholder:' || i)::uuid, org, acc, 'Person ' || i || ' ' || odd_text,
    case when i % 2 = 0 then 'person' || i || '@edge-cases.example' end, case when i % 3 = 0 then 'Title ' || i end,
    case i when 0 then enum_range(null::public.stakeholder_role) when 1 then '{}'::public.stakeholder_role[]
      else array[(enum_range(null::public.stakeholder_role))[i], (enum_range(null::public.stakeholder_role))[1 + i % 11]] end,
    (enum_range(null::public.stakeholder_position))[1 + i % 5],
    (array[null, 'high', 'medium', 'low']::public.influence_level[])[1 + i % 4],
    case when i % 2 = 1 then odd_text end, null, who
  from generate_series(0, 10) i;

  insert into public.opportunities (id, organization_id, account_id, title, type, source, declared_stage, status, amount, target_date, target_date_confirmed_on, notes, created_by)
  select md5('snapshot:opportunity:' || i)::uuid, org, acc, 'Opportunity ' || i,
    (enum_range(null::public.opportunity_type))[1 + i % 6],
    (array[null, 'reason_for_purchase', 'onboarding_gap', 'constraint', 'future_need']::public.opportunity_source[])[1 + i % 5],
    (enum_range(null::public.pipeline_stage))[1 + i % 5],
    (enum_range(null::public.opportunity_status))[1 + i % 3],
    case i % 3 when 0 then null when 1 then 0 else 999999999999 end,
    case i % 3 when 0 then null when 1 then date '0001-01-01' else date '9999-12-31' end,
    case when i % 2 = 0 then date '2026-11-22' end, case when i = 0 then odd_text end, who
  from generate_series(0, 7) i;

  insert into public.goals (id, organization_id, account_id, statement, confirmed_current_on, source_host, source_ref, source_url, stakeholder_ids, created_by)
  select md5('snapshot:goal:' || i)::uuid, org, acc, 'Goal ' || i || ': ' || odd_text, case when i > 0 then date '2026-11-22' end,
    hosts[1 + i],
    case when i > 0 then 'thread-' || i end, case when i > 0 then 'https://mail.example/' || i || '?q="x"' end,
    case i when 3 then array[md5('snapshot:stakeholder:1')::uuid, md5('snapshot:stakeholder:2')::uuid] else '{}' end, who
  from generate_series(0, 3) i;

  insert into public.outcomes (id, organization_id, account_id, goal_id, summary, remaining, source_host, created_by)
  select md5('snapshot:outcome:' || i)::uuid, org, acc, md5('snapshot:goal:1')::uuid, odd_text, case when i = 1 then 'Still to do' end, hosts[1 + i % 4], who
  from generate_series(0, 3) i;

  insert into public.use_cases (id, organization_id, account_id, name, status, description, source_host, created_by)
  select md5('snapshot:use-case:' || i)::uuid, org, acc, 'Use case ' || i, (enum_range(null::public.use_case_status))[1 + i % 3],
    case when i = 1 then odd_text end, hosts[1 + i % 4], who
  from generate_series(0, 3) i;

  insert into public.business_cases (id, organization_id, account_id, opportunity_id, goal_answer, goal_still_current, progress_answer, path_answer, success_answer, portable, source_host, created_by)
  select md5('snapshot:business-case:' || i)::uuid, org, acc, md5('snapshot:opportunity:' || i)::uuid,
    case when i = 0 then odd_text end, (array[null, true, false]::boolean[])[1 + i % 3], 'Progress', null, '', i % 2 = 0, hosts[1 + i % 4], who
  from generate_series(0, 3) i;

  insert into public.intent_signals (id, organization_id, account_id, opportunity_id, kind, occurred_on, summary, next_steps, has_next_steps_with_owners, source_host, created_by)
  select md5('snapshot:intent:' || i)::uuid, org, acc, md5('snapshot:opportunity:' || (i % 8))::uuid, k, date '2026-01-01' + i::integer,
    case when i = 1 then odd_text end, null, i % 2 = 0, hosts[1 + i % 4], who
  from unnest(enum_range(null::public.intent_signal_kind)) with ordinality as s(k, i);

  insert into public.insights (id, organization_id, account_id, opportunity_id, kind, summary, proof, shared_on, travels_unedited, source_host, created_by)
  select md5('snapshot:insight:' || i)::uuid, org, acc, case when i % 2 = 0 then md5('snapshot:opportunity:1')::uuid end, k,
    'Insight ' || i, null, case when i % 2 = 1 then date '1970-01-01' end, i % 2 = 1, hosts[1 + i % 4], who
  from unnest(enum_range(null::public.insight_kind)) with ordinality as s(k, i);

  insert into public.meetings (id, organization_id, account_id, opportunity_id, kind, held_on, summary, source_host, stakeholder_ids, created_by)
  select md5('snapshot:meeting:' || i)::uuid, org, acc, null, (enum_range(null::public.meeting_kind))[1 + i % 2], date '1969-12-31', null, hosts[1 + i % 4],
    array[md5('snapshot:stakeholder:3')::uuid], who
  from generate_series(0, 3) i;

  insert into public.communication_steps (id, organization_id, account_id, opportunity_id, stakeholder_id, purpose, status, planned_on, source_host, created_by)
  select md5('snapshot:step:' || i)::uuid, org, acc, md5('snapshot:opportunity:2')::uuid, md5('snapshot:stakeholder:' || i)::uuid, 'Purpose ' || i,
    (enum_range(null::public.communication_step_status))[1 + i % 3], case when i = 2 then date '2027-02-28' end, hosts[1 + i % 4], who
  from generate_series(0, 3) i;

  insert into public.close_records (id, organization_id, account_id, opportunity_id, outcome, amount, terms_summary, agreement_finalized_on,
    close_reasons, win_summary_sent_on, advocacy_ask, advocacy_answer, next_cycle_goals, source_host, created_by)
  select md5('snapshot:close:' || i)::uuid, org, acc, md5('snapshot:opportunity:' || i)::uuid,
    (array['won', 'lost']::public.opportunity_status[])[1 + i % 2], case when i = 0 then 0.01 end, null, case when i = 1 then date '2026-12-01' end,
    case when i = 0 then array[odd_text, 'Second reason'] else '{}' end, null,
    (array[null, 'quote', 'reference', 'case_study', 'review', 'referral', 'intro_to_team', 'internal_story']::public.advocacy_ask_kind[])[1 + i],
    null, case when i = 2 then array['Next'] else '{}' end, hosts[1 + i % 4], who
  from generate_series(0, 7) i;

  insert into public.goals (id, organization_id, account_id, statement, confirmed_current_on, created_by) values
    (md5('snapshot:goal-infinite')::uuid, org, refused, 'Confirmed forever', 'infinity', who),
    (md5('snapshot:goal-past-9999')::uuid, org, refused, 'Confirmed far ahead', '10000-01-01', who),
    (md5('snapshot:goal-before-christ')::uuid, org, refused, 'Confirmed long ago', '0044-03-15 BC', who);
end
$edge$;
`;
