import type { DashboardLoaded, DashboardMember } from './loaded';
import { MemberRow } from './workspace-rows';

/** Who read the workspace: the session's user (never its token). */
export interface Reader {
  id: string;
  email: string | null;
}

/**
 * The answer that comes with a workspace read (whose data, who reads it and
 * their role, the organization's people), from the organization's and the
 * members' pages as PostgREST sent them. The background builds it when it
 * read the pages (dashboard-read.ts), the page when it read them itself
 * (direct-read.ts): one rule for both. `null` when the organization is not
 * among the rows (the reader is no longer a member).
 */
export function workspaceAnswer(pages: Record<string, string[]>, organizationId: string, reader: Reader, fetchedAt: string, handoffId: string): DashboardLoaded | null {
  // The small parts the header needs are read here; the bulk stays text for the page's decoder.
  const organization = parseFirst(pages.organization);
  if (!organization || typeof organization.name !== 'string') return null;
  const members = MemberRow.array().safeParse(pages.members?.flatMap((page) => JSON.parse(page) as unknown[]) ?? []);
  const people = members.success ? members.data : [];
  const me = people.find((m) => m.user_id === reader.id) ?? null;
  return {
    source: 'workspace',
    organization: { id: organizationId, name: organization.name },
    user: { email: reader.email, role: me?.role ?? null },
    members: people.map(memberLabel),
    fetched_at: fetchedAt,
    handoff_id: handoffId,
  };
}

/** Said when `workspaceAnswer` finds no organization. */
export const NOT_A_MEMBER = 'The organization could not be read: you may no longer be a member.';

function parseFirst(pages: string[] | undefined): Record<string, unknown> | null {
  const rows = pages?.[0] ? (JSON.parse(pages[0]) as unknown) : null;
  return Array.isArray(rows) && rows[0] && typeof rows[0] === 'object' ? (rows[0] as Record<string, unknown>) : null;
}

function memberLabel(m: MemberRow): DashboardMember {
  return { user_id: m.user_id, label: m.display_name?.trim() || m.email || m.user_id.slice(0, 8) };
}
