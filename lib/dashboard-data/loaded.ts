import { z } from 'zod';

/**
 * What the background tells the dashboard page about the data it sent (the stream's `done`, lib/dashboard-data/stream-messages.ts),
 * checked by the page with these schemas. Never a token: who is signed in and
 * their role, the organization, and where the data waits.
 */
export const DashboardMember = z.object({ user_id: z.guid(), label: z.string() });

export const DashboardLoaded = z.object({
  /** `workspace`: the organization's data from its database; `solo`: this browser's local store. */
  source: z.enum(['workspace', 'solo']),
  organization: z.object({ id: z.guid(), name: z.string() }).nullable(),
  /** Who is signed in (workspace only) and their role in the organization. */
  user: z.object({ email: z.string().nullable(), role: z.enum(['csm', 'manager', 'admin']).nullable() }).nullable(),
  /** The organization's people, for the CSM filter and owner names (solo: none). */
  members: z.array(DashboardMember),
  /** When the data was read: the header's freshness. */
  fetched_at: z.iso.datetime({ offset: true }),
  /** The id this read is kept under for the next open (lib/dashboard-data/handoff.ts). */
  handoff_id: z.string().min(1).max(100),
});
export type DashboardLoaded = z.infer<typeof DashboardLoaded>;
export type DashboardMember = z.infer<typeof DashboardMember>;

export const SnapshotTaken = z.object({
  week_start: z.iso.date(),
  taken_at: z.iso.datetime({ offset: true }),
  line_count: z.int().nonnegative(),
});
export type SnapshotTaken = z.infer<typeof SnapshotTaken>;
