import type { SupabaseClient } from '@supabase/supabase-js';
import { InviteValues, readOwnDomains, SettingsValues } from '../admin/admin-forms';
import { AdminOverview, InvitationView, MemberView, OrganizationSettingsView } from '../admin/admin-values';
import type { Handler } from '../messaging/router';
import type { AdminResult } from '../messaging/admin-messages';
import type { SidecarDb } from '../store/db';
import { readWorkspaceLink } from '../store/workspace-link';
import { workspaceClient } from '../sync/session';
import { readWorkspaceSettings } from '../sync/workspace-settings';
import { adminError, fromServer, ok } from './admin-errors';
import { importHandlers } from './import-handlers';
import { wakeSync } from './sync-runner';

type AdminType = 'admin.overview' | 'admin.update-settings' | 'admin.set-domains' | 'admin.invite' | 'admin.set-role' | 'admin.remove-member';

/** Who is asking, and where: the signed-in session and the organization the store is linked to. */
export interface AdminContext {
  client: SupabaseClient;
  organizationId: string;
  userId: string;
}

/**
 * The background's answers to the admin page. Reads and writes go straight
 * to the workspace with the signed-in session: these are online actions
 * whose answer (a refusal, a conflict) the admin must see at once, and the
 * database decides who may do them. After a change, a sync brings the
 * organization's new settings and domains into the local store.
 */
export function adminHandlers(store: () => SidecarDb): { [T in AdminType]: Handler<T> } & ReturnType<typeof importHandlers> {
  const withContext = async <T>(run: (context: AdminContext) => Promise<AdminResult<T>>): Promise<AdminResult<T>> => {
    const context = await adminContext(store());
    if (!context.ok) return context;
    try {
      return await run(context.value);
    } catch (error) {
      return adminError('unreachable', `The workspace could not be reached (${error instanceof Error ? error.message : String(error)}). Try again.`);
    }
  };
  const refreshLocal = () => void wakeSync({ force: true, db: store() }).catch(() => undefined);

  return {
    'admin.overview': () => withContext((context) => readOverview(context)),

    'admin.update-settings': (message) =>
      withContext(async ({ client, organizationId }) => {
        const values = SettingsValues.safeParse(message);
        if (!values.success) return invalid(values.error);
        const { data, error } = await client.rpc('update_organization_settings', { payload: { organization_id: organizationId, ...values.data } });
        if (error) return fromServer(error);
        refreshLocal();
        return parsed(OrganizationSettingsView, data);
      }),

    'admin.set-domains': ({ domains }) =>
      withContext(async ({ client, organizationId }) => {
        const read = readOwnDomains(domains);
        if (!read.ok) return adminError('invalid', read.message, 'domains');
        const { data, error } = await client.rpc('set_organization_domains', { payload: { organization_id: organizationId, domains: read.domains } });
        if (error) return fromServer(error);
        refreshLocal();
        return ok(((data ?? []) as { domain: string }[]).map((row) => row.domain));
      }),

    'admin.invite': ({ id, email, role }) =>
      withContext(async ({ client, organizationId }) => {
        const values = InviteValues.safeParse({ email, role });
        if (!values.success) return invalid(values.error);
        const { data, error } = await client.rpc('invite_member', { payload: { id, organization_id: organizationId, ...values.data } });
        if (error) return fromServer(error);
        return parsed(InvitationView, data);
      }),

    'admin.set-role': ({ member_id, role }) =>
      withContext(async ({ client }) => {
        const { data, error } = await client.rpc('set_member_role', { payload: { member_id, role } });
        if (error) return fromServer(error);
        refreshLocal();
        return parsed(MemberView, data);
      }),

    'admin.remove-member': ({ member_id }) =>
      withContext(async ({ client }) => {
        const { data, error } = await client.rpc('remove_member', { payload: { member_id } });
        if (error) return fromServer(error);
        refreshLocal();
        return ok({ removed: data === true });
      }),

    ...importHandlers(store, adminContext),
  };
}

/** The session and linked organization, or the sentence that says what to do first. */
export async function adminContext(db: SidecarDb): Promise<AdminResult<AdminContext>> {
  const settings = await readWorkspaceSettings();
  if (!settings) return adminError('not-signed-in', 'Set up the team workspace first, on Sidecar’s options page.');
  const client = workspaceClient(settings);
  const { data } = await client.auth.getSession().catch(() => ({ data: { session: null } }));
  const user = data.session?.user;
  if (!user) return adminError('not-signed-in', 'Sign in to the workspace first, on Sidecar’s options page.');
  let link = await readWorkspaceLink(db);
  if (!link) {
    // The first sync links the store to the member's organization.
    await wakeSync({ force: true, db }).catch(() => undefined);
    link = await readWorkspaceLink(db);
  }
  if (!link || link.user_id !== user.id) return adminError('not-signed-in', 'This browser is not linked to an organization yet: create or join one on the options page.');
  return ok({ client, organizationId: link.organization_id, userId: user.id });
}

async function readOverview({ client, organizationId, userId }: AdminContext): Promise<AdminResult<AdminOverview>> {
  const [organization, members, invitations, domains] = await Promise.all([
    client.from('organizations').select('id, name, goal_current_days, insight_shared_days, stall_threshold_days').eq('id', organizationId).limit(1),
    client.from('members').select('id, user_id, email, display_name, role').eq('organization_id', organizationId).order('email'),
    client.from('invitations').select('id, email, role, created_at').eq('organization_id', organizationId).is('accepted_at', null).order('created_at'),
    client.from('organization_domains').select('domain').eq('organization_id', organizationId).order('domain'),
  ]);
  const failed = organization.error ?? members.error ?? invitations.error ?? domains.error;
  if (failed) return fromServer(failed);
  const memberRows = (members.data ?? []) as { user_id: string; role: string }[];
  const mine = memberRows.find((m) => m.user_id === userId);
  if (!organization.data?.[0] || !mine) return adminError('not-signed-in', 'You are no longer a member of this organization. Sign out and in again on the options page.');
  return parsed(AdminOverview, {
    organization: organization.data[0],
    me: { user_id: userId, role: mine.role },
    members: memberRows,
    invitations: invitations.data ?? [],
    domains: ((domains.data ?? []) as { domain: string }[]).map((d) => d.domain),
  });
}

function parsed<T>(schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } }, data: unknown): AdminResult<T> {
  const result = schema.safeParse(data);
  if (!result.success) return adminError('unreachable', 'The workspace answered in a shape Sidecar does not know. Is it on the same version?');
  return ok(result.data);
}

function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const first = error.issues[0];
  return adminError('invalid', first?.message ?? 'Check the form.', first?.path.length ? String(first.path[0]) : null);
}
