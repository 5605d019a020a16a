import type { RecordKind } from '../messaging/record-kinds';
import type { StoreResult } from '../messaging/store-messages';
import { dependentsOf, specOf, type AnyRecord, type RecordOf } from '../schemas/record-kinds';
import { Uuid } from '../schemas/common';
import type { SidecarDb } from './db';
import { ensureIdentity } from './identity';
import { storeError, toStoreIssues } from './issues';
import { readWorkspaceLink } from './workspace-link';
import { appendOutbox } from './outbox';
import { isRecognitionKind, patchRecognition, patchRecognitionMany, type RecognitionPatch } from './recognition-cache';
import { findIn, isAccountKind, recordsOf, type AccountEntry, type AccountKind } from './account-buckets';
import { RecordSession } from './record-session';
import { readRecord, storeRecord } from './record-access';

export interface WriteOptions {
  /** The clock, for tests. */
  now?: () => Date;
  /**
   * A session shared by many writes inside one caller's transaction (an
   * import): each bucket is then read and parsed once for all of them, not
   * once per write. The caller flushes it before its transaction ends.
   */
  session?: RecordSession;
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
    const session = options.session ?? new RecordSession(db);
    const row = input as Row;
    // The record, its account's bucket, what its references name and its unique domain, read once.
    const stageChangeId = kind === 'opportunities' ? crypto.randomUUID() : null;
    const referenced = referencedIds(kind, row);
    const ownAccount = kind === 'accounts' ? id.data : row.account_id;
    await session.prepare(
      [...(isAccountKind(kind) && kind !== 'accounts' ? [id.data] : []), ...referenced.records, ...(stageChangeId ? [stageChangeId] : [])],
      [...referenced.accounts, ...(isAccountKind(kind) ? [ownAccount].filter(isString) : [])],
      kind === 'account_domains' ? [row.domain].filter(isString) : [],
    );
    const existing = (await readRecord(session, kind, id.data)) as Row | undefined;
    const identity = await ensureIdentity(db);
    // A new record belongs to the connected workspace, if any; solo records stay `null`.
    const organizationId = existing ? existing.organization_id : ((await readWorkspaceLink(db))?.organization_id ?? null);
    const stamped: Row = {
      ...row,
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

    const referenceError = checkReferences(session, kind, record as Row);
    if (referenceError) return referenceError;
    const conflict = await checkUnique(session, kind, record as Row);
    if (conflict) return conflict;

    await storeRecord(session, kind, record as Row);
    if (kind === 'opportunities') appendStageChange(session, existing, record as RecordOf<'opportunities'>, stageChangeId!, now);
    if (!options.session) await session.flush();
    if (isRecognitionKind(kind)) await patchRecognition(db, kind, id.data, record as Row);
    await appendOutbox(db, { record_kind: kind, record_id: id.data, op: 'upsert', payload: record as Row }, now);
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
    const session = new RecordSession(db);
    const existing = await readRecord(session, kind, parsedId.data);
    if (!existing) return { ok: true as const, value: { deleted: false } };
    await deleteWithDependents(session, kind, [parsedId.data]);
    await session.flush();
    await appendOutbox(db, { record_kind: kind, record_id: parsedId.data, op: 'delete', payload: null }, now);
    return { ok: true as const, value: { deleted: true } };
  });
}

export async function getRecord<K extends RecordKind>(db: SidecarDb, kind: K, id: string): Promise<RecordOf<K> | null> {
  return db.transaction('r', db.recordTables, async () => (await readRecord(new RecordSession(db), kind, id)) ?? null);
}

/**
 * Deletes records of one kind and, recursively, what references them (the
 * database's cascade), patching the recognition cache. Call inside a write
 * transaction over every table; the caller flushes the session.
 */
export async function deleteWithDependents(session: RecordSession, kind: RecordKind, ids: string[]): Promise<void> {
  if (isAccountKind(kind)) {
    await session.prepare(kind === 'accounts' ? [] : ids, kind === 'accounts' ? ids : []);
    await patchRecognitionMany(session.database, removeWithDependents(session, kind, ids));
    return;
  }
  // The organization's own kinds: nothing references them.
  const gone: RecognitionPatch[] = [];
  for (const id of new Set(ids)) {
    const existing = await session.database.table(kind).get(id);
    if (!existing) continue;
    await session.database.table(kind).delete(id);
    if (isRecognitionKind(kind)) gone.push({ kind, id, record: null });
  }
  await patchRecognitionMany(session.database, gone);
}

/**
 * The cascade, in memory (the ids prepared): every reference stays inside
 * one account, so an account goes with its whole entry and anything else
 * takes what references it within its own account's entry. Returns the
 * recognition cache's patches for what left.
 */
export function removeWithDependents(session: RecordSession, kind: AccountKind, ids: Iterable<string>): RecognitionPatch[] {
  const gone: RecognitionPatch[] = [];
  for (const id of new Set(ids)) gone.push(...removeFromAccount(session, kind, id, session.accountOfRecord(kind, id)));
  return gone;
}

