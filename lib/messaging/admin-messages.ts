import { z } from 'zod/mini';

/**
 * The admin messages: what the admin page (entrypoints/admin) asks the
 * background about the organization it is signed in to: members,
 * invitations, own domains, team settings, and the CSV import.
 *
 * The organization is never in a message: the background uses the one its
 * store is linked to (lib/store/workspace-link.ts), with the session only it
 * holds. What an admin may do is decided by the database (row-level security
 * and the onboarding functions of supabase/API.md); the background adds no
 * permission of its own, so a page that sends a write it should not is
 * refused by the server, with the server's code in the answer.
 *
 * Envelopes only (zod/mini, like sync-messages.ts); the background checks
 * values with full schemas, and the page checks each answer's value with
 * lib/admin/admin-values.ts.
 */
const Id = z.string().check(z.minLength(1), z.maxLength(64));
const Role = z.enum(['csm', 'manager', 'admin']);
const Days = z.number();
const ImportKind = z.enum(['accounts', 'stakeholders']);
/** A little over the import's 2 MB limit, so the background can say the limit in a sentence. */
const CsvText = z.string().check(z.maxLength(3 * 1024 * 1024));

export const AdminOverviewGet = z.strictObject({ type: z.literal('admin.overview') });
export const AdminUpdateSettings = z.strictObject({
  type: z.literal('admin.update-settings'),
  goal_current_days: Days,
  insight_shared_days: Days,
  stall_threshold_days: Days,
});
/** The organization's own email domains: the whole set. */
export const AdminSetDomains = z.strictObject({ type: z.literal('admin.set-domains'), domains: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(60)) });
/** `id` is made by the page before the first attempt, so a retried invitation is the same one. */
export const AdminInvite = z.strictObject({ type: z.literal('admin.invite'), id: Id, email: z.string().check(z.maxLength(400)), role: Role });
export const AdminSetRole = z.strictObject({ type: z.literal('admin.set-role'), member_id: Id, role: Role });
export const AdminRemoveMember = z.strictObject({ type: z.literal('admin.remove-member'), member_id: Id });
/** The dry run: reads the file and answers what each row would do. Writes nothing. */
export const AdminImportPlan = z.strictObject({ type: z.literal('admin.import-plan'), kind: ImportKind, csv: CsvText });
/** Confirms a dry run: plans the file again and writes its creates and updates only if the plan's `digest` is unchanged. */
export const AdminImportApply = z.strictObject({ type: z.literal('admin.import-apply'), kind: ImportKind, csv: CsvText, digest: z.string().check(z.maxLength(128)) });

export const AdminMessage = z.discriminatedUnion('type', [
  AdminOverviewGet,
  AdminUpdateSettings,
  AdminSetDomains,
  AdminInvite,
  AdminSetRole,
  AdminRemoveMember,
  AdminImportPlan,
  AdminImportApply,
]);
export type AdminMessage = z.infer<typeof AdminMessage>;
export type AdminMessageType = AdminMessage['type'];

export const ADMIN_ERROR_CODES = [
  /** What the page sent does not fit (a window of 0 days, a malformed email); `field` says which. */
  'invalid',
  /** No workspace, nobody signed in, or the store is not linked to an organization yet. */
  'not-signed-in',
  /** The database refused the call; `server_code` is its code (supabase/API.md: SCAUT, SCCNF, 42501…). */
  'refused',
  /** The workspace could not be reached or answered with an error that is not a refusal. */
  'unreachable',
  /** The import file cannot be read (too big, unknown column…); the message says why. */
  'unreadable',
  /** The records changed between the dry run and the confirmation: nothing was written. */
  'changed',
] as const;

export const AdminError = z.strictObject({
  code: z.enum(ADMIN_ERROR_CODES),
  /** One sentence for the admin. */
  message: z.string(),
  /** The form field the error is about, when there is one. */
  field: z.nullable(z.string()),
  /** The database's SQLSTATE for `refused` (and for `unreachable` when it sent one). */
  server_code: z.nullable(z.string()),
});
export type AdminError = z.infer<typeof AdminError>;

export const AdminAnswer = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: AdminError }),
]);

export type AdminResult<T> = { ok: true; value: T } | { ok: false; error: AdminError };

export const adminResponses: Record<AdminMessageType, typeof AdminAnswer> = {
  'admin.overview': AdminAnswer,
  'admin.update-settings': AdminAnswer,
  'admin.set-domains': AdminAnswer,
  'admin.invite': AdminAnswer,
  'admin.set-role': AdminAnswer,
  'admin.remove-member': AdminAnswer,
  'admin.import-plan': AdminAnswer,
  'admin.import-apply': AdminAnswer,
};
