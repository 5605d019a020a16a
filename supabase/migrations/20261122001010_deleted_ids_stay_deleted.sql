-- A teammate's delete was undone by a queued edit of the same record: the
-- edit's save upserts by the record's own id, so it re-created the row the
-- delete had removed (and every other member's store got it back).
--
-- Semantics now: an id with a tombstone stays deleted. A save that would
-- insert it again is refused with SCCNF ("was deleted by a teammate") and
-- field `id`; the outbox keeps that write as a failed entry with this
-- message, and the CSM discards it (or writes the record anew, under a new
-- id). Refused before the insert, in one trigger per table the save RPCs
-- write with the client's ids, so every save_* and any later one behave
-- alike. A live row (re-created before this migration) stays editable.
--
-- Not covered, on purpose: account domains (save_account keeps the set and
-- makes new rows itself) and the stage history (appended by the database).
create function private.refuse_deleted_id()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  live boolean;
begin
  if not exists (select 1 from public.deleted_records d where d.record_id = new.id and d.table_name = tg_table_name) then
    return new;
  end if;
  execute format('select exists (select 1 from public.%I where id = $1)', tg_table_name) into live using new.id;
  if live then
    return new;
  end if;
  raise exception using
    errcode = 'SCCNF',
    message = 'This record was deleted by a teammate; your change to it was not saved.',
    detail = jsonb_build_object('field', 'id')::text;
end
$$;

create trigger refuse_deleted_id before insert on public.accounts for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.account_milestones for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.stakeholders for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.opportunities for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.goals for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.outcomes for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.use_cases for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.business_cases for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.intent_signals for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.insights for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.meetings for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.communication_steps for each row execute function private.refuse_deleted_id();
create trigger refuse_deleted_id before insert on public.close_records for each row execute function private.refuse_deleted_id();
