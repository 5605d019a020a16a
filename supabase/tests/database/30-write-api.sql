-- The write API for records: for every save_<kind>, a valid call stores and
-- returns the record and a replay leaves one row; each kind of bad input is
-- rejected with its stable code (supabase/API.md) and writes nothing.
begin;

select tests.two_organizations();

create temp table calls (
  fn text primary key,
  table_name text not null,
  payload jsonb not null,
  required_field text not null,
  enum_field text,
  long_text_field text,
  long_text_length integer not null,
  links_stakeholders boolean not null
) on commit drop;

insert into calls
select fn, table_name, payload || jsonb_build_object('id', tests.id('new:' || fn)), required_field, enum_field,
       long_text_field, long_text_length, links_stakeholders
from (values
  ('save_account', 'accounts', jsonb_build_object('organization_id', tests.id('organizations:A'), 'name', 'Northwind Freight',
     'owner_id', tests.user_id('csm_a'), 'arr', 50000, 'renewal_on', '2027-06-30', 'domains', jsonb_build_array('northwind-freight.example')),
   'name', null, 'name', 200, false),
  ('save_account_milestone', 'account_milestones', jsonb_build_object('account_id', tests.id('accounts:A'), 'kind', 'onboarding_complete', 'reached_on', '2026-03-01'),
   'reached_on', 'kind', null, 0, false),
  ('save_stakeholder', 'stakeholders', jsonb_build_object('account_id', tests.id('accounts:A'), 'name', 'Robin Ops', 'email', 'Robin@A-Customer.example',
     'title', 'VP Operations', 'roles', jsonb_build_array('budget_owner', 'approver'), 'position', 'supporter', 'influence', 'high'),
   'name', 'position', 'title', 200, false),
  ('save_opportunity', 'opportunities', jsonb_build_object('account_id', tests.id('accounts:A'), 'title', 'Add the support team', 'type', 'expansion',
     'declared_stage', 'advocate', 'amount', 20000, 'target_date', '2027-02-28'),
   'type', 'declared_stage', 'title', 200, false),
  ('save_goal', 'goals', jsonb_build_object('account_id', tests.id('accounts:A'), 'statement', 'Answer customers within an hour',
     'confirmed_current_on', '2026-11-20', 'source_host', 'gmail', 'source_ref', 'thread-1',
     'source_url', 'https://mail.google.com/mail/u/0/#inbox/1', 'stakeholder_ids', jsonb_build_array(tests.id('stakeholders:A'))),
   'statement', 'source_host', 'statement', 1000, true),
  ('save_outcome', 'outcomes', jsonb_build_object('account_id', tests.id('accounts:A'), 'goal_id', tests.id('goals:A'), 'summary', 'First reply time down to 3 hours'),
   'summary', 'source_host', 'summary', 2000, true),
  ('save_use_case', 'use_cases', jsonb_build_object('account_id', tests.id('accounts:A'), 'name', 'Escalation routing', 'status', 'discussed_not_active'),
   'name', 'status', 'name', 200, true),
  ('save_business_case', 'business_cases', jsonb_build_object('account_id', tests.id('accounts:A'), 'opportunity_id', tests.id('opportunities-3:A'),
     'goal_answer', 'Finance closes faster', 'goal_still_current', true, 'portable', false),
   'opportunity_id', 'source_host', 'goal_answer', 4000, true),
  ('save_intent_signal', 'intent_signals', jsonb_build_object('account_id', tests.id('accounts:A'), 'opportunity_id', tests.id('opportunities:A'),
     'kind', 'budget_owner_identified', 'occurred_on', '2026-11-18', 'summary', 'The CFO holds the budget'),
   'occurred_on', 'kind', 'summary', 2000, true),
  ('save_insight', 'insights', jsonb_build_object('account_id', tests.id('accounts:A'), 'kind', 'business_outcome', 'summary', 'Churn of new agents halved',
     'proof', 'Attrition 14% to 7%', 'shared_on', '2026-11-19', 'travels_unedited', true),
   'summary', 'kind', 'proof', 2000, true),
  ('save_meeting', 'meetings', jsonb_build_object('account_id', tests.id('accounts:A'), 'kind', 'executive_conversation', 'held_on', '2026-11-21',
     'stakeholder_ids', jsonb_build_array(tests.id('stakeholders:A'))),
   'held_on', 'kind', 'summary', 2000, true),
  ('save_communication_step', 'communication_steps', jsonb_build_object('account_id', tests.id('accounts:A'), 'stakeholder_id', tests.id('stakeholders:A'),
     'purpose', 'Walk through the renewal plan', 'planned_on', '2026-12-01'),
   'purpose', 'status', 'purpose', 1000, true),
  ('save_close_record', 'close_records', jsonb_build_object('account_id', tests.id('accounts:A'), 'opportunity_id', tests.id('opportunities-3:A'),
     'outcome', 'won', 'amount', 30000, 'agreement_finalized_on', '2026-11-20', 'close_reasons', jsonb_build_array('Faster onboarding', 'Support loved it'),
     'advocacy_ask', 'reference', 'next_cycle_goals', jsonb_build_array('Roll out to EMEA')),
   'outcome', 'advocacy_ask', 'terms_summary', 4000, true)
) as v (fn, table_name, payload, required_field, enum_field, long_text_field, long_text_length, links_stakeholders);

