import type { RecordKind } from '../messaging/record-kinds';
import type { StoreResult } from '../messaging/store-messages';
import { dependentsOf, specOf, type AnyRecord, type RecordOf } from '../schemas/record-kinds';
import { Uuid } from '../schemas/common';
import type { SidecarDb } from './db';
import { ensureIdentity } from './identity';
import { storeError, toStoreIssues } from './issues';
import { readWorkspaceLink } from './workspace-link';
import { appendOutbox } from './outbox';
import { isRecognitionKind, patchRecognition, patchRecognitionMany } from './recognition-cache';

export interface WriteOptions {
  /** The clock, for tests. */
  now?: () => Date;
}

type Row = Record<string, unknown>;

/**
 * Creates or updates one record. The store stamps it as the database's
 * `stamp_row` trigger does: `created_by` and `created_at` are kept from the
 * stored record (or set now, by the local author), `updated_at` is now, and
 * whatever the writer sent for them is ignored. Then the record is validated
 * with its kind's schema, its references and unique fields are checked, and
 * it is stored together with its outbox entry, in one transaction.
 *
 * A write that changes nothing stores nothing and owes no upload.
 */
export async function putRecord<K extends RecordKind>(
  db: SidecarDb,
  kind: K,
  input: unknown,
  options: WriteOptions = {},
): Promise<StoreResult<RecordOf<K>>> {
  const spec = specOf(kind);
  if (!spec.writable) return storeError('read-only', `${kind} are written by the workspace or the store, not by pages.`);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return storeError('invalid', 'A record must be an object.', [{ path: '', message: 'expected an object' }]);
  }
  const id = Uuid.safeParse((input as Row).id);
  if (!id.success) return storeError('invalid', 'A record needs a UUID `id`, made by the writer.', toStoreIssues(id.error, 'id'));

  const now = (options.now ?? (() => new Date()))().toISOString();
  return db.transaction('rw', db.allTables, async () => {
    const table = db.records(kind);
    const existing = (await table.get(id.data)) as Row | undefined;
    const identity = await ensureIdentity(db);
    // A new record belongs to the connected workspace, if any; solo records stay `null`.
    const organizationId = existing ? existing.organization_id : ((await readWorkspaceLink(db))?.organization_id ?? null);
    const stamped: Row = {
      ...(input as Row),
      organization_id: organizationId ?? null,
      created_by: existing?.created_by ?? identity.author_id,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    if (kind === 'opportunities') {
      const stageKept = existing && existing.declared_stage === (stamped.declared_stage ?? 'identify');
      stamped.stage_entered_at = stageKept ? existing.stage_entered_at : now;
    }
    const parsed = spec.schema.safeParse(stamped);
    if (!parsed.success) return storeError('invalid', `This ${kind} record does not fit its schema.`, toStoreIssues(parsed.error));
    const record = parsed.data as RecordOf<K>;

    if (existing && sameExceptUpdatedAt(existing, record as Row)) return { ok: true as const, value: existing as RecordOf<K> };

    const referenceError = await checkReferences(db, kind, record as Row);
    if (referenceError) return referenceError;
    const conflict = await checkUnique(db, kind, record as Row);
    if (conflict) return conflict;

    await table.put(record);
    if (isRecognitionKind(kind)) await patchRecognition(db, kind, id.data, record as Row);
    await appendOutbox(db, { record_kind: kind, record_id: id.data, op: 'upsert', payload: record as Row }, now);
    if (kind === 'opportunities') await appendStageChange(db, existing, record as RecordOf<'opportunities'>, now);
    return { ok: true as const, value: record };
  });
}

/**
 * Deletes one record and, as the database's `on delete cascade` does, every
 * record that references it. Only the record asked for goes to the outbox:
 * the database cascades the rest itself.
 */
