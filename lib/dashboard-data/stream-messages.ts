import { z } from 'zod';
import { DashboardLoaded } from './loaded';

/**
 * The dashboard's data stream: a `runtime.Port` the dashboard page opens to
 * the background, which alone holds the session and reads the workspace.
 * The background sends each page of rows as soon as the server answers it,
 * so the page parses and validates one page while the next ones are still
 * being read; the figures need every page, but by the time the last one
 * arrives most of the work is done.
 *
 * Page → background: `start` once (`direct`: this page can read the
 * workspace's pages itself through the worker, below); `painted` once the
 * figures are on screen (the background then keeps this read for the next
 * open, handoff.ts, off the first paint's path). Closing the port cancels
 * the read.
 *
 * Background → page, in this order on one port:
 * - `begin`: the moment the read is made at (the answer's `fetched_at`), sent
 *   before the pages, so the page can assess each page's opportunities as it
 *   comes (workspace only).
 * - `text`: a piece of one page of one table, as PostgREST sent it. A page
 *   longer than `STREAM_CHUNK_CHARS` comes in several pieces, in order, the
 *   last one with `end`: Chrome refuses a runtime message over 64 MiB after
 *   its JSON encoding, which escapes every quote of JSON text. `offset` is the
 *   page's first row in its table, so a misfit is named by its row.
 * - `input`: the same for the local store's whole `DashboardInput` (solo).
 * - `direct` (instead of `text` … `done`, when the page asked for it and the
 *   workspace is signed in): the page reads the pages itself, from a path of
 *   Sidecar's own origin that the worker answers with the workspace's
 *   response, adding the session's token (lib/background/workspace-proxy.ts,
 *   direct-read.ts). The bytes then stream to the page with no message
 *   serialisation. The path is good while this port stays open.
 * - `done`: every page was sent; the answer says whose data it is.
 * - `error`: the read failed; the page says why and shows what it had.
 *
 * Every message is checked by its receiver with these schemas.
 */
export { DASHBOARD_STREAM_PORT } from './stream-port';

/** Characters per `text` piece: a quarter of Chrome's limit even if every character were escaped. */
export const STREAM_CHUNK_CHARS = 8 * 1024 * 1024;

/** The tables the dashboard reads (lib/dashboard-data/fetch-workspace.ts `dashboardQueries`). */
export const DASHBOARD_TABLES = ['organization', 'members', 'accounts', 'account_facts', 'titles', 'milestones', 'stage_changes', 'snapshots', 'snapshot_lines'] as const;
export const DashboardTable = z.enum(DASHBOARD_TABLES);
export type DashboardTable = z.infer<typeof DashboardTable>;

/** Pages per table and rows per page are far below these; the bounds only stop nonsense early. */
const PageIndex = z.int().nonnegative().max(1_000_000);
const RowOffset = z.int().nonnegative().max(1_000_000_000);

export const StreamRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), direct: z.boolean().optional() }),
  z.strictObject({ type: z.literal('painted') }),
]);
export type StreamRequest = z.infer<typeof StreamRequest>;

/** Where and what the page reads itself (`direct`): never a token, only a path the worker answers while the port is open. */
export const DirectRead = z.strictObject({
  /** `/workspace-read/<grant>/`: the worker's answer to `<path>rest/v1/…` is the workspace's to `rest/v1/…`. */
  path: z.string().regex(/^\/workspace-read\/[0-9a-f-]{36}\/$/),
  organization_id: z.guid(),
  /** The first forecast week read. */
  from_week: z.iso.date(),
  /** Who is signed in: their role is read from the members' page. */
  user: z.strictObject({ id: z.guid(), email: z.string().max(320).nullable() }),
  handoff_id: z.string().min(1).max(100),
});
export type DirectRead = z.infer<typeof DirectRead>;

export const StreamMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('begin'), now: z.iso.datetime({ offset: true }) }),
  z.strictObject({ type: z.literal('text'), table: DashboardTable, page: PageIndex, offset: RowOffset, text: z.string().max(STREAM_CHUNK_CHARS), end: z.boolean() }),
  z.strictObject({ type: z.literal('input'), text: z.string().max(STREAM_CHUNK_CHARS), end: z.boolean() }),
  z.strictObject({ type: z.literal('direct'), read: DirectRead }),
  z.strictObject({ type: z.literal('done'), answer: DashboardLoaded }),
  z.strictObject({ type: z.literal('error'), message: z.string().min(1).max(2000) }),
]);
export type StreamMessage = z.infer<typeof StreamMessage>;

/**
 * `text` cut into pieces of at most `size` characters, at least one (an empty
 * text is one empty piece). A cut never falls inside a surrogate pair: Chrome
 * carries messages as UTF-8, where half a pair would arrive as U+FFFD.
 */
export function chunksOf(text: string, size = STREAM_CHUNK_CHARS): string[] {
  if (text.length <= size) return [text];
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + size, text.length);
    const next = text.charCodeAt(end);
    if (end < text.length && next >= 0xdc00 && next <= 0xdfff) end -= 1;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}
