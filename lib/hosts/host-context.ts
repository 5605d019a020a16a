import { z } from 'zod/mini';
import { HOST_IDS, type HostId } from './supported-hosts';

/**
 * What Sidecar knows about the page a CSM is looking at: the thread, event or
 * draft on screen and the people on it. One shape for all three hosts, so the
 * panel never needs to know which host it sits beside.
 *
 * This runs inside content scripts (a 15 KB gzipped budget each), hence
 * `zod/mini` and no string formats beyond one small e-mail pattern.
 */

/** What kind of thing is open: a mail thread, a calendar event, a draft, or nothing. */
export const VIEW_KINDS = ['thread', 'event', 'compose', 'none'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

export const PARTICIPANT_ROLES = ['from', 'to', 'cc', 'organizer', 'attendee'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A guest's answer to an invitation, as Calendar shows it. */
export const RESPONSES = ['accepted', 'declined', 'tentative', 'awaiting'] as const;
export type Response = (typeof RESPONSES)[number];

/** Deliberately loose: the hosts have already validated these addresses; this only rejects non-addresses. */
export const EMAIL_PATTERN = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export const Participant = z.strictObject({
  /** Lower-cased, so the same person read from two places compares equal. */
  email: z.string().check(z.regex(EMAIL_PATTERN)),
  name: z.optional(z.string()),
  role: z.enum(PARTICIPANT_ROLES),
  response: z.optional(z.enum(RESPONSES)),
});
export type Participant = z.infer<typeof Participant>;

export const HostContext = z.strictObject({
  host: z.enum(HOST_IDS),
  view: z.enum(VIEW_KINDS),
  /** The subject of a thread or draft, or the title of an event. */
  title: z.optional(z.string()),
  /** A stable id of the thread or event, in the host's own terms (e.g. `thread-f:…`, an event id). */
  id: z.optional(z.string()),
  /** An address that reopens the thread or event. */
  link: z.optional(z.string()),
  /** Event start and end as ISO 8601, only where the page shows them in a machine-readable form. */
  start: z.optional(z.string()),
  end: z.optional(z.string()),
  /** The signed-in user's own address, where the page shows it. */
  self: z.optional(z.string()),
  /** Everyone on it, once per address and role, in page order. */
  participants: z.array(Participant),
});
export type HostContext = z.infer<typeof HostContext>;

/**
 * Why a read produced no context:
 * - `wrong-host`: the URL or page belongs to another host (or none).
 * - `missing-element`: the page is a thread/event view but an anchor the
 *   adapter relies on is absent: the host probably changed its page.
 * - `invalid-context`: what was read does not pass the schema.
 * - `read-error`: the reader threw; the watcher turns exceptions into this.
 */
export const FAILURE_CODES = ['wrong-host', 'missing-element', 'invalid-context', 'read-error'] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export const HostReadFailure = z.strictObject({
  code: z.enum(FAILURE_CODES),
  host: z.enum(HOST_IDS),
  /** The named anchor that was not found (e.g. `subject`, `thread-id`), for `missing-element`. */
  anchor: z.optional(z.string()),
  /** A short explanation; never page text or attribute values. */
  detail: z.optional(z.string()),
});
export type HostReadFailure = z.infer<typeof HostReadFailure>;

export type ReadResult = { ok: true; context: HostContext } | { ok: false; failure: HostReadFailure };

export function failure(host: HostId, code: FailureCode, anchor?: string, detail?: string): ReadResult {
  const f: HostReadFailure = { code, host };
  if (anchor) f.anchor = anchor;
  if (detail) f.detail = detail;
  return { ok: false, failure: f };
}

/** Checks a context an adapter assembled; a schema miss becomes `invalid-context` naming the path, not the value. */
export function checked(context: HostContext): ReadResult {
  const parsed = HostContext.safeParse(context);
  if (parsed.success) return { ok: true, context: parsed.data };
  const path = parsed.error.issues[0]?.path.join('.');
  return failure(context.host, 'invalid-context', undefined, path);
}
