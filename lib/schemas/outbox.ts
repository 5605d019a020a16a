import { z } from 'zod';
import { RECORD_KINDS } from '../messaging/record-kinds';
import { Timestamp, Uuid } from './common';

/**
 * A write waiting to reach the workspace. Every local write appends one, in
 * the same transaction as the write, so a record is never stored without its
 * upload being owed. In solo mode the entries simply wait; the sync (issue 7)
 * uploads them in `seq` order and marks failures.
 *
 * - `payload`: the record as stored, for `upsert`; `null` for `delete` (the
 *   database cascades a deletion to the records that reference it, so only
 *   the record the CSM deleted is sent).
 * - `seq`: the order of the writes; timestamps alone tie within a millisecond.
 * - `state`: `failed` when the server refused the write for good; it keeps
 *   the server's message (`last_error`) and code (`error_code`) for the panel.
 */
export const OutboxEntry = z.strictObject({
  id: Uuid,
  seq: z.int().positive(),
  record_kind: z.enum(RECORD_KINDS),
  record_id: Uuid,
  op: z.enum(['upsert', 'delete']),
  payload: z.record(z.string(), z.unknown()).nullable(),
  state: z.enum(['pending', 'failed']),
  attempts: z.int().nonnegative(),
  last_error: z.string().max(2000).nullable(),
  /** The server's stable code of a permanent failure (`SCREQ`, `SCAUT`…), absent until one happens. */
  error_code: z.string().max(40).nullable().optional(),
  created_at: Timestamp,
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** Who writes in solo mode: a local author id (used as `created_by`) and the name the CSM gave. */
export const LocalIdentity = z.strictObject({
  author_id: Uuid,
  display_name: z.string().trim().max(200).nullable(),
});
export type LocalIdentity = z.infer<typeof LocalIdentity>;
