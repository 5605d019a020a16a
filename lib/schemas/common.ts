import { z } from 'zod';
import { HOST_IDS } from '../hosts/supported-hosts';

/**
 * The building blocks every record schema shares. A local record is its
 * database row (supabase/migrations): the same snake_case columns, enums and
 * length caps, minus the server-only change stamps (`change_xid`,
 * `change_seq`). Keeping the caps identical means a record the store accepts
 * is one the server will accept when the outbox uploads it.
 */

/** A UUID as Postgres prints one (any 8-4-4-4-12 hex form); ids are generated on the client. */
export const Uuid = z.guid();
export type Uuid = z.infer<typeof Uuid>;

/** A calendar day, `YYYY-MM-DD` (a Postgres `date`). */
export const Day = z.iso.date();

/** An instant with its offset, as `Date.prototype.toISOString` writes it (a Postgres `timestamptz`). */
export const Timestamp = z.iso.datetime({ offset: true });

/**
 * A `numeric(14, 2)` amount, as the write RPCs accept it (`field_number`):
 * never negative, at most 999,999,999,999, and at most two decimals (the
 * database would round a third away, so the RPCs refuse it with SCTYP).
 */
export const Money = z
  .number()
  .nonnegative()
  .max(999_999_999_999)
  .refine((value) => Math.round(value * 100) / 100 === value, 'at most two decimals');

/** `char_length(btrim(x)) between 1 and max`: required text that is not blank. */
export function requiredText(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, 'must not be blank');
}

/** Optional text up to `max` characters; absent is `null`. */
export function optionalText(max: number) {
  return z.string().max(max).nullable().default(null);
}

/** A domain as the database stores it: lower-case labels, at least one dot. */
export const DomainName = z
  .string()
  .max(253)
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a lower-case domain such as example.com');

/** An email address as stored: lower-case, at most 320 characters. */
export const EmailAddress = z
  .string()
  .max(320)
  .refine((value) => value === value.toLowerCase(), 'must be lower-case');

/**
 * The columns every record has. `organization_id` is `null` in solo mode (no
 * workspace configured): the record belongs to this browser only until the
 * sync assigns it to the workspace it joins and uploads it. `created_by` is
 * the local author id in solo mode (lib/store/identity.ts).
 */
export const recordMeta = {
  id: Uuid,
  organization_id: Uuid.nullable(),
  created_by: Uuid,
  created_at: Timestamp,
  updated_at: Timestamp,
};

/** The hosts a record can be learnt on (the database's `source_host` enum). */
export const SourceHost = z.enum(HOST_IDS);

/**
 * Where an evidence record was learnt: the host, the thread or event id there,
 * a link back, and the stakeholders it concerns (same account only).
 */
export const sourceColumns = {
  source_host: SourceHost.nullable().default(null),
  source_ref: optionalText(500),
  source_url: z
    .string()
    .max(2000)
    .startsWith('https://', 'must be an https:// link')
    .nullable()
    .default(null),
  stakeholder_ids: z.array(Uuid).max(50).default([]),
};
