import { z } from 'zod/mini';
import { RECORD_KINDS } from './record-kinds';
import { WORKSPACE_MESSAGES } from './sync-messages';
import { DASHBOARD_MESSAGES } from './dashboard-messages';

/**
 * The data messages: what the extension's own pages (panel, popup,
 * dashboard, options) ask of the background's local store.
 *
 * Only the envelope is checked here. Record payloads are `unknown` on
 * purpose: content scripts import this protocol but never send data
 * messages, so the record schemas (lib/schemas, full zod) stay out of their
 * bundle. The background validates every record with those schemas and
 * answers a typed error when one does not fit.
 */

const Kind = z.enum(RECORD_KINDS);
/** Ids are checked as UUIDs by the store; here only bounded. */
const Id = z.string().check(z.minLength(1), z.maxLength(64));

export const StorePut = z.strictObject({ type: z.literal('store.put'), kind: Kind, record: z.unknown() });
export const StoreDelete = z.strictObject({ type: z.literal('store.delete'), kind: Kind, id: Id });
export const StoreGet = z.strictObject({ type: z.literal('store.get'), kind: Kind, id: Id });
export const StoreRecognitionInput = z.strictObject({ type: z.literal('store.recognition-input') });
export const StoreAccountDetail = z.strictObject({ type: z.literal('store.account-detail'), account_id: Id });
export const StoreOpportunityFacts = z.strictObject({ type: z.literal('store.opportunity-facts'), opportunity_id: Id });
export const StoreDashboard = z.strictObject({ type: z.literal('store.dashboard') });
export const StoreExport = z.strictObject({ type: z.literal('store.export') });
export const StoreImport = z.strictObject({ type: z.literal('store.import'), document: z.unknown() });
/**
 * The panel's recognition messages. The tab comes from the sender (the panel
 * frame inside it), never from the message: a page can only ask about, or
 * choose for, the thread or event beside it.
 */
export const PanelRecognise = z.strictObject({ type: z.literal('panel.recognise') });
/** Remembers `account_id` for the tab's thread or event (`null` forgets the choice). */
export const PanelChooseAccount = z.strictObject({ type: z.literal('panel.choose-account'), account_id: z.nullable(Id) });
/** Accounts whose name or domain contains the query, for the panel's manual search. */
export const PanelSearchAccounts = z.strictObject({ type: z.literal('panel.search-accounts'), query: z.string().check(z.maxLength(200)) });
export const IdentityGet = z.strictObject({ type: z.literal('identity.get') });
export const IdentitySetName = z.strictObject({
  type: z.literal('identity.set-name'),
  display_name: z.nullable(z.string().check(z.maxLength(200))),
});

export const STORE_ERROR_CODES = [
  /** The record, document or id does not fit its schema; `issues` say where. */
  'invalid',
  /** A field names a record that does not exist (or belongs to another account). */
  'missing-reference',
  /** Another record already holds a value that must be unique (a domain, an email). */
  'conflict',
  /** This kind is written by the workspace or the store itself, not by pages. */
  'read-only',
  /** Import goes into an empty store only, so two histories never mix unnoticed. */
  'not-empty',
  /** The workspace is not set up, or nobody is signed in to it. */
  'not-signed-in',
  /** The workspace refused the request or could not be reached; the message says which. */
  'workspace',
] as const;

export const StoreIssue = z.strictObject({ path: z.string(), message: z.string() });
export type StoreIssue = z.infer<typeof StoreIssue>;

export const StoreError = z.strictObject({
  code: z.enum(STORE_ERROR_CODES),
  message: z.string(),
  issues: z.array(StoreIssue),
});
export type StoreError = z.infer<typeof StoreError>;

/**
 * Every data answer: a value, or a typed error. The value's exact type comes
 * from the background's schemas (see `StoreValues` in messages.ts); the
 * background built it from validated records.
 */
export const StoreAnswer = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: StoreError }),
]);

/** The data messages, all handled by the background. */
export const DataMessage = z.discriminatedUnion('type', [
  StorePut,
  StoreDelete,
  StoreGet,
  StoreRecognitionInput,
  StoreAccountDetail,
  StoreOpportunityFacts,
  StoreDashboard,
  StoreExport,
  StoreImport,
  IdentityGet,
  IdentitySetName,
  PanelRecognise,
  PanelChooseAccount,
  PanelSearchAccounts,
  ...WORKSPACE_MESSAGES,
  ...DASHBOARD_MESSAGES,
]);
export type DataMessage = z.infer<typeof DataMessage>;
export type DataMessageType = DataMessage['type'];

/** Every data message answers with a value or a typed error. */
export const dataResponses: Record<DataMessageType, typeof StoreAnswer> = {
  'store.put': StoreAnswer,
  'store.delete': StoreAnswer,
  'store.get': StoreAnswer,
  'store.recognition-input': StoreAnswer,
  'store.account-detail': StoreAnswer,
  'store.opportunity-facts': StoreAnswer,
  'store.dashboard': StoreAnswer,
  'store.export': StoreAnswer,
  'store.import': StoreAnswer,
  'identity.get': StoreAnswer,
  'identity.set-name': StoreAnswer,
  'panel.recognise': StoreAnswer,
  'panel.choose-account': StoreAnswer,
  'panel.search-accounts': StoreAnswer,
  'workspace.get': StoreAnswer,
  'workspace.save': StoreAnswer,
  'auth.send-code': StoreAnswer,
  'auth.verify-code': StoreAnswer,
  'auth.google': StoreAnswer,
  'auth.sign-out': StoreAnswer,
  'org.create': StoreAnswer,
  'sync.state': StoreAnswer,
  'sync.now': StoreAnswer,
  'sync.discard-failed': StoreAnswer,
  'sync.retry-failed': StoreAnswer,
  'dashboard.take-snapshot': StoreAnswer,
};

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };
