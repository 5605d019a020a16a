import { z } from 'zod';
import { isGuid } from '../guid';
import { isRecordKind, type RecordKind } from '../messaging/record-kinds';
import { specOf, type AnyRecord } from '../schemas/record-kinds';
import { positionalOf, type Positional } from '../zod-positional';

/**
 * The decoder of one part of the first pull's snapshot: the body of
 * `public.pull_snapshot` (supabase/API.md), `{ cursor, records: { <kind>:
 * [row, ...] } }`, each row the positional form (lib/zod-positional.ts) of
 * its kind's record schema without `organization_id`, which the call names.
 *
 * Why a form of its own: `pull_changes` writes every row as named JSON; for a
 * first pull of a large organization that is 400 MB, and the key names and
 * the server's time to write them dominate. Here each row is a list, decoded
 * and checked in one walk by a decoder built once per kind from the same
 * schema `pull_changes`' rows are parsed with, so no second zod parse runs.
 *
 * What it gives back: each record exactly as `specOf(kind).schema.parse`
 * gives it for the same row pulled by `pull_changes` (its `organization_id`
 * filled in, as the last key); a row that does not fit is left out and named
 * in `rejected` (kind, id when readable, where and why), never thrown. Kinds
 * this store does not keep are ignored, as the delta pull ignores them.
 * tests/db/pull-snapshot.test.ts holds the decoded snapshot equal to the
 * parsed `pull_changes` rows of the same data, kind by kind.
 */
export type SnapshotPart =
  | { ok: true; cursor: string; records: Partial<Record<RecordKind, AnyRecord[]>>; rejected: string[] }
  | { ok: false; message: string };

/**
 * The envelope. A cursor is what `private.parse_cursor` accepts (and what
 * `pull_changes` hands out); each kind's rows are checked row by row below,
 * so the envelope looks no deeper than "a list".
 */
const SnapshotEnvelope = z.object({
  cursor: z.string().regex(/^\d{1,20}:\d{1,19}$/, 'cursor must be a pull_changes cursor such as 123:456'),
  records: z.record(
    z.string(),
    z.custom<unknown[]>((value) => Array.isArray(value), 'the rows of a kind must be a list'),
  ),
});

type RowDecoder = Positional<Omit<AnyRecord, 'organization_id'>>;

const decoders = new Map<RecordKind, RowDecoder>();

/** The kind's positional decoder, built on first use and kept: building walks the schema. */
function decoderOf(kind: RecordKind): RowDecoder {
  let decoder = decoders.get(kind);
  if (!decoder) {
    decoder = positionalOf(specOf(kind).schema.omit({ organization_id: true })) as RowDecoder;
    decoders.set(kind, decoder);
  }
  return decoder;
}

export function decodeSnapshotPart(wire: unknown, organizationId: string): SnapshotPart {
  if (!isGuid(organizationId)) return { ok: false, message: `The snapshot was asked for an organization id that is not a uuid (${JSON.stringify(organizationId)}).` };
  const envelope = SnapshotEnvelope.safeParse(wire);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
    return { ok: false, message: `The workspace's snapshot does not fit${where}: ${issue?.message ?? 'unknown problem'}.` };
  }
  const records: Partial<Record<RecordKind, AnyRecord[]>> = {};
  const rejected: string[] = [];
  for (const [kind, rows] of Object.entries(envelope.data.records)) {
    if (!isRecordKind(kind)) continue;
    records[kind] = decodeRows(kind, rows, organizationId, rejected);
  }
  return { ok: true, cursor: envelope.data.cursor, records, rejected };
}

function decodeRows(kind: RecordKind, rows: unknown[], organizationId: string, rejected: string[]): AnyRecord[] {
  const decoder = decoderOf(kind);
  const out: AnyRecord[] = [];
  for (const row of rows) {
    const decoded = decoder.decode(row);
    if (decoded.ok) {
      // The decoded object is new and this module's own: filling it in place spares a copy per row.
      (decoded.value as Record<string, unknown>).organization_id = organizationId;
      out.push(decoded.value as AnyRecord);
    } else {
      const where = decoded.path.length > 0 ? `${decoded.path.join('.')}: ` : '';
      rejected.push(`${kind} ${readableId(row)}: ${where}${decoded.message}`);
    }
  }
  return out;
}

/** The row's id (its first value) when it is one, so a rejection names the record. */
function readableId(row: unknown): string {
  const first = Array.isArray(row) ? row[0] : undefined;
  return isGuid(first) ? (first as string) : '(no readable id)';
}
