-- Reading the JSON payloads of the write API. Every check raises the same way,
-- so a client can rely on it (supabase/API.md, "Errors"):
--   SQLSTATE (PostgREST's `code`): the stable code, class "SC";
--   message: one sentence for a person; detail: JSON naming the field.
--
--   SCPAY  the payload is not an object, or has a field the call does not know
--   SCREQ  a required field is missing or blank
--   SCTYP  a field has the wrong type (text, uuid, date, number, boolean, list)
--   SCENM  a value is not one of the allowed values (the message lists them)
--   SCLEN  a text or a list is too long
--   SCRNG  a number is out of range
--   SCREF  an id does not name a record of the caller's organization
--   SCAUT  the caller's role does not allow this write
--   SCCNF  the write conflicts with another record (duplicate domain, id in use)
--   SCIMM  a record would move to another id or organization
--
-- Validation happens before anything is written, and each API call is one
-- transaction, so a rejected call writes nothing.

create function private.fail(code text, field text, message text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  raise exception using errcode = code, message = message, detail = jsonb_build_object('field', field)::text;
end
$$;

-- Rejects a payload that is not an object or carries a field the call does not
-- know: a misspelt field would otherwise be dropped without anyone noticing.
create function private.expect_fields(payload jsonb, known text[])
returns void
language plpgsql
immutable
set search_path = ''
as $$
declare
  unknown text;
begin
  if payload is null or jsonb_typeof(payload) <> 'object' then
    perform private.fail('SCPAY', null, 'The payload must be a JSON object.');
  end if;
  select key into unknown from jsonb_object_keys(payload) as key where key <> all (known) order by key limit 1;
  if unknown is not null then
    perform private.fail('SCPAY', unknown, format('Unknown field "%s". Known fields: %s.', unknown, array_to_string(known, ', ')));
  end if;
end
$$;

-- The value of `field`, or null when absent or JSON null (then SCREQ if required).
create function private.present(payload jsonb, field text, required boolean)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  value jsonb := payload -> field;
begin
  if value is null or value = 'null'::jsonb then
    if required then
      perform private.fail('SCREQ', field, format('%s is required.', field));
    end if;
    return null;
  end if;
  return value;
end
$$;

create function private.field_text(payload jsonb, field text, max_length integer, required boolean default false)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  value jsonb := private.present(payload, field, required);
  text_value text;
begin
  if value is null then
    return null;
  end if;
  if jsonb_typeof(value) <> 'string' then
    perform private.fail('SCTYP', field, format('%s must be text.', field));
  end if;
  text_value := value #>> '{}';
  if btrim(text_value) = '' then
    if required then
      perform private.fail('SCREQ', field, format('%s must not be blank.', field));
    end if;
    return null;
  end if;
  if char_length(text_value) > max_length then
    perform private.fail('SCLEN', field, format('%s is too long: at most %s characters.', field, max_length));
  end if;
  return text_value;
end
$$;

create function private.field_uuid(payload jsonb, field text, required boolean default false)
returns uuid
language plpgsql
immutable
set search_path = ''
as $$
declare
  value jsonb := private.present(payload, field, required);
begin
  if value is null then
    return null;
  end if;
  if jsonb_typeof(value) <> 'string' or (value #>> '{}') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform private.fail('SCTYP', field, format('%s must be a UUID.', field));
  end if;
  return (value #>> '{}')::uuid;
end
$$;

create function private.field_date(payload jsonb, field text, required boolean default false)
returns date
language plpgsql
immutable
set search_path = ''
as $$
declare
  value jsonb := private.present(payload, field, required);
begin
  if value is null then
    return null;
  end if;
  if jsonb_typeof(value) = 'string' and (value #>> '{}') ~ '^\d{4}-\d{2}-\d{2}$' then
    begin
      return (value #>> '{}')::date;
    exception when datetime_field_overflow or invalid_datetime_format then
      null; -- e.g. 2026-02-30: reported below like any other malformed date
    end;
  end if;
  perform private.fail('SCTYP', field, format('%s must be a date written YYYY-MM-DD.', field));
  return null;
end
$$;

create function private.field_number(payload jsonb, field text, minimum numeric, maximum numeric, required boolean default false)
returns numeric
language plpgsql
immutable
set search_path = ''
as $$
declare
  value jsonb := private.present(payload, field, required);
begin
  if value is null then
    return null;
  end if;
  if jsonb_typeof(value) <> 'number' then
    perform private.fail('SCTYP', field, format('%s must be a number.', field));
  end if;
  if value::numeric < minimum or value::numeric > maximum then
    perform private.fail('SCRNG', field, format('%s must be between %s and %s.', field, minimum, maximum));
  end if;
  return value::numeric;
end
$$;

create function private.field_integer(payload jsonb, field text, minimum integer, maximum integer, required boolean default false)
returns integer
language plpgsql
immutable
set search_path = ''
as $$
declare
  value numeric := private.field_number(payload, field, minimum, maximum, required);
begin
  if value is not null and value <> trunc(value) then
    perform private.fail('SCTYP', field, format('%s must be a whole number.', field));
  end if;
  return value::integer;
end
$$;

create function private.field_boolean(payload jsonb, field text, required boolean default false)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
  value jsonb := private.present(payload, field, required);
begin
  if value is null then
    return null;
  end if;
  if jsonb_typeof(value) <> 'boolean' then
    perform private.fail('SCTYP', field, format('%s must be true or false.', field));
  end if;
  return value::boolean;
end
$$;

-- The labels of an enum type, in order, for messages that list them.
create function private.enum_labels(enum_type regtype)
returns text[]
language sql
stable
set search_path = ''
as $$
  select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_catalog.pg_enum e where e.enumtypid = enum_type
$$;

create function private.check_enum(value jsonb, field text, enum_type regtype)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  allowed text[] := private.enum_labels(enum_type);
begin
  if jsonb_typeof(value) <> 'string' or not ((value #>> '{}') = any (allowed)) then
    perform private.fail('SCENM', field, format('%s must be one of: %s.', field, array_to_string(allowed, ', ')));
  end if;
  return value #>> '{}';
end
$$;

create function private.field_enum(payload jsonb, field text, enum_type regtype, required boolean default false)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  value jsonb := private.present(payload, field, required);
begin
  if value is null then
    return null;
  end if;
  return private.check_enum(value, field, enum_type);
end
$$;

-- A JSON list, or [] when absent; SCTYP when not a list, SCLEN when too long.
create function private.field_list(payload jsonb, field text, max_items integer)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  value jsonb := coalesce(private.present(payload, field, false), '[]'::jsonb);
begin
  if jsonb_typeof(value) <> 'array' then
    perform private.fail('SCTYP', field, format('%s must be a list.', field));
  end if;
  if jsonb_array_length(value) > max_items then
    perform private.fail('SCLEN', field, format('%s has too many items: at most %s.', field, max_items));
  end if;
  return value;
end
$$;

create function private.field_enum_list(payload jsonb, field text, enum_type regtype, max_items integer)
returns text[]
language sql
stable
set search_path = ''
as $$
  select coalesce(array_agg(distinct private.check_enum(item, field, enum_type)), '{}')
  from jsonb_array_elements(private.field_list(payload, field, max_items)) as item
$$;

create function private.field_text_list(payload jsonb, field text, max_items integer, max_length integer)
returns text[]
language sql
immutable
set search_path = ''
as $$
  select coalesce(array_agg(private.field_text(jsonb_build_object(field, item), field, max_length, true) order by position), '{}')
  from jsonb_array_elements(private.field_list(payload, field, max_items)) with ordinality as element (item, position)
$$;

create function private.field_uuid_list(payload jsonb, field text, max_items integer)
returns uuid[]
language sql
immutable
set search_path = ''
as $$
  select coalesce(array_agg(distinct private.field_uuid(jsonb_build_object(field, item), field, true)), '{}')
  from jsonb_array_elements(private.field_list(payload, field, max_items)) as item
$$;
