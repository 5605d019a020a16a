import { z } from 'zod';
import type { DashboardLoaded, DashboardMember } from './loaded';
import { MemberRow } from './workspace-rows';

/** Who read the workspace: the session's user (never its token). */
export interface Reader {
  id: string;
  email: string | null;
}

export type WorkspaceAnswer = { ok: true; answer: DashboardLoaded } | { ok: false; message: string };

/**
 * The answer that comes with a workspace read (whose data, who reads it and
 * their role, the organization's people), from the organization's and the
 * members' pages as PostgREST sent them. The background builds it when it
 * read the pages (dashboard-read.ts), the page when it read them itself
 * (direct-read.ts): one rule for both. Refused with a sentence when the
 * organization is not among the rows (the reader is no longer a member) or
 * when either page does not fit: a members list read wrong would empty the
 * CSM filter and hide the admin link without saying why.
 */
export function workspaceAnswer(pages: Record<string, string[]>, organizationId: string, reader: Reader, fetchedAt: string, handoffId: string): WorkspaceAnswer {
  // The small parts the header needs are read here; the bulk stays text for the page's decoder.
  const organizations = rowsOf(pages.organization);
  if (!organizations.ok) return { ok: false, message: `${UNREADABLE_ORGANIZATION} ${organizations.reason}` };
  const organization = OrganizationName.safeParse(organizations.rows[0]);
  if (!organization.success) return { ok: false, message: organizations.rows.length === 0 ? NOT_A_MEMBER : `${UNREADABLE_ORGANIZATION} ${z.prettifyError(organization.error)}` };
  const memberRows = rowsOf(pages.members);
  if (!memberRows.ok) return { ok: false, message: `${UNREADABLE_MEMBERS} ${memberRows.reason}` };
  const members = MemberRow.array().safeParse(memberRows.rows);
  if (!members.success) return { ok: false, message: `${UNREADABLE_MEMBERS} ${z.prettifyError(members.error)}` };
  const me = members.data.find((m) => m.user_id === reader.id) ?? null;
  return {
    ok: true,
    answer: {
      source: 'workspace',
      organization: { id: organizationId, name: organization.data.name },
      user: { email: reader.email, role: me?.role ?? null },
      members: members.data.map(memberLabel),
      fetched_at: fetchedAt,
      handoff_id: handoffId,
    },
  };
}

/** Said when the organization is not among the rows. */
const NOT_A_MEMBER = 'The organization could not be read: you may no longer be a member.';
const UNREADABLE_ORGANIZATION = 'The organization could not be read:';
const UNREADABLE_MEMBERS = "The organization's members could not be read:";

/** The organization's row as far as the header reads it (the page's decoder checks the rest). */
const OrganizationName = z.object({ name: z.string() }, { error: 'no organization row with a name' });

/** Every row of a table's pages; each page must be a JSON list, as PostgREST sends it. */
function rowsOf(pages: string[] | undefined): { ok: true; rows: unknown[] } | { ok: false; reason: string } {
  const rows: unknown[] = [];
  for (const page of pages ?? []) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(page);
    } catch (error) {
      return { ok: false, reason: `a page is not JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    if (!Array.isArray(parsed)) return { ok: false, reason: 'a page is not a list of rows' };
    for (const row of parsed) rows.push(row);
  }
  return { ok: true, rows };
}

function memberLabel(m: MemberRow): DashboardMember {
  return { user_id: m.user_id, label: m.display_name?.trim() || m.email || m.user_id.slice(0, 8) };
}
