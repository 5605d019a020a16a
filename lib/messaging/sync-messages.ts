import { z } from 'zod/mini';

/**
 * The workspace messages: what Sidecar's own pages (options, popup, panel)
 * ask the background about the team workspace: its address, signing in and
 * out, the organization, and the sync. Only the background holds the
 * session; pages see who is signed in, never a token.
 *
 * Envelopes only, like store-messages.ts: the background checks the values
 * with the full schemas (lib/sync/workspace-settings.ts) and answers a typed
 * error with a sentence the page can show.
 */
const Email = z.string().check(z.minLength(3), z.maxLength(320));
const EntryId = z.string().check(z.minLength(1), z.maxLength(64));

export const WorkspaceGet = z.strictObject({ type: z.literal('workspace.get') });
export const WorkspaceSave = z.strictObject({ type: z.literal('workspace.save'), url: z.string().check(z.maxLength(2000)), anon_key: z.string().check(z.maxLength(4000)) });
export const AuthSendCode = z.strictObject({ type: z.literal('auth.send-code'), email: Email });
export const AuthVerifyCode = z.strictObject({ type: z.literal('auth.verify-code'), email: Email, code: z.string().check(z.maxLength(20)) });
export const AuthGoogle = z.strictObject({ type: z.literal('auth.google') });
/** Without `confirm`, answers what signing out would lose; with it, signs out and clears the workspace's data. */
export const AuthSignOut = z.strictObject({ type: z.literal('auth.sign-out'), confirm: z.boolean() });
export const OrgCreate = z.strictObject({ type: z.literal('org.create'), name: z.string().check(z.maxLength(400)) });
export const SyncStateGet = z.strictObject({ type: z.literal('sync.state') });
export const SyncNow = z.strictObject({ type: z.literal('sync.now') });
/** Removes one failed outbox entry: the record stays in this browser only. */
export const SyncDiscardFailed = z.strictObject({ type: z.literal('sync.discard-failed'), entry_id: EntryId });
/** Sends one failed outbox entry again (after the CSM or an admin fixed the cause). */
export const SyncRetryFailed = z.strictObject({ type: z.literal('sync.retry-failed'), entry_id: EntryId });

export const WORKSPACE_MESSAGES = [
  WorkspaceGet,
  WorkspaceSave,
  AuthSendCode,
  AuthVerifyCode,
  AuthGoogle,
  AuthSignOut,
  OrgCreate,
  SyncStateGet,
  SyncNow,
  SyncDiscardFailed,
  SyncRetryFailed,
] as const;
