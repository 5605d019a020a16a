import { z } from 'zod/mini';

/**
 * The dashboard page's one-shot messages to the background. Only the
 * background holds the workspace session (lib/sync/session.ts), so the page
 * asks it instead of calling the database itself.
 *
 * - `dashboard.take-snapshot`: takes this week's forecast snapshot in the
 *   workspace (`take_forecast_snapshot`; managers and admins), answering the
 *   snapshot's week and whether it was taken now or already stood.
 *
 * The dashboard's data does not come as a message: tens of megabytes of facts
 * at 20,000 accounts come page by page over a port the page opens
 * (lib/dashboard-data/stream-messages.ts).
 *
 * Envelopes only, like the other data messages; the page checks the answers
 * with the full schemas of lib/dashboard-data/loaded.ts.
 */
export const DashboardTakeSnapshot = z.strictObject({ type: z.literal('dashboard.take-snapshot') });

export const DASHBOARD_MESSAGES = [DashboardTakeSnapshot] as const;