-- Cases per call: 5 rejections always, +1 enum, +1 long text, +1 foreign
-- stakeholder, + nothing written, + stored, + replay, + unchanged replay.
select plan((select (count(*) * 9 + count(enum_field) + count(long_text_field) + count(*) filter (where links_stakeholders))::integer from calls) + 10);

create function pg_temp.code_of(fn text, payload jsonb) returns text
language sql
as $$ select split_part(tests.attempt('csm_a', format('select public.%I(%L::jsonb)', fn, payload)), ':', 1) $$;

create function pg_temp.rejections() returns setof text
language plpgsql
as $$
declare
  call calls;
  before bigint;
  after bigint;
  foreign_field text;
begin
  for call in select * from calls order by fn loop
    execute format('select count(*) from public.%I', call.table_name) into before;
    return next is(pg_temp.code_of(call.fn, call.payload - call.required_field), 'SCREQ', call.fn || ': a missing ' || call.required_field || ' is SCREQ');
    return next is(pg_temp.code_of(call.fn, call.payload || jsonb_build_object(call.required_field, null)), 'SCREQ', call.fn || ': a null ' || call.required_field || ' is SCREQ');
    if call.enum_field is not null then
      return next is(pg_temp.code_of(call.fn, call.payload || jsonb_build_object(call.enum_field, 'Not_A_Value')), 'SCENM', call.fn || ': a wrong ' || call.enum_field || ' is SCENM');
    end if;
    if call.long_text_field is not null then
      return next is(pg_temp.code_of(call.fn, call.payload || jsonb_build_object(call.long_text_field, repeat('x', call.long_text_length + 1))),
        'SCLEN', call.fn || ': ' || call.long_text_field || ' over ' || call.long_text_length || ' characters is SCLEN');
    end if;
    return next is(pg_temp.code_of(call.fn, call.payload || '{"idd": "typo"}'), 'SCPAY', call.fn || ': an unknown field is SCPAY');
    return next is(pg_temp.code_of(call.fn, call.payload || '{"id": 42}'), 'SCTYP', call.fn || ': an id that is not a UUID is SCTYP');
    foreign_field := case when call.fn = 'save_account' then 'organization_id' else 'account_id' end;
    return next is(pg_temp.code_of(call.fn, call.payload || jsonb_build_object(foreign_field, tests.id(replace(foreign_field, '_id', 's') || ':B'))),
      'SCREF', call.fn || ': another organization''s ' || foreign_field || ' is SCREF');
    if call.links_stakeholders then
      return next is(pg_temp.code_of(call.fn, call.payload || jsonb_build_object('stakeholder_ids', jsonb_build_array(tests.id('stakeholders:B')))),
        'SCREF', call.fn || ': another organization''s stakeholder is SCREF');
    end if;
    execute format('select count(*) from public.%I', call.table_name) into after;
    return next is(after, before, call.fn || ': rejected calls wrote nothing');
  end loop;
