-- The RPC fuzz harness (test database only, schema `tests`). Each call runs
-- the PostgREST way (role + request.jwt.claims, tests.act_as) inside its own
-- subtransaction, and is always rolled back after it was observed, so every
-- payload meets the same fixture state. A success is read back from the
-- table as the superuser before the rollback; a rejection keeps its SQLSTATE.

-- What a successful call left in the database, for comparison with its payload.
create function tests.fuzz_readback(fn text, payload jsonb, result jsonb) returns jsonb
language plpgsql
as $$
declare
  row_json jsonb;
begin
  case fn
    when 'delete_record' then
      execute format('select to_jsonb(t) from public.%I t where id = $1', payload ->> 'kind') into row_json using (payload ->> 'id')::uuid;
      return jsonb_build_object('exists', row_json is not null);
    when 'remove_member' then
      return jsonb_build_object('exists', exists (select 1 from public.members where id = (payload ->> 'member_id')::uuid));
    when 'set_organization_domains' then
      return jsonb_build_object('domains', (select coalesce(jsonb_agg(domain order by domain), '[]') from public.organization_domains
        where organization_id = (payload ->> 'organization_id')::uuid));
    else
      execute format('select to_jsonb(t) from public.%I t where id = $1', tests.fuzz_table(fn)) into row_json using (result ->> 'id')::uuid;
      if fn = 'save_account' then
        row_json := row_json || jsonb_build_object('domains', (select coalesce(jsonb_agg(domain order by domain), '[]') from public.account_domains where account_id = (result ->> 'id')::uuid));
      elsif fn = 'save_close_record' then
        row_json := row_json || jsonb_build_object('opportunity_status', (select status from public.opportunities where id = (result ->> 'opportunity_id')::uuid));
      end if;
      return row_json;
  end case;
end
$$;

create function tests.fuzz_table(fn text) returns text
language sql immutable
as $$
  select case fn
    when 'create_organization' then 'organizations'
    when 'update_organization_settings' then 'organizations'
    when 'invite_member' then 'invitations'
    when 'set_member_role' then 'members'
    when 'save_account_milestone' then 'account_milestones'
    when 'save_opportunity' then 'opportunities'
    when 'save_business_case' then 'business_cases'
    else substring(fn from 6) || 's'
  end
$$;

-- Runs `calls` ([{who, payload}]) against `fn`; answers one {code, message, result, readback} per call.
create function tests.fuzz_calls(fn text, calls jsonb) returns jsonb
language plpgsql
as $$
declare
  call jsonb;
  answers jsonb[] := '{}';
  result jsonb;
  readback jsonb;
  code text;
  message text;
begin
  for call in select value from jsonb_array_elements(calls) loop
    result := null; readback := null; code := null; message := null;
    begin
      perform tests.act_as(call ->> 'who');
      if fn = 'set_organization_domains' then
        execute 'select coalesce(jsonb_agg(to_jsonb(r)), ''[]'') from public.set_organization_domains($1) r' into result using call -> 'payload';
      else
        execute format('select to_jsonb(public.%I($1))', fn) into result using call -> 'payload';
      end if;
      perform tests.act_as_superuser();
      readback := tests.fuzz_readback(fn, call -> 'payload', result);
      raise exception using errcode = 'FZRB0', message = 'observed; roll back';
    exception
      when sqlstate 'FZRB0' then null;
      when others then
        code := sqlstate; message := sqlerrm; result := null; readback := null;
    end;
    answers := answers || jsonb_build_object('code', code, 'message', message, 'result', result, 'readback', readback);
  end loop;
  return to_jsonb(answers);
end
$$;

-- Row count and content digest of every table of `public`: equal before and after a batch.
create function tests.fuzz_state() returns jsonb
language plpgsql
as $$
declare
  t text;
  state jsonb := '{}';
  digest text;
  n bigint;
begin
  for t in select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by 1 loop
    execute format('select count(*), md5(coalesce(string_agg(to_jsonb(x)::text, '','' order by to_jsonb(x)::text), '''')) from public.%I x', t) into n, digest;
    state := state || jsonb_build_object(t, jsonb_build_array(n, digest));
  end loop;
  return state;
end
$$;