/** `removeWithDependents` of one record whose account the caller knows (found in its entry). */
export function removeFromAccount(session: RecordSession, kind: AccountKind, id: string, account: string | undefined): RecognitionPatch[] {
  const gone: RecognitionPatch[] = [];
  if (account === undefined) return gone;
  if (kind === 'accounts') {
    const entry = session.removeAccount(id);
    if (!entry) return gone;
    for (const recognised of ['accounts', 'account_domains', 'stakeholders'] as const) {
      for (const record of recordsOf(entry, recognised)) gone.push({ kind: recognised, id: record.id as string, record: null });
    }
    return gone;
  }
  const entry = session.entry(account);
  if (!entry || !findIn(entry, kind, id)) return gone;
  for (const [dependentKind, dependentId] of dependentsWithin(entry, kind, id)) {
    session.remove(dependentKind, dependentId, account);
    if (isRecognitionKind(dependentKind)) gone.push({ kind: dependentKind, id: dependentId, record: null });
  }
  return gone;
}

/** The record and, recursively, the records of its entry that reference it: dependents first. */
function dependentsWithin(entry: AccountEntry, kind: AccountKind, id: string): [AccountKind, string][] {
  const out: [AccountKind, string][] = [];
  for (const dependent of dependentsOf(kind)) {
    if (!isAccountKind(dependent.kind)) continue;
    for (const record of recordsOf(entry, dependent.kind)) {
      if (record[dependent.field] === id) out.push(...dependentsWithin(entry, dependent.kind, record.id as string));
    }
  }
  out.push([kind, id]);
  return out;
}

/**
 * Each reference must name an existing record, and a record of the same
 * account: the database's composite foreign keys hold records to one account.
 */
function checkReferences(session: RecordSession, kind: RecordKind, record: Row) {
  for (const [field, target] of Object.entries(specOf(kind).references)) {
    const value = record[field];
    if (value === null || value === undefined) continue;
    // Every reference names an account-scoped kind (record-kinds.ts), prepared by the caller.
    const referenced = isAccountKind(target) ? (session.get(target, value as string) as Row | undefined) : undefined;
    const otherAccount = referenced && target !== 'accounts' && referenced.account_id !== record.account_id;
    if (!referenced || otherAccount) {
      return storeError('missing-reference', `${field} names no ${target} record of this account.`, [
        { path: field, message: `no ${target} record ${String(value)}${otherAccount ? ' in this account' : ''}` },
      ]);
    }
  }
  return null;
}

/**
 * Unique keys: an account domain's domain is unique in the organization
 * (looked up in the index); every other key of an account-scoped kind
 * includes the account or an opportunity of it, so its clash is in the same
 * account's entry; the organization's own kinds are looked up in their table.
 */
async function checkUnique(session: RecordSession, kind: RecordKind, record: Row) {
  for (const fields of specOf(kind).unique) {
    const values = fields.map((field) => record[field]);
    if (values.some((value) => value === null || value === undefined)) continue;
    const clash = await findClash(session, kind, fields, record);
    if (clash) {
      return storeError('conflict', `Another ${kind} record already has this ${fields.join(' and ')}.`, [
        { path: fields.join(','), message: `already used by ${String(clash.id)}` },
      ]);
    }
  }
  return null;
}

/** A stored record other than `record` with the same values in `fields` (none of them null), if any. */
export async function findClash(session: RecordSession, kind: RecordKind, fields: readonly string[], record: Row): Promise<Row | undefined> {
  if (isAccountKind(kind)) return findClashInBuckets(session, kind, fields, record);
  const same = (other: Row) => other.id !== record.id && fields.every((field) => other[field] === record[field]);
  return ((await session.database.table(kind).toArray()) as Row[]).find(same);
}

/** `findClash` for an account-scoped kind, in memory (the record's account and, for a domain, the domain prepared). */
export function findClashInBuckets(session: RecordSession, kind: AccountKind, fields: readonly string[], record: Row): Row | undefined {
  const same = (other: Row) => other.id !== record.id && fields.every((field) => other[field] === record[field]);
  if (kind === 'account_domains') {
    const holder = session.byDomain(record.domain as string) as Row | undefined;
    return holder && same(holder) ? holder : undefined;
  }
  return (session.ofAccount(kind, record.account_id as string) as Row[]).find(same);
}

/**
 * Appends to the stage history on creation and on every change of declared
 * stage or status, as the database's trigger does. The entry is local: the
 * database writes its own when the opportunity is uploaded, so it owes no
 * upload (the sync replaces local history with the workspace's).
 */
function appendStageChange(session: RecordSession, before: Row | undefined, after: RecordOf<'opportunities'>, id: string, now: string) {
  if (before && before.declared_stage === after.declared_stage && before.status === after.status) return;
  session.put('opportunity_stage_changes', {
    id,
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

/** The ids a record's references name, accounts apart (so one read brings what checking them needs). */
function referencedIds(kind: RecordKind, record: Row): { accounts: string[]; records: string[] } {
  const out = { accounts: [] as string[], records: [] as string[] };
  for (const [field, target] of Object.entries(specOf(kind).references)) {
    const value = record[field];
    if (isString(value)) (target === 'accounts' ? out.accounts : out.records).push(value);
  }
  return out;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function sameExceptUpdatedAt(a: Row, b: Row): boolean {
  const strip = ({ updated_at: _ignored, ...rest }: Row) => rest;
  return stableJson(strip(a)) === stableJson(strip(b));
}

function stableJson(value: Row): string {
  return JSON.stringify(value, Object.keys(value).sort());
}

export type { AnyRecord };
