import { z } from 'zod';
import { DEFAULT_FRESHNESS_DAYS } from '../pipeline/settings';
import { DomainName, EmailAddress, optionalText, recordMeta, requiredText, Uuid } from './common';

/** The database's default `stall_threshold_days` (20261122001200_stall_threshold.sql). */
export const DEFAULT_STALL_THRESHOLD_DAYS = 30;

/** A freshness window in whole days (`between 1 and 3650` in the database). */
const WindowDays = z.int().min(1).max(3650);

/**
 * The vendor: the CSM's company, with the freshness windows of time-bound
 * evidence. In solo mode there is at most one, kept locally; its
 * `organization_id` is `null` until a workspace is joined (in the database
 * it always equals `id`).
 */
export const Organization = z.strictObject({
  ...recordMeta,
  name: requiredText(200),
  goal_current_days: WindowDays.default(DEFAULT_FRESHNESS_DAYS.goal_current),
  insight_shared_days: WindowDays.default(DEFAULT_FRESHNESS_DAYS.insight_shared),
  /** Days in its declared stage after which an open opportunity is stalled (the dashboard's list). */
  stall_threshold_days: WindowDays.default(DEFAULT_STALL_THRESHOLD_DAYS),
});
export type Organization = z.infer<typeof Organization>;

/** One of the vendor's own email domains: never taken for a customer's. */
export const OrganizationDomain = z.strictObject({
  ...recordMeta,
  domain: DomainName,
});
export type OrganizationDomain = z.infer<typeof OrganizationDomain>;

export const MEMBER_ROLES = ['csm', 'manager', 'admin'] as const;

/** A person of the organization. Written by the workspace (invitations, sign-in), never by the panel. */
export const Member = z.strictObject({
  ...recordMeta,
  user_id: Uuid,
  email: EmailAddress.nullable().default(null),
  display_name: optionalText(200),
  role: z.enum(MEMBER_ROLES),
});
export type Member = z.infer<typeof Member>;
