import type { ImportResult } from '../admin/admin-values';
import type { AdminResult } from '../messaging/admin-messages';
import type { Handler } from '../messaging/router';
import { planDigest, planImport } from '../import/plan-import';
import type { ImportBasis, ImportKind, ImportPlan, ImportReport, ImportWrite } from '../import/plan-types';
import type { SidecarDb } from '../store/db';
import { readAllOf } from '../store/record-access';
import { RecordSession } from '../store/record-session';
import { putRecord } from '../store/records';
import type { AdminContext } from './admin-handlers';
import { adminError, fromServer, ok } from './admin-errors';
import { announceStoreChange } from './store-version';
import { wakeSync } from './sync-runner';

type ImportType = 'admin.import-plan' | 'admin.import-apply';

/**
 * The CSV import, as the background runs it.
 *
 * Dry run and confirmation both sync first (so the plan compares the file
 * with the workspace's records as they are now, not as last pulled), then
 * plan from the local store. Confirming writes through the local store, so
 * each created or updated record gets its outbox entry in the same
 * transaction and goes up through the write RPCs like any other write:
 * exactly once, also if the network drops halfway (the rest waits in the
 * outbox). All rows are written in one transaction, or none.
 *
 * The import is the admin page's: the background asks the workspace for the
 * caller's role and refuses anyone but an admin. (CSMs may write accounts one
 * at a time; the database does not stop them importing, so this check is a
 * product rule, not a security boundary.)
 */
export function importHandlers(
  store: () => SidecarDb,
  context: (db: SidecarDb) => Promise<AdminResult<AdminContext>>,
): { [T in ImportType]: Handler<T> } {
  const prepare = async (kind: ImportKind, csv: string) => {
    const db = store();
    const who = await context(db);
    if (!who.ok) return who;
    const role = await roleOf(who.value);
    if (!role.ok) return role;
    if (role.value !== 'admin') return adminError('refused', 'Only an admin can import records from a file.');
    await wakeSync({ force: true, db }).catch(() => undefined);
    const planned = planImport(kind, csv, await readBasis(db), () => crypto.randomUUID());
    if (!planned.ok) return adminError('unreadable', planned.message, 'file');
    return ok({ db, plan: planned.plan, digest: await planDigest(planned.plan.report) });
  };

  return {
    'admin.import-plan': async ({ kind, csv }) => {
      const prepared = await prepare(kind, csv);
      if (!prepared.ok) return prepared;
      return ok<ImportReport>({ ...prepared.value.plan.report, digest: prepared.value.digest });
    },

    'admin.import-apply': async ({ kind, csv, digest }) => {
      const prepared = await prepare(kind, csv);
      if (!prepared.ok) return prepared;
      const { db, plan } = prepared.value;
      if (prepared.value.digest !== digest) {
        return adminError('changed', 'The records changed since the dry run, so its report is out of date. Nothing was written: run the dry run again and check the new report.');
      }
      const written = await writeAll(db, plan.writes);
      if (!written.ok) return written;
      await announceStoreChange();
      const upload = await uploadWithin(db, UPLOAD_WAIT_MS);
      return ok<ImportResult>({
        kind,
        created: plan.report.counts.create,
        updated: plan.report.counts.update,
        uploaded: upload.sent,
        waiting: await db.outbox.count(),
        sync_error: upload.error,
      });
    },
  };
}

/**
 * How long confirming waits for the upload before answering. A small file is
 * sent well within it; a large one keeps going in the background (the
 * outbox holds what is left) and the page follows the sync state.
 */
const UPLOAD_WAIT_MS = 15_000;

async function uploadWithin(db: SidecarDb, ms: number): Promise<{ sent: number; error: string | null }> {
  const run = wakeSync({ force: true, db }).then(
    (report) => (!report.ran ? { sent: 0, error: `Not sent yet (${report.reason}); the writes wait in this browser.` } : { sent: report.sent, error: report.ok ? null : report.error }),
    (error: unknown) => ({ sent: 0, error: String(error) }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = new Promise<{ sent: number; error: null }>((resolve) => (timer = setTimeout(() => resolve({ sent: 0, error: null }), ms)));
  return Promise.race([run, later]).finally(() => clearTimeout(timer));
}

async function roleOf({ client, organizationId, userId }: AdminContext): Promise<AdminResult<string | null>> {
  const { data, error } = await client.from('members').select('role').eq('organization_id', organizationId).eq('user_id', userId).limit(1);
  if (error) return fromServer(error);
  return ok(((data ?? []) as { role: string }[])[0]?.role ?? null);
}

/** The organization's records as the store holds them after the sync. */
async function readBasis(db: SidecarDb): Promise<ImportBasis> {
  return readAllOf(db, ['accounts', 'account_domains', 'organization_domains', 'members', 'stakeholders']);
}

class RowRefused extends Error {
  constructor(readonly row: number, message: string) {
    super(message);
  }
}

/** Every write of the plan in one transaction: a row the store refuses undoes them all. */
async function writeAll(db: SidecarDb, writes: ImportPlan['writes']): Promise<AdminResult<null>> {
  try {
    await db.transaction('rw', db.allTables, async () => {
      // One session for every write: each bucket is read and written once.
      const session = new RecordSession(db);
      for (const write of writes) await writeOne(db, write, session);
      await session.flush();
    });
    return ok(null);
  } catch (error) {
    if (error instanceof RowRefused) return adminError('invalid', `Row ${error.row} could not be saved (${error.message}). Nothing was written.`);
    throw error;
  }
}

async function writeOne(db: SidecarDb, write: ImportWrite, session: RecordSession): Promise<void> {
  if (write.kind === 'accounts') {
    const saved = await putRecord(db, 'accounts', write.account, { session });
    if (!saved.ok) throw new RowRefused(write.row, saved.error.message);
    for (const domain of write.domains) {
      const added = await putRecord(db, 'account_domains', domain, { session });
      if (!added.ok) throw new RowRefused(write.row, `${domain.domain}: ${added.error.message}`);
    }
    return;
  }
  const saved = await putRecord(db, 'stakeholders', write.stakeholder, { session });
  if (!saved.ok) throw new RowRefused(write.row, saved.error.message);
}
