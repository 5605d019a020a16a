import { z } from 'zod';

/**
 * What recognition needs from the local store, as plain rows. Field names
 * that mirror database columns stay snake_case (`account_id`), like the rest
 * of the data layer.
 *
 * The store validates with `RecognitionInput` where the rows enter it;
 * `buildRecognitionIndex` still skips a row it cannot use (an unparsable
 * address, a domain of an account it does not know) rather than failing the
 * whole index.
 */

export const RecognitionAccount = z.object({
  id: z.string().min(1),
  name: z.string(),
  aliases: z.array(z.string()),
});
export type RecognitionAccount = z.infer<typeof RecognitionAccount>;

export const RecognitionAccountDomain = z.object({
  account_id: z.string().min(1),
  domain: z.string().min(1),
});
export type RecognitionAccountDomain = z.infer<typeof RecognitionAccountDomain>;

export const RecognitionStakeholder = z.object({
  id: z.string().min(1),
  account_id: z.string().min(1),
  email: z.string(),
  name: z.string().optional(),
});
export type RecognitionStakeholder = z.infer<typeof RecognitionStakeholder>;

export const RecognitionInput = z.object({
  accounts: z.array(RecognitionAccount),
  accountDomains: z.array(RecognitionAccountDomain),
  stakeholders: z.array(RecognitionStakeholder),
  /** The organization's own domains: never a customer, and the mark of an internal participant. */
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
