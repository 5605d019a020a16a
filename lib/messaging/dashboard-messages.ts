import { z } from 'zod/mini';

/**
 * The dashboard page's messages to the background. Only the background holds
 * the workspace session (lib/sync/session.ts), so the page asks it for the
 * organization's data instead of calling the database itself.
 *
 * - `dashboard.load`: the background reads the data (the team's database when
 *   signed in to a workspace organization, else the local store), leaves it in
 *   the page handoff (lib/dashboard-data/handoff.ts, an IndexedDB table the
 *   extension's pages share) and answers `DashboardLoaded`: where the data came
 *   from, who is asking, and the handoff's id. Tens of megabytes of facts at
 *   20,000 accounts do not fit a runtime message reliably; the handoff does.
 * - `dashboard.take-snapshot`: takes this week's forecast snapshot in the
 *   workspace (`take_forecast_snapshot`; managers and admins), answering the
 *   snapshot's week and whether it was taken now or already stood.
 *
 * Envelopes only, like the other data messages; the page checks the answers
 * with the full schemas of lib/dashboard-data/loaded.ts.
 */
export const DashboardLoad = z.strictObject({ type: z.literal('dashboard.load') });
export const DashboardTakeSnapshot = z.strictObject({ type: z.literal('dashboard.take-snapshot') });

export const DASHBOARD_MESSAGES = [DashboardLoad, DashboardTakeSnapshot] as const;
