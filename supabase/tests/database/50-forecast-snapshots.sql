-- Weekly forecast snapshots: who may take and read them, one per ISO week
-- (the first stands), what a line records, and the scheduler's entry point.
begin;
select plan(17);

select tests.two_organizations();

create function pg_temp.code(who text, statement text) returns text
language sql
as $$ select split_part(tests.attempt(who, statement), ':', 1) $$;

-- The fixture's scheduler-made snapshot is of an older week; start from none this week.
select tests.act_as_superuser();
update public.opportunities set target_date = current_date where id = tests.id('opportunities:A');

-- Who may take one.
select is(pg_temp.code('csm_a', format('select public.take_forecast_snapshot(%L)', tests.id('organizations:A'))),
  'SCAUT', 'a CSM cannot take a snapshot');
select is(pg_temp.code('csm_b', format('select public.take_forecast_snapshot(%L)', tests.id('organizations:A'))),
  'SCREF', 'someone of another organization cannot');
select is(tests.attempt('anon', format('select public.take_forecast_snapshot(%L)', tests.id('organizations:A'))),
  '42501: permission denied for function take_forecast_snapshot', 'anon cannot');

select tests.act_as('manager_a');
create temp table first_take on commit drop as select * from public.take_forecast_snapshot(tests.id('organizations:A'));
select tests.act_as_superuser();

select is((select week_start from first_take), date_trunc('week', now() at time zone 'UTC')::date, 'a manager takes this ISO week''s snapshot (from Monday)');
select is((select created_by from first_take), tests.user_id('manager_a'), 'signed by the manager');
select is((select line_count from first_take), (select count(*)::integer from public.opportunities where organization_id = tests.id('organizations:A') and status = 'open'), 'it holds every open opportunity of the organization');
select is((select count(*)::integer from public.forecast_snapshot_lines where snapshot_id = (select id from first_take)), 4, 'one line each (four fixture opportunities are open)');
select is(
  (select row(declared_stage, amount, target_date, due_in_week, (facts -> 'opportunity' ->> 'declared_stage'))::text
   from public.forecast_snapshot_lines where snapshot_id = (select id from first_take) and opportunity_id = tests.id('opportunities:A')),
  row('align'::public.pipeline_stage, 50000.00::numeric(14, 2), current_date, current_date between (select week_start from first_take) and (select week_start from first_take) + 6, 'align')::text,
  'a line records the declared stage, amount, target date, whether due this week, and the facts of that moment');

-- Idempotent per week: the first snapshot stands, even after the pipeline moved.
update public.opportunities set declared_stage = 'intent', amount = 99000 where id = tests.id('opportunities:A');
select tests.act_as('admin_a');
select is((select id from public.take_forecast_snapshot(tests.id('organizations:A'))), (select id from first_take),
  'taking it again the same week answers the same snapshot');
select tests.act_as_superuser();
select is((select count(*)::integer from public.forecast_snapshots where organization_id = tests.id('organizations:A')), 2,
  'and adds none (the fixture''s older one and this week''s)');
select is((select (amount, declared_stage)::text from public.forecast_snapshot_lines
           where snapshot_id = (select id from first_take) and opportunity_id = tests.id('opportunities:A')),
  (50000.00::numeric(14, 2), 'align'::public.pipeline_stage)::text, 'its lines still say what was forecast when it was taken');

-- A snapshot is never rewritten, and lines go only with their snapshot.
select is(tests.attempt('admin_a', format('update public.forecast_snapshot_lines set amount = 1 where snapshot_id = %L', (select id from first_take))),
  'ok: 0 rows', 'not even an admin rewrites a line');
select is(tests.attempt('admin_a', format('delete from public.forecast_snapshots where id = %L', (select id from first_take))),
  'ok: 1 rows', 'an admin may delete a mistaken snapshot');

-- Reading.
select is(tests.attempt('csm_a', format('select 1 from public.forecast_snapshot_lines where snapshot_id = %L', (select id from first_take))),
  'ok: 4 rows', 'every member reads the lines');
select is(tests.attempt('csm_b', format('select 1 from public.forecast_snapshot_lines where snapshot_id = %L', (select id from first_take))),
  'ok: 0 rows', 'another organization reads none');

-- The scheduler (as the database owner) takes every organization's snapshot of the week; A's stands.
select is(private.take_weekly_forecast_snapshots(), (select count(*)::integer from public.organizations), 'the scheduler goes through every organization');
select is(
  (select array_agg(s.organization_id::text || case when s.id = (select id from first_take) then ' manager' when s.created_by is null then ' scheduler' else ' ?' end order by s.organization_id)
   from public.forecast_snapshots s where s.week_start = (select week_start from first_take)),
  (select array_agg(o.id::text || case when o.id = tests.id('organizations:A') then ' manager' else ' scheduler' end order by o.id) from public.organizations o),
  'one snapshot per organization this week: A keeps the manager''s, the others are the scheduler''s (no author)');

select * from finish();
rollback;
