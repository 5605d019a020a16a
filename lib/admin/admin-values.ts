import { z } from 'zod';
import { ImportReport } from '../import/plan-types';
import { MEMBER_ROLES } from '../schemas/organization';

/**
 * The values the admin messages answer with (lib/messaging/admin-messages.ts),
 * one schema each beside its type. The background builds them from what the
 * workspace returned; the admin page checks every answer against them
 * (lib/admin/ask-admin.ts), so a background of another version, or a server
 * that answered in another shape, shows as an error, never as wrong data.
 */

export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

export const OrganizationSettingsView = z.object({
  id: z.guid(),
  name: z.string(),
  goal_current_days: z.int(),
  insight_shared_days: z.int(),
  stall_threshold_days: z.int(),
});
export type OrganizationSettingsView = z.infer<typeof OrganizationSettingsView>;

export const MemberView = z.object({
  id: z.guid(),
  user_id: z.guid(),
  email: z.string().nullable(),
  display_name: z.string().nullable(),
  role: MemberRole,
});
export type MemberView = z.infer<typeof MemberView>;

export const InvitationView = z.object({ id: z.guid(), email: z.string(), role: MemberRole, created_at: z.string() });
export type InvitationView = z.infer<typeof InvitationView>;

export const AdminOverview = z.object({
  organization: OrganizationSettingsView,
  /** The signed-in person: the page shows read-only content unless `role` is admin. */
  me: z.object({ user_id: z.guid(), role: MemberRole }),
  members: z.array(MemberView),
  invitations: z.array(InvitationView),
  domains: z.array(z.string()),
});
export type AdminOverview = z.infer<typeof AdminOverview>;

/** What confirming an import did: the rows written locally, and how their upload went. */
export const ImportResult = z.object({
  kind: z.enum(['accounts', 'stakeholders']),
  created: z.int(),
  updated: z.int(),
  /** Writes the workspace confirmed in the sync run that followed (0 when that run outlasted the wait). */
  uploaded: z.int(),
  /** Writes still in the outbox: being sent, offline, or refused (the sync status says which). */
  waiting: z.int(),
  /** Why the sync run stopped, if it did; `null` while it still runs or when it finished cleanly. */
  sync_error: z.string().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const adminValues = {
  'admin.overview': AdminOverview,
  'admin.update-settings': OrganizationSettingsView,
  'admin.set-domains': z.array(z.string()),
  'admin.invite': InvitationView,
  'admin.set-role': MemberView,
  'admin.remove-member': z.object({ removed: z.boolean() }),
  'admin.import-plan': ImportReport,
  'admin.import-apply': ImportResult,
} as const;

export type AdminValues = { [T in keyof typeof adminValues]: z.infer<(typeof adminValues)[T]> };
