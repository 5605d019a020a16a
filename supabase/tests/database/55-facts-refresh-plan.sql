-- The facts refresh after 20261122001500: the facts query is planned once per
-- connection (plpgsql), a statement touching no row refreshes nothing, and
-- the kept facts still follow every kind of write exactly.
begin;
select tests.two_organizations();
select plan(7);

-- The kept facts of account A equal the facts computed from its records now.
create function pg_temp.facts_match() returns boolean
language sql
as $$
  select coalesce((select jsonb_agg(c.facts::jsonb order by c.opportunity_id) from private.opportunity_facts_cache c where c.account_id = tests.id('accounts:A')), '[]')
       = coalesce((select jsonb_agg(f.facts::jsonb order by f.opportunity_id) from private.facts_of_accounts(array[tests.id('accounts:A')]) f), '[]')
$$;

select is((select l.lanname::text from pg_proc p join pg_language l on l.oid = p.prolang where p.oid = 'private.facts_of_accounts(uuid[])'::regprocedure),
  'plpgsql', 'the facts query is a plpgsql function, whose plan a pooled connection keeps');

-- A new stakeholder: `insert ... on conflict do update` also fires the update triggers, with no rows.
select tests.act_as('csm_a');
select public.save_stakeholder(jsonb_build_object('id', tests.id('plan:stakeholder'), 'account_id', tests.id('accounts:A'), 'name', 'Dana Reyes',
  'roles', jsonb_build_array('executive_sponsor'), 'position', 'sponsor'));
select tests.act_as_superuser();
select ok((select bool_and(c.facts::jsonb -> 'stakeholders' @> jsonb_build_array(jsonb_build_object('id', tests.id('plan:stakeholder'), 'roles', jsonb_build_array('executive_sponsor'), 'position', 'sponsor')))
           from private.opportunity_facts_cache c where c.account_id = tests.id('accounts:A')),
  'a stakeholder just saved is in the facts of each opportunity of its account');
select ok(pg_temp.facts_match(), 'and the kept facts equal the facts computed from the records');

-- Its correction (the update path of the same call) is kept too.
select tests.act_as('csm_a');
select public.save_stakeholder(jsonb_build_object('id', tests.id('plan:stakeholder'), 'account_id', tests.id('accounts:A'), 'name', 'Dana Reyes',
  'roles', jsonb_build_array('executive_sponsor'), 'position', 'supporter'));
select tests.act_as_superuser();
select ok((select bool_and(c.facts::jsonb -> 'stakeholders' @> jsonb_build_array(jsonb_build_object('id', tests.id('plan:stakeholder'), 'position', 'supporter')))
           from private.opportunity_facts_cache c where c.account_id = tests.id('accounts:A')),
  'a corrected stakeholder''s new position is in the facts');

-- A statement that touches no row changes no kept facts (and does not fail).
create temp table before_noop as select opportunity_id, facts::text as facts from private.opportunity_facts_cache;
update public.stakeholders set name = name where false;
delete from public.goals where false;
select is((select count(*)::int from private.opportunity_facts_cache c join before_noop b using (opportunity_id) where c.facts::text = b.facts),
  (select count(*)::int from before_noop), 'an update or delete of no row leaves every kept fact as it was');

-- A delete still refreshes.
delete from public.stakeholders where id = tests.id('plan:stakeholder');
select ok((select bool_and(not (c.facts::jsonb -> 'stakeholders' @> jsonb_build_array(jsonb_build_object('id', tests.id('plan:stakeholder')))))
           from private.opportunity_facts_cache c where c.account_id = tests.id('accounts:A')),
  'a deleted stakeholder leaves its account''s facts');
select ok(pg_temp.facts_match(), 'and the kept facts equal the facts computed from the records again');

select * from finish();
rollback;
