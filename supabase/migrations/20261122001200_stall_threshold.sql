-- The stall threshold: after how many days in its declared stage an open
-- opportunity counts as stalled on the managers' dashboard
-- (lib/dashboard/input.ts, `stall_threshold_days`). A team setting beside the
-- freshness windows, set by admins through `update_organization_settings`.

alter table public.organizations
  add column stall_threshold_days integer not null default 30
  check (stall_threshold_days between 1 and 3650);

comment on column public.organizations.stall_threshold_days is
  'An open opportunity in its declared stage for more than this many days is stalled (dashboard). Whole days, 1 to 3650.';

-- Same contract as before, plus `stall_threshold_days`; absent keeps the current value.
create or replace function public.update_organization_settings(payload jsonb)
returns public.organizations
language plpgsql
set search_path = ''
as $$
declare
  organization uuid;
  result public.organizations;
begin
  perform private.expect_fields(payload, array['organization_id', 'name', 'goal_current_days', 'insight_shared_days', 'stall_threshold_days']);
  organization := private.field_uuid(payload, 'organization_id', true);
  perform private.require_role(organization, 'admin');
  update public.organizations o set
    name = coalesce(private.field_text(payload, 'name', 200), o.name),
    goal_current_days = coalesce(private.field_integer(payload, 'goal_current_days', 1, 3650), o.goal_current_days),
    insight_shared_days = coalesce(private.field_integer(payload, 'insight_shared_days', 1, 3650), o.insight_shared_days),
    stall_threshold_days = coalesce(private.field_integer(payload, 'stall_threshold_days', 1, 3650), o.stall_threshold_days)
  where o.id = organization;
  select * into result from public.organizations where id = organization;
  return result;
end
$$;