export async function deleteRecord(db: SidecarDb, kind: RecordKind, id: string, options: WriteOptions = {}): Promise<StoreResult<{ deleted: boolean }>> {
  if (!specOf(kind).writable) return storeError('read-only', `${kind} are written by the workspace or the store, not by pages.`);
  const parsedId = Uuid.safeParse(id);
  if (!parsedId.success) return storeError('invalid', 'The id must be a UUID.', toStoreIssues(parsedId.error, 'id'));
  const now = (options.now ?? (() => new Date()))().toISOString();
  return db.transaction('rw', db.allTables, async () => {
    const existing = await db.records(kind).get(parsedId.data);
    if (!existing) return { ok: true as const, value: { deleted: false } };
    await deleteWithDependents(db, kind, [parsedId.data]);
    await appendOutbox(db, { record_kind: kind, record_id: parsedId.data, op: 'delete', payload: null }, now);
    return { ok: true as const, value: { deleted: true } };
  });
}

export async function getRecord<K extends RecordKind>(db: SidecarDb, kind: K, id: string): Promise<RecordOf<K> | null> {
  return (await db.records(kind).get(id)) ?? null;
}

/** Deletes records of one kind and, recursively, what references them (the database's cascade). Call inside a write transaction over every table. */
export async function deleteWithDependents(db: SidecarDb, kind: RecordKind, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  for (const dependent of dependentsOf(kind)) {
    const rows = await db.table(dependent.kind).where(dependent.field).anyOf(ids).primaryKeys();
    await deleteWithDependents(db, dependent.kind, rows as string[]);
  }
  await db.table(kind).bulkDelete(ids);
  if (isRecognitionKind(kind)) await patchRecognitionMany(db, ids.map((id) => ({ kind, id, record: null })));
}

/**
 * Each reference must name an existing record, and a record of the same
 * account: the database's composite foreign keys hold records to one account.
 */
async function checkReferences(db: SidecarDb, kind: RecordKind, record: Row) {
  for (const [field, target] of Object.entries(specOf(kind).references)) {
    const value = record[field];
    if (value === null || value === undefined) continue;
    const referenced = (await db.table(target).get(value)) as Row | undefined;
    const otherAccount = referenced && target !== 'accounts' && referenced.account_id !== record.account_id;
    if (!referenced || otherAccount) {
      return storeError('missing-reference', `${field} names no ${target} record of this account.`, [
        { path: field, message: `no ${target} record ${String(value)}${otherAccount ? ' in this account' : ''}` },
      ]);
    }
  }
  return null;
}

async function checkUnique(db: SidecarDb, kind: RecordKind, record: Row) {
  for (const fields of specOf(kind).unique) {
    const values = fields.map((field) => record[field]);
    if (values.some((value) => value === null || value === undefined)) continue;
    const [first, ...rest] = fields;
    const clash = await db
      .table(kind)
      .where(first!)
      .equals(values[0] as string)
      .filter((other: Row) => other.id !== record.id && rest.every((field) => other[field] === record[field]))
      .first();
    if (clash) {
      return storeError('conflict', `Another ${kind} record already has this ${fields.join(' and ')}.`, [
        { path: fields.join(','), message: `already used by ${String((clash as Row).id)}` },
      ]);
    }
  }
  return null;
}

/**
 * Appends to the stage history on creation and on every change of declared
 * stage or status, as the database's trigger does. The entry is local: the
 * database writes its own when the opportunity is uploaded, so it owes no
 * upload (the sync replaces local history with the workspace's).
 */
async function appendStageChange(db: SidecarDb, before: Row | undefined, after: RecordOf<'opportunities'>, now: string) {
  if (before && before.declared_stage === after.declared_stage && before.status === after.status) return;
  await db.records('opportunity_stage_changes').put({
    id: crypto.randomUUID(),
    organization_id: after.organization_id,
    account_id: after.account_id,
    opportunity_id: after.id,
    stage: after.declared_stage,
    status: after.status,
    changed_at: after.stage_entered_at,
    created_by: after.created_by,
    created_at: now,
    updated_at: now,
  });
}

function sameExceptUpdatedAt(a: Row, b: Row): boolean {
  const strip = ({ updated_at: _ignored, ...rest }: Row) => rest;
  return stableJson(strip(a)) === stableJson(strip(b));
}

function stableJson(value: Row): string {
  return JSON.stringify(value, Object.keys(value).sort());
}

export type { AnyRecord };
