-- Supabase Studio shows a table's or view's comment as its description: a
-- manager browsing the project should read what each one holds. Enumerates
-- the catalog, so a table or view added later without a comment fails here.
begin;
select plan(2);

select is_empty(
  $$select c.relname from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
      and coalesce(btrim(obj_description(c.oid, 'pg_class')), '') = ''$$,
  'every table and view of the exposed schema has a comment'
);

select ok(
  (select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')) >= 23,
  'the check above saw the tables and views (not an empty catalog)'
);

select * from finish();
rollback;
