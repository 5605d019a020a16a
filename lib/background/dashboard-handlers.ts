import type { Handler } from '../messaging/router';
import type { StoreResult } from '../messaging/store-messages';
import type { SnapshotTaken } from '../dashboard-data/loaded';
import type { SidecarDb } from '../store/db';
import { storeError } from '../store/issues';
import { workspaceClient } from '../sync/session';
import { signedInWorkspace } from './dashboard-read';

/**
 * The dashboard page's one-shot messages (lib/messaging/dashboard-messages.ts).
 * Its data comes over the stream instead (dashboard-stream.ts).
 */
export function dashboardHandlers(store: () => SidecarDb): {
  'dashboard.take-snapshot': Handler<'dashboard.take-snapshot'>;
} {
  return {
    'dashboard.take-snapshot': async () => {
      const workspace = await signedInWorkspace(store());
      if (!workspace) return storeError('not-signed-in', 'Forecast snapshots are kept in the team workspace: sign in to it first.');
      const { data, error } = await workspaceClient(workspace.settings).rpc('take_forecast_snapshot', { organization_id: workspace.organizationId });
      if (error) {
        const why = error.code === 'SCAUT' ? 'Only a manager or an admin can take the forecast snapshot.' : error.message;
        return storeError('workspace', why);
      }
      // The first snapshot of the week stands, so `taken_at` may be earlier than this call.
      const row = data as { week_start: string; taken_at: string; line_count: number };
      return ok<SnapshotTaken>({ week_start: row.week_start, taken_at: row.taken_at, line_count: row.line_count });
    },
  };
}

function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}
