import { z } from 'zod';
import { MILESTONE_KINDS } from '../pipeline/facts';
import { Day, DomainName, Money, optionalText, recordMeta, requiredText, Uuid } from './common';

/** A customer company. `owner_id`: the owning CSM's user id; `null` while unassigned. */
export const Account = z.strictObject({
  ...recordMeta,
  name: requiredText(200),
  owner_id: Uuid.nullable().default(null),
  arr: Money.nullable().default(null),
  renewal_on: Day.nullable().default(null),
  notes: optionalText(5000),
});
export type Account = z.infer<typeof Account>;

/** One of an account's email domains; a domain belongs to at most one account. */
export const AccountDomain = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  domain: DomainName,
});
export type AccountDomain = z.infer<typeof AccountDomain>;

/** A lifecycle milestone the account reached, at most one of each kind per account. */
export const AccountMilestone = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  kind: z.enum(MILESTONE_KINDS),
  reached_on: Day,
});
export type AccountMilestone = z.infer<typeof AccountMilestone>;
