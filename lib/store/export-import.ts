import { z } from 'zod';
import { RECORD_KINDS, type RecordKind } from '../messaging/record-kinds';
import type { StoreIssue, StoreResult } from '../messaging/store-messages';
import { Timestamp } from '../schemas/common';
import { LocalIdentity, OutboxEntry } from '../schemas/outbox';
import { specOf, type AnyRecord } from '../schemas/record-kinds';
import type { SidecarDb } from './db';
import { readIdentity, writeIdentity } from './identity';
import { storeError, toStoreIssues } from './issues';
import { invalidateRecognition } from './recognition-cache';
import { isAccountKind, TABLE_KINDS } from './account-buckets';
import { RecordSession } from './record-session';
import { readAllRecords } from './record-access';


/**
 * Everything in the store as one JSON document, so a CSM can move to another
 * machine or hand their records over. Version 1 of the format; a later
 * format bumps `version` and keeps reading this one.
 */
export const EXPORT_FORMAT = 'sidecar-export';

export const ExportEnvelope = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exported_at: Timestamp,
  /** The solo author the records were written by; adopted by the store that imports them. */
  identity: LocalIdentity.nullable(),
  /** Each kind's records; a kind may be missing when it has none. Each record is checked on its own. */
  records: z.partialRecord(z.enum(RECORD_KINDS), z.array(z.unknown())),
  outbox: z.array(z.unknown()),
});

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exported_at: string;
  identity: LocalIdentity | null;
  records: Record<RecordKind, AnyRecord[]>;
  outbox: OutboxEntry[];
}

export async function exportStore(db: SidecarDb, now: Date = new Date()): Promise<ExportDocument> {
  return db.transaction('r', db.allTables, async () => {
    const session = new RecordSession(db);
    const lists: AnyRecord[][] = [];
    for (const kind of RECORD_KINDS) lists.push(await readAllRecords(session, kind));
    return {
      format: EXPORT_FORMAT,
      version: 1,
      exported_at: now.toISOString(),
      identity: await readIdentity(db),
      records: Object.fromEntries(RECORD_KINDS.map((kind, i) => [kind, lists[i]])) as Record<RecordKind, AnyRecord[]>,
      outbox: await db.outbox.orderBy('seq').toArray(),
    };
  });
}

export interface ImportReport {
  records: Record<RecordKind, number>;
  outbox: number;
}

/**
 * Loads an exported document into an empty store, all or nothing: every
 * record is checked against its schema, its references and its unique
 * fields first, and any rejection (each reported with its path and reason)
 * leaves the store untouched. Records keep their ids, authors and
 * timestamps; the outbox comes along, so writes not yet uploaded stay owed.
 */
export async function importStore(db: SidecarDb, document: unknown): Promise<StoreResult<ImportReport>> {
  const envelope = ExportEnvelope.safeParse(document);
  if (!envelope.success) return storeError('invalid', 'This is not a Sidecar export this version can read.', toStoreIssues(envelope.error));

  const issues: StoreIssue[] = [];
  const records = {} as Record<RecordKind, AnyRecord[]>;
  for (const kind of RECORD_KINDS) {
    records[kind] = [];
    (envelope.data.records[kind] ?? []).forEach((raw, index) => {
      const parsed = specOf(kind).schema.safeParse(raw);
      if (parsed.success) records[kind].push(parsed.data as AnyRecord);
      else issues.push(...toStoreIssues(parsed.error, `records.${kind}.${index}`));
    });
  }
  const outbox: OutboxEntry[] = [];
  envelope.data.outbox.forEach((raw, index) => {
    const parsed = OutboxEntry.safeParse(raw);
    if (parsed.success) outbox.push(parsed.data);
    else issues.push(...toStoreIssues(parsed.error, `outbox.${index}`));
  });
  issues.push(...checkConsistency(records, outbox));
  if (issues.length > 0) return storeError('invalid', `${issues.length} problem(s) in the file; nothing was imported.`, issues);

  return db.transaction('rw', db.allTables, async () => {
    const session = new RecordSession(db);
    const tableCounts = await Promise.all([...TABLE_KINDS.map((kind) => db.table(kind).count()), db.outbox.count()]);
    await session.loadAll({ withIndex: true });
    if (tableCounts.some((count) => count > 0) || !session.isEmpty()) {
      return storeError('not-empty', 'Import goes into an empty store: this one already holds records.');
    }
    for (const kind of RECORD_KINDS) {
      if (isAccountKind(kind)) for (const record of records[kind]) session.put(kind, record as Record<string, unknown>);
      else await db.table(kind).bulkAdd(records[kind]);
    }
    await session.flush();
    await db.outbox.bulkAdd(outbox);
    await invalidateRecognition(db);
    if (envelope.data.identity) await writeIdentity(db, envelope.data.identity);
    return {
      ok: true as const,
      value: {
        records: Object.fromEntries(RECORD_KINDS.map((kind) => [kind, records[kind].length])) as Record<RecordKind, number>,
        outbox: outbox.length,
      },
    };
  });
}

/** Within the document: ids are unique, references resolve (same account), unique fields do not clash. */
function checkConsistency(records: Record<RecordKind, AnyRecord[]>, outbox: OutboxEntry[]): StoreIssue[] {
  const issues: StoreIssue[] = [];
  const byId = new Map<RecordKind, Map<string, Record<string, unknown>>>();
  for (const kind of RECORD_KINDS) {
    const ids = new Map<string, Record<string, unknown>>();
    records[kind].forEach((record, index) => {
      if (ids.has(record.id)) issues.push({ path: `records.${kind}.${index}.id`, message: `duplicate id ${record.id}` });
      ids.set(record.id, record);
    });
    byId.set(kind, ids);
  }
  for (const kind of RECORD_KINDS) {
    const spec = specOf(kind);
    const seen = spec.unique.map(() => new Set<string>());
    records[kind].forEach((record, index) => {
      const row = record as Record<string, unknown>;
      for (const [field, target] of Object.entries(spec.references)) {
        const value = row[field];
        if (value === null || value === undefined) continue;
        const referenced = byId.get(target)?.get(value as string);
        if (!referenced || (target !== 'accounts' && referenced.account_id !== row.account_id)) {
          issues.push({ path: `records.${kind}.${index}.${field}`, message: `no ${target} record ${String(value)} of this account in the file` });
        }
      }
      spec.unique.forEach((fields, i) => {
        const values = fields.map((field) => row[field]);
        if (values.some((value) => value === null || value === undefined)) return;
        const key = JSON.stringify(values);
        if (seen[i]!.has(key)) issues.push({ path: `records.${kind}.${index}`, message: `${fields.join(' and ')} used twice` });
        seen[i]!.add(key);
      });
    });
  }
  const seqs = new Set<number>();
  const outboxIds = new Set<string>();
  outbox.forEach((entry, index) => {
    if (seqs.has(entry.seq) || outboxIds.has(entry.id)) issues.push({ path: `outbox.${index}`, message: 'duplicate outbox id or seq' });
    seqs.add(entry.seq);
    outboxIds.add(entry.id);
  });
  return issues;
}
