import type { Handler } from '../messaging/router';
import type { StoreResult } from '../messaging/store-messages';
import { fetchDashboardPages, WorkspaceReadError } from '../dashboard-data/fetch-workspace';
import { putHandoff } from '../dashboard-data/handoff';
import { localDashboardInput } from '../dashboard-data/local-input';
import type { DashboardLoaded, DashboardMember, SnapshotTaken } from '../dashboard-data/loaded';
import { MemberRow } from '../dashboard-data/workspace-rows';
import type { SidecarDb } from '../store/db';
import { storeError } from '../store/issues';
import { readWorkspaceLink } from '../store/workspace-link';
import { workspaceClient } from '../sync/session';
import { readWorkspaceSettings } from '../sync/workspace-settings';

/** NRR and forecast look back a year by default; older snapshots are not read. */
const SNAPSHOT_LOOKBACK_DAYS = 400;

/**
 * The dashboard page's messages (lib/messaging/dashboard-messages.ts). With a
 * workspace organization and a session, the data is the organization's, read
 * from its database with the session's token (which stays here); otherwise the
 * local store's. Either way it is left in the handoff for the page.
 */
export function dashboardHandlers(store: () => SidecarDb): {
  'dashboard.load': Handler<'dashboard.load'>;
  'dashboard.take-snapshot': Handler<'dashboard.take-snapshot'>;
} {
  return {
    'dashboard.load': async () => {
      performance.mark('dashboard-bg:asked');
      const now = new Date().toISOString();
      const workspace = await signedInWorkspace(store());
      if (!workspace) {
        const input = await localDashboardInput(store(), now);
        const answer: DashboardLoaded = { source: 'solo', organization: null, user: null, members: [], fetched_at: now, handoff_id: crypto.randomUUID() };
        await putHandoff(answer.handoff_id, { kind: 'input', json: JSON.stringify(input) }, answer);
        return ok(answer);
      }
      const { settings, session, organizationId } = workspace;
      const fromWeek = new Date(Date.now() - SNAPSHOT_LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
      let pages: Record<string, string[]>;
      // Marks for the page benchmark, read from the worker (bench/dashboard-page.bench.ts).
      performance.mark('dashboard-bg:fetch');
      try {
        pages = await fetchDashboardPages({ url: settings.url, anonKey: settings.anon_key, accessToken: session.access_token }, organizationId, fromWeek);
      } catch (error) {
        const message = error instanceof WorkspaceReadError ? error.message : `The workspace could not be reached: ${error instanceof Error ? error.message : String(error)}`;
        return storeError('workspace', message);
      }
      performance.mark('dashboard-bg:fetched');
      // The small parts the header needs are read here; the bulk stays text for the page.
      const organization = parseFirst(pages.organization);
      const members = MemberRow.array().safeParse(pages.members?.flatMap((page) => JSON.parse(page) as unknown[]) ?? []);
      if (!organization || typeof organization.name !== 'string') return storeError('workspace', 'The organization could not be read: you may no longer be a member.');
      const people = members.success ? members.data : [];
      const me = people.find((m) => m.user_id === session.user.id) ?? null;
      const answer: DashboardLoaded = {
        source: 'workspace',
        organization: { id: organizationId, name: organization.name },
        user: { email: session.user.email ?? null, role: me?.role ?? null },
        members: people.map(memberLabel),
        fetched_at: now,
        handoff_id: crypto.randomUUID(),
      };
      await putHandoff(answer.handoff_id, { kind: 'workspace', organization: organizationId, now, pages }, answer);
      performance.mark('dashboard-bg:handed-off');
      return ok(answer);
    },

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

async function signedInWorkspace(db: SidecarDb) {
  const settings = await readWorkspaceSettings();
  if (!settings) return null;
  const link = await readWorkspaceLink(db);
  if (!link) return null;
  const { data } = await workspaceClient(settings)
    .auth.getSession()
    .catch(() => ({ data: { session: null } }));
  if (!data.session) return null;
  return { settings, session: data.session, organizationId: link.organization_id };
}

function parseFirst(pages: string[] | undefined): Record<string, unknown> | null {
  const rows = pages?.[0] ? (JSON.parse(pages[0]) as unknown) : null;
  return Array.isArray(rows) && rows[0] && typeof rows[0] === 'object' ? (rows[0] as Record<string, unknown>) : null;
}

function memberLabel(m: MemberRow): DashboardMember {
  return { user_id: m.user_id, label: m.display_name?.trim() || m.email || m.user_id.slice(0, 8) };
}

function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}