end
$$;

select * from pg_temp.rejections();

create function pg_temp.replays() returns setof text
language plpgsql
as $$
declare
  call calls;
  first jsonb;
  second jsonb;
  rows_with_id bigint;
begin
  for call in select * from calls order by fn loop
    perform tests.act_as('csm_a');
    execute format('select to_jsonb(public.%I(%L::jsonb))', call.fn, call.payload) into first;
    execute format('select to_jsonb(public.%I(%L::jsonb))', call.fn, call.payload) into second;
    perform tests.act_as_superuser();
    return next ok(first ->> 'id' = call.payload ->> 'id' and first ->> 'created_by' = tests.user_id('csm_a')::text,
      call.fn || ': returns the stored record, with the client''s id and the caller as author');
    execute format('select count(*) from public.%I where id = $1', call.table_name) into rows_with_id using (call.payload ->> 'id')::uuid;
    return next is(rows_with_id, 1::bigint, call.fn || ': a replay leaves one row');
    return next is(second ->> 'change_seq', first ->> 'change_seq', call.fn || ': an identical replay changes nothing');
  end loop;
end
$$;

select * from pg_temp.replays();

-- Specific rules.
select is(pg_temp.code_of('save_communication_step', (select payload from calls where fn = 'save_communication_step')
  || jsonb_build_object('stakeholder_id', tests.id('stakeholders:B'))), 'SCREF', 'a planned step with another organization''s stakeholder is SCREF');
select is(pg_temp.code_of('save_outcome', (select payload from calls where fn = 'save_outcome') || jsonb_build_object('goal_id', tests.id('goals:B'))),
  'SCREF', 'an outcome toward another organization''s goal is SCREF');
select is(pg_temp.code_of('save_goal', (select payload from calls where fn = 'save_goal') || jsonb_build_object('id', tests.id('goals:A:by-manager'))),
  'SCAUT', 'a CSM cannot correct a goal the manager wrote');
select is(pg_temp.code_of('save_goal', (select payload from calls where fn = 'save_goal') || jsonb_build_object('id', tests.id('goals:B'))),
  'SCCNF', 'an id already used in another organization is SCCNF, and that record is untouched');
select is(pg_temp.code_of('save_goal', (select payload from calls where fn = 'save_goal') || '{"confirmed_current_on": "2026-02-30"}'),
  'SCTYP', 'an impossible date is SCTYP');
select is(pg_temp.code_of('save_account', (select payload from calls where fn = 'save_account') || '{"domains": ["vendor-a.example"]}'),
  'SCCNF', 'an account cannot claim the organization''s own domain');
select is(pg_temp.code_of('save_account', (select payload from calls where fn = 'save_account') || '{"domains": ["a-customer.example"]}'),
  'SCCNF', 'an account cannot claim another account''s domain');
select is(
  (select status::text from public.opportunities where id = tests.id('opportunities-3:A')),
  'won',
  'saving a close record sets the opportunity''s status to its outcome in the same call'
);
select is(
  tests.attempt('manager_a', format('select public.save_goal(%L::jsonb)', (select payload from calls where fn = 'save_goal') || '{"statement": "Corrected by the manager"}')),
  'ok: 1 rows',
  'a manager may correct a CSM''s goal'
);
select is(
  (select array_agg(domain order by domain) from public.account_domains where account_id = tests.id('new:save_account')),
  array['northwind-freight.example'],
  'save_account wrote the account''s domains with it'
);

select * from finish();
rollback;
