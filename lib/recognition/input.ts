import { z } from 'zod';

/**
 * What recognition needs from the local store, as plain rows. Field names
 * that mirror database columns stay snake_case (`account_id`), like the rest
 * of the data layer.
 *
 * Two shapes: the *rows* as the store keeps them (`RecognitionRows`), and the
 * rows with the keys the index files them under (`RecognitionInput`). A key
 * is a property of its row (row-keys.ts derives it), so the store derives it
 * once, when the row is written to its recognition cache, and the index
 * build, paid on every wake of the service worker, only files the keys.
 *
 * Rows enter the store through its record schemas (lib/schemas), and the
 * recognition cache derives the keys from those validated records; these
 * schemas describe what crosses from the store to recognition (the
 * `store.recognition-input` answer, tests, the benchmark).
 * `buildRecognitionIndex` still skips a row it cannot use (a row without
 * keys, a domain of an account it does not know) rather than failing the
 * whole index.
 */

export const RecognitionAccountRow = z.object({
  id: z.string().min(1),
  name: z.string(),
  aliases: z.array(z.string()),
});
export type RecognitionAccountRow = z.infer<typeof RecognitionAccountRow>;

export const RecognitionAccountDomainRow = z.object({
  account_id: z.string().min(1),
  domain: z.string().min(1),
});
export type RecognitionAccountDomainRow = z.infer<typeof RecognitionAccountDomainRow>;

export const RecognitionStakeholderRow = z.object({
  id: z.string().min(1),
  account_id: z.string().min(1),
  email: z.string(),
  name: z.string().optional(),
});
export type RecognitionStakeholderRow = z.infer<typeof RecognitionStakeholderRow>;

export const RecognitionRows = z.object({
  accounts: z.array(RecognitionAccountRow),
  accountDomains: z.array(RecognitionAccountDomainRow),
  stakeholders: z.array(RecognitionStakeholderRow),
  /** The organization's own domains: never a customer, and the mark of an internal participant. */
  ownDomains: z.array(z.string()),
});
export type RecognitionRows = z.infer<typeof RecognitionRows>;

export const RecognitionAccount = RecognitionAccountRow.extend({
  /** `accountNameKeys(name, aliases)`: the title keys of the name and every alias, each once. */
  nameKeys: z.array(z.string()),
});
export type RecognitionAccount = z.infer<typeof RecognitionAccount>;

export const RecognitionAccountDomain = RecognitionAccountDomainRow.extend({
  /**
   * `accountDomainKeys(domain)`: the configured host (`eu.acme.com`) and its
   * registrable domain (`acme.com`), both `null` when the domain can never
   * identify an account (not a host, no registrable domain, or free-mail).
   * Whether it is one of the organization's own domains is decided by the
   * build, since those change apart from the row.
   */
  host: z.string().min(1).nullable(),
  registrable: z.string().min(1).nullable(),
});
export type RecognitionAccountDomain = z.infer<typeof RecognitionAccountDomain>;

export const RecognitionStakeholder = RecognitionStakeholderRow.extend({
  /** `addressKey(email)`: the exact-match key, `null` when the text is not an address. */
  addressKey: z.string().min(1).nullable(),
});
export type RecognitionStakeholder = z.infer<typeof RecognitionStakeholder>;

export const RecognitionInput = z.object({
  accounts: z.array(RecognitionAccount),
  accountDomains: z.array(RecognitionAccountDomain),
  stakeholders: z.array(RecognitionStakeholder),
  /** The organization's own domains, as typed: a handful, normalised by the build. */
  ownDomains: z.array(z.string()),
});
export type RecognitionInput = z.infer<typeof RecognitionInput>;

/**
 * The part of the panel's host context recognition reads. It is a structural
 * subset of the host adapters' `HostContext`, so either can be passed.
 */
export const ParticipantRole = z.enum(['from', 'to', 'cc', 'organizer', 'attendee']);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const RecognitionParticipant = z.object({
  email: z.string(),
  name: z.string().optional(),
  role: ParticipantRole,
});
export type RecognitionParticipant = z.infer<typeof RecognitionParticipant>;

export const RecognitionContext = z.object({
  /** The thread's subject or the event's title. */
  title: z.string().optional(),
  /** The signed-in user's address: it never counts as a participant. */
  self: z.string().optional(),
  participants: z.array(RecognitionParticipant),
});
export type RecognitionContext = z.infer<typeof RecognitionContext>;
